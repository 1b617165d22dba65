package dev.littlebrain.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Fits a {@link ModelSpec} with Adam and softmax cross-entropy in PyTorch (CPU). Reproducible: the seed fixes
 * the initial weights, dropout masks (PyTorch generator) and batch order (a Java {@link Random}).
 */
public final class Trainer {
    private final ModelSpec spec;
    private final TrainingConfig config;
    private final TrainingDevice device;

    public Trainer(ModelSpec spec, TrainingConfig config) {
        this(spec, config, TrainingDevice.CPU);
    }

    public Trainer(ModelSpec spec, TrainingConfig config, TrainingDevice device) {
        this.spec = spec;
        this.config = config;
        this.device = device;
    }

    public TrainingResult fit(LabeledFeatures train, LabeledFeatures validation, Consumer<EpochStats> onEpoch) {
        return fit(train, validation, onEpoch, null, null);
    }

    /**
     * As {@link #fit(LabeledFeatures, LabeledFeatures, Consumer)}, writing a {@link Checkpoint} to {@code checkpoint}
     * (if not null) after every epoch and resuming from it when it matches this spec, config and data. A corrupt or
     * mismatched checkpoint is reported to {@code messages} and training restarts from scratch. The checkpoint is
     * deleted once training finishes.
     */
    public TrainingResult fit(LabeledFeatures train, LabeledFeatures validation, Consumer<EpochStats> onEpoch,
            Path checkpoint, Consumer<String> messages) {
        return fit(train, validation, onEpoch, checkpoint, messages, false);
    }

