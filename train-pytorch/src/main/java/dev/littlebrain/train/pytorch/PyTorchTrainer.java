package dev.littlebrain.train.pytorch;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.littlebrain.train.Checkpoint;
import dev.littlebrain.train.EpochStats;
import dev.littlebrain.train.LabeledFeatures;
import dev.littlebrain.train.LayerSpec;
import dev.littlebrain.train.ModelSpec;
import dev.littlebrain.train.TrainedParameters;
import dev.littlebrain.train.TrainingBackend;
import dev.littlebrain.train.TrainingConfig;
import dev.littlebrain.train.TrainingDevice;
import dev.littlebrain.train.TrainingJob;
import dev.littlebrain.train.TrainingListener;
import dev.littlebrain.train.TrainingResult;
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
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Fits a {@link ModelSpec} with Adam and softmax cross-entropy in PyTorch through DJL. Reproducible on the CPU: the
 * seed fixes the initial weights, dropout masks (PyTorch's generator) and batch order (a Java {@link Random}).
 *
 * <p>Trainings in one JVM run one at a time, as the engine requires: DJL lets one gradient collector record at a
 * time in a process, and exposes only PyTorch's global random generator, which draws the initial weights and every
 * dropout mask and which each training reseeds every epoch so that a resumed run repeats the same masks (two
 * trainings interleaved on it would draw each other's numbers). A second training waits for the first, still
 * cancellable while it waits. Any thread may train: PyTorch's gradient mode is per thread, and is switched off for
 * the training's own updates whichever thread runs it.
 */
public final class PyTorchTrainer implements TrainingBackend {
    /** Held for a whole training: the engine's generator is shared by every training in the process. */
    private static final ReentrantLock ENGINE = new ReentrantLock();

    @Override
    public String describe(TrainingDevice device) {
        Device d = resolve(device, Network.engine());
        return d.isGpu() ? "gpu(" + d.getDeviceId() + ")" : "cpu";
    }

    /** The DJL device {@code device} means on {@code engine}. */
    static Device resolve(TrainingDevice device, Engine engine) {
        int gpus = engine.getGpuCount();
        return switch (device) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new IllegalArgumentException("no CUDA GPU is visible to PyTorch: LittleBrain bundles the CPU"
                            + " build of libtorch; to train on a GPU, set PYTORCH_LIBRARY_PATH to a CUDA build of"
                            + " libtorch " + engine.getVersion() + " and run again (or use --device cpu)");
                }
                yield Device.gpu();
            }
        };
    }

    @Override
    public TrainingResult fit(TrainingJob job, TrainingListener listener) {
        acquireEngine(listener);
        try {
            Network.engine(); // loads libtorch, which the calls below need
            // The engine switches gradient recording off only on the thread that loaded it; the optimiser updates
            // the weights in place, which PyTorch refuses while recording.
            boolean recording = JniUtils.isGradMode();
            JniUtils.setGradMode(false);
            try {
                return fitAlone(job, listener);
            } finally {
                JniUtils.setGradMode(recording);
            }
        } finally {
            ENGINE.unlock();
        }
    }

    /** Waits for the engine, giving up when the caller cancels meanwhile. */
    private static void acquireEngine(TrainingListener listener) {
        try {
            if (ENGINE.tryLock()) {
                return;
            }
            listener.message("waiting for another training in this process to finish");
            while (!ENGINE.tryLock(100, TimeUnit.MILLISECONDS)) {
                stopIfCancelled(listener);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for another training to finish");
        }
    }

    private static TrainingResult fitAlone(TrainingJob job, TrainingListener listener) {
        ModelSpec spec = job.spec();
        TrainingConfig config = job.config();
        LabeledFeatures train = job.train();
        LabeledFeatures validation = job.validation();
        Path checkpoint = job.checkpoint().orElse(null);
        Consumer<String> log = listener::message;
        int classes = LayerSpec.product(spec.outputShape());
        check(train, classes);
        boolean hasValidation = validation.size() > 0;
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
        try (Network net = Network.initialize(spec, config.seed(), job.device())) {
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
                    stopIfCancelled(listener);
                    int to = Math.min(index.length, from + config.batchSize());
                    // The rate depends only on (epoch, batch), so a resumed run takes the same steps.
                    long stepIndex = (epoch - 1L) * batchesPerEpoch + from / config.batchSize();
                    float rate = config.schedule().rate(config.learningRate(), stepIndex, plannedSteps);
                    float[] stats = step(net, adam, rate, train, index, from, to, classes, classWeights, masks,
                            maskRandom, config);
                    lossSum += stats[0] * (to - from);
                    correct += (int) stats[1];
                }
                float loss = (float) (lossSum / index.length);
                float accuracy = (float) correct / index.length;
                float[] val = hasValidation ? evaluate(net, validation, classes) : new float[] {Float.NaN, Float.NaN};
                float monitored = config.keep().monitored(epoch, loss, accuracy, val[0], val[1]);
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
                listener.epoch(s);
            }
            if (checkpoint != null && !job.keepCheckpoint()) {
                try {
                    Files.deleteIfExists(checkpoint);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new TrainingResult(best, history, bestEpoch);
        }
    }

    /** Stops between batches when asked: the epoch under way is dropped, the last checkpoint stays. */
    private static void stopIfCancelled(TrainingListener listener) {
        if (listener.cancelled()) {
            throw new CancellationException("training cancelled");
        }
    }

    /** The seed of one epoch's batch order and dropout masks (SplitMix64 of seed and epoch). */
    static long epochSeed(long seed, int epoch) {
        long z = seed + 0x9E3779B97F4A7C15L * (epoch + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * One Adam step on samples {@code index[from..to)}, masked if {@code masks}, towards {@code config}'s (smoothed)
     * targets; returns {mean loss, correct count}.
     */
    private static float[] step(Network net, Adam adam, float rate, LabeledFeatures data, int[] index, int from, int to,
            int classes, float[] classWeights, TrainingConfig.FeatureMasks masks, SplittableRandom maskRandom,
            TrainingConfig config) {
        int n = to - from;
        int size = net.spec().inputSize();
        float[] x = new float[n * size];
        float[] targets = new float[n * classes];
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
            for (int c = 0; c < classes; c++) {
                targets[i * classes + c] = config.target(c, labels[i], classes);
            }
            weight[i] = classWeights == null ? 1f : classWeights[labels[i]];
        }
        Engine engine = Network.engine();
        float loss;
        float[] logits;
        try (NDManager scope = net.manager().newSubManager()) {
            NDArray input = scope.create(x, new Shape(n, size));
            NDArray target = scope.create(targets, new Shape(n, classes));
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
