package dev.littlebrain.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Fits a {@link ModelSpec} with Adam and softmax cross-entropy in PyTorch (CPU). Reproducible: the seed fixes
 * the initial weights, dropout masks (PyTorch generator) and batch order (a Java {@link Random}).
 */
public final class Trainer {
    private final ModelSpec spec;
    private final TrainingConfig config;

    public Trainer(ModelSpec spec, TrainingConfig config) {
        this.spec = spec;
        this.config = config;
    }

    public TrainingResult fit(LabeledFeatures train, LabeledFeatures validation, Consumer<EpochStats> onEpoch) {
        int classes = LayerSpec.product(spec.outputShape());
        check(train, classes);
        boolean hasValidation = validation != null && validation.size() > 0;
        if (hasValidation) {
            check(validation, classes);
        }
        float[] classWeights = config.classWeights();
        if (classWeights != null && classWeights.length != classes) {
            throw new IllegalArgumentException(classWeights.length + " class weights for " + classes + " classes");
        }
        List<EpochStats> history = new ArrayList<>();
        try (Network net = Network.initialize(spec, config.seed())) {
            // Keras' Adam defaults (epsilon 1e-7).
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(config.learningRate()))
                    .optEpsilon(1e-7f).build();
            Random order = new Random(config.seed());
            int[] index = new int[train.size()];
            for (int i = 0; i < index.length; i++) {
                index[i] = i;
            }
            TrainedParameters best = net.parameters();
            float bestLoss = Float.POSITIVE_INFINITY;
            int bestEpoch = 0;
            long started = System.nanoTime();
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                long t0 = System.nanoTime();
                shuffle(index, order);
                double lossSum = 0;
                int correct = 0;
                for (int from = 0; from < index.length; from += config.batchSize()) {
                    int to = Math.min(index.length, from + config.batchSize());
                    float[] stats = step(net, adam, train, index, from, to, classes, classWeights);
                    lossSum += stats[0] * (to - from);
                    correct += (int) stats[1];
                }
                float loss = (float) (lossSum / index.length);
                float accuracy = (float) correct / index.length;
                float[] val = hasValidation ? evaluate(net, validation, classes) : new float[] {Float.NaN, Float.NaN};
                float monitored = hasValidation ? val[0] : loss;
                if (monitored < bestLoss) {
                    bestLoss = monitored;
                    bestEpoch = epoch;
                    best = net.parameters();
                }
                long now = System.nanoTime();
                Duration epochTime = Duration.ofNanos(now - t0);
                Duration eta = Duration.ofNanos((now - started) / epoch * (config.epochs() - epoch));
                EpochStats s = new EpochStats(epoch, config.epochs(), loss, accuracy, val[0], val[1], epochTime, eta);
                history.add(s);
                if (onEpoch != null) {
                    onEpoch.accept(s);
                }
                if (config.patience() > 0 && epoch - bestEpoch >= config.patience()) {
                    break;
                }
            }
            return new TrainingResult(best, history, bestEpoch);
        }
    }

    /** One Adam step on samples {@code index[from..to)}; returns {mean loss, correct count}. */
    private static float[] step(Network net, Optimizer adam, LabeledFeatures data, int[] index, int from, int to,
            int classes, float[] classWeights) {
        int n = to - from;
        int size = net.spec().inputSize();
        float[] x = new float[n * size];
        float[] oneHot = new float[n * classes];
        float[] weight = new float[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int s = index[from + i];
            System.arraycopy(data.features()[s], 0, x, i * size, size);
            labels[i] = data.labels()[s];
            oneHot[i * classes + labels[i]] = 1f;
            weight[i] = classWeights == null ? 1f : classWeights[labels[i]];
        }
        Engine engine = Network.engine();
        float loss;
        float[] logits;
        try (NDManager scope = net.manager().newSubManager()) {
            NDArray input = scope.create(x, new Shape(n, size));
            NDArray target = scope.create(oneHot, new Shape(n, classes));
            NDArray w = scope.create(weight, new Shape(n));
            try (GradientCollector gc = engine.newGradientCollector()) {
                NDArray out = net.block().forward(net.store(), new NDList(input), true).singletonOrThrow()
                        .reshape(n, classes);
                // Keras' class_weight: each sample's loss times its weight, averaged over the batch.
                NDArray lossArray = out.logSoftmax(1).mul(target).sum(new int[] {1}).neg().mul(w).mean();
                gc.backward(lossArray);
                loss = lossArray.getFloat();
                logits = out.toFloatArray();
            }
            for (Map.Entry<String, Parameter> e : net.block().parametersByKey().entrySet()) {
                Parameter p = e.getValue();
                if (!p.requiresGradient()) {
                    continue;
                }
                NDArray array = p.getArray();
                try (NDArray grad = array.getGradient()) {
                    adam.update(p.getId(), array, grad);
                    grad.subi(grad);
                }
            }
        }
        return new float[] {loss, countCorrect(logits, labels, classes)};
    }

    /** {mean unweighted loss, accuracy} in inference mode. */
    private static float[] evaluate(Network net, LabeledFeatures data, int classes) {
        double loss = 0;
        int correct = 0;
        int batch = 256;
        for (int from = 0; from < data.size(); from += batch) {
            int to = Math.min(data.size(), from + batch);
            float[][] rows = new float[to - from][];
            int[] labels = new int[to - from];
            for (int i = from; i < to; i++) {
                rows[i - from] = data.features()[i];
                labels[i - from] = data.labels()[i];
            }
            float[][] probs = net.predict(rows);
            for (int i = 0; i < rows.length; i++) {
                loss -= Math.log(Math.max(probs[i][labels[i]], 1e-7f));
                correct += argmax(probs[i]) == labels[i] ? 1 : 0;
            }
        }
        return new float[] {(float) (loss / data.size()), (float) correct / data.size()};
    }

    private static int countCorrect(float[] logits, int[] labels, int classes) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (logits[i * classes + c] > logits[i * classes + best]) {
                    best = c;
                }
            }
            correct += best == labels[i] ? 1 : 0;
        }
        return correct;
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static void shuffle(int[] a, Random rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static void check(LabeledFeatures data, int classes) {
        for (int label : data.labels()) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " outside 0.." + (classes - 1));
            }
        }
    }
}