    /**
     * As {@link #fit(LabeledFeatures, LabeledFeatures, Consumer, Path, Consumer)}; with {@code keepCheckpoint} the
     * checkpoint of the finished run stays, to be deleted by the caller. An ensemble keeps each finished member's
     * until the whole ensemble is written, so a run interrupted in a later member does not train the earlier ones
     * again: fitting from a finished run's checkpoint returns its result at once, without an epoch.
     */
    public TrainingResult fit(LabeledFeatures train, LabeledFeatures validation, Consumer<EpochStats> onEpoch,
            Path checkpoint, Consumer<String> messages, boolean keepCheckpoint) {
        Consumer<String> log = messages == null ? m -> { } : messages;
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
        TrainingConfig.FeatureMasks masks = config.specAugment();
        if (masks != null && (long) masks.frames() * masks.coefficients() != spec.inputSize()) {
            throw new IllegalArgumentException("SpecAugment on " + masks.frames() + " x " + masks.coefficients()
                    + " features, but the model's input has " + spec.inputSize() + " values");
        }
        byte[] runHash = checkpoint == null ? null : Checkpoint.runHash(spec, config, train, validation);
        Checkpoint.State resumed = null;
        if (checkpoint != null && Files.exists(checkpoint)) {
            try {
                resumed = Checkpoint.read(checkpoint, runHash);
                boolean finished = resumed.epoch() >= config.epochs() || config.patience() > 0
                        && resumed.epoch() - resumed.bestEpoch() >= config.patience();
                log.accept((finished ? "trained already: checkpoint at epoch " : "resuming from epoch ")
                        + resumed.epoch() + "/" + config.epochs() + " (" + checkpoint + ")");
            } catch (Checkpoint.InvalidCheckpointException e) {
                log.accept("ignoring checkpoint " + checkpoint + ": " + e.getMessage() + "; training from scratch");
            } catch (IOException e) {
                log.accept("cannot read checkpoint " + checkpoint + ": " + e.getMessage() + "; training from scratch");
            }
        }
        List<EpochStats> history = new ArrayList<>();
        try (Network net = Network.initialize(spec, config.seed(), device)) {
            // Keras' Adam defaults (epsilon 1e-7); state kept as plain arrays so it can be checkpointed.
            Adam adam = new Adam(config.learningRate(), 0.9f, 0.999f, 1e-7f);
            int[] index = new int[train.size()];
            TrainedParameters best = net.parameters();
            float bestLoss = Float.POSITIVE_INFINITY;
            int bestEpoch = 0;
            int firstEpoch = 1;
            if (resumed != null) {
                net.load(resumed.parameters());
                adam.restore(resumed.adamStep(), resumed.adamM(), resumed.adamV());
                best = resumed.best();
                bestLoss = resumed.bestLoss();
                bestEpoch = resumed.bestEpoch();
                history.addAll(resumed.history());
                firstEpoch = resumed.epoch() + 1;
            }
            boolean stopped = resumed != null && config.patience() > 0
                    && resumed.epoch() - bestEpoch >= config.patience();
            long started = System.nanoTime();
            long batchesPerEpoch = (index.length + config.batchSize() - 1) / config.batchSize();
            long plannedSteps = batchesPerEpoch * config.epochs();
            for (int epoch = firstEpoch; epoch <= config.epochs() && !stopped; epoch++) {
                long t0 = System.nanoTime();
                long epochSeed = epochSeed(config.seed(), epoch);
                // Batch order and dropout masks depend only on (seed, epoch): resuming at any epoch reproduces them.
                Network.engine().setRandomSeed((int) (epochSeed ^ (epochSeed >>> 32)));
                for (int i = 0; i < index.length; i++) {
                    index[i] = i;
                }
                shuffle(index, new Random(epochSeed));
                // The masks too depend only on (seed, epoch), drawn in batch order.
                SplittableRandom maskRandom = masks == null ? null : new SplittableRandom(~epochSeed);
                double lossSum = 0;
                int correct = 0;
                for (int from = 0; from < index.length; from += config.batchSize()) {
                    int to = Math.min(index.length, from + config.batchSize());
                    // The rate depends only on (epoch, batch), so a resumed run takes the same steps.
                    long stepIndex = (epoch - 1L) * batchesPerEpoch + from / config.batchSize();
                    float rate = config.schedule().rate(config.learningRate(), stepIndex, plannedSteps);
                    float[] stats = step(net, adam, rate, train, index, from, to, classes, classWeights, masks,
                            maskRandom);
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
                int done = epoch - firstEpoch + 1;
                Duration eta = Duration.ofNanos((now - started) / done * (config.epochs() - epoch));
                EpochStats s = new EpochStats(epoch, config.epochs(), loss, accuracy, val[0], val[1], epochTime, eta);
                history.add(s);
                if (config.patience() > 0 && epoch - bestEpoch >= config.patience()) {
                    stopped = true;
                }
                if (checkpoint != null) {
                    Checkpoint.State state = new Checkpoint.State(epoch, net.parameters(), adam.step(), adam.m(),
                            adam.v(), best, bestLoss, bestEpoch, history);
                    try {
                        Checkpoint.write(checkpoint, runHash, state);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot write checkpoint " + checkpoint, e);
                    }
                }
                if (onEpoch != null) {
                    onEpoch.accept(s);
                }
            }
            if (checkpoint != null && !keepCheckpoint) {
                try {
                    Files.deleteIfExists(checkpoint);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new TrainingResult(best, history, bestEpoch);
        }
    }

    /** The seed of one epoch's batch order and dropout masks (SplitMix64 of seed and epoch). */
    static long epochSeed(long seed, int epoch) {
        long z = seed + 0x9E3779B97F4A7C15L * (epoch + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One Adam step on samples {@code index[from..to)}, masked if {@code masks}; returns {mean loss, correct count}. */
    private static float[] step(Network net, Adam adam, float rate, LabeledFeatures data, int[] index, int from, int to,
            int classes, float[] classWeights, TrainingConfig.FeatureMasks masks, SplittableRandom maskRandom) {
        int n = to - from;
        int size = net.spec().inputSize();
        float[] x = new float[n * size];
        float[] oneHot = new float[n * classes];
        float[] weight = new float[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int s = index[from + i];
            float[] row = data.features()[s];
            if (masks != null) {
                row = masks.masks().apply(row, masks.frames(), masks.coefficients(), maskRandom);
            }
            System.arraycopy(row, 0, x, i * size, size);
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
            adam.beginStep(rate);
            for (Map.Entry<String, Parameter> e : net.block().parametersByKey().entrySet()) {
                Parameter p = e.getValue();
                if (!p.requiresGradient()) {
                    continue;
                }
                NDArray array = p.getArray();
                try (NDArray grad = array.getGradient()) {
                    adam.update(e.getKey(), array, grad);
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
