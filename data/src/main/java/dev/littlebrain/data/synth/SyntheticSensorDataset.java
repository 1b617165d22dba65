package dev.littlebrain.data.synth;

import dev.littlebrain.dsp.io.EdgeImpulseJson;
import dev.littlebrain.dsp.io.SensorSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * A generated sensor dataset, written in the Edge Impulse export layout that
 * {@link dev.littlebrain.data.importer.MotionFileImporter} imports: {@code <root>/training/<label>.<index>.json}
 * and {@code <root>/testing/<label>.<index>.json}. The split is deterministic: of each class's
 * samples, the last 20 % (by index) go to testing. Each sample is a pure function of
 * (seed, label, index), so the same seed gives byte-identical files.
 */
public abstract class SyntheticSensorDataset {

    /** What was written. */
    public record Result(Path root, int training, int testing) {
    }

    private final List<String> labels;
    private final int samplesPerClass;
    private final long seed;

    protected SyntheticSensorDataset(List<String> labels, int samplesPerClass, long seed) {
        if (samplesPerClass < 2) {
            throw new IllegalArgumentException("need at least 2 samples per class (one per split), got " + samplesPerClass);
        }
        this.labels = List.copyOf(labels);
        this.samplesPerClass = samplesPerClass;
        this.seed = seed;
    }

    public List<String> labels() {
        return labels;
    }

    public int samplesPerClass() {
        return samplesPerClass;
    }

    /** The recording for one sample; a pure function of (seed, label, index). */
    public abstract SensorSeries sample(String label, int index);

    /**
     * The random stream of one sample: independent of every other sample and of the order they are made in
     * (SplittableRandom mixes the seed well).
     *
     * @throws IllegalArgumentException for a label this dataset does not have
     */
    protected Random sampleRandom(String label, int index) {
        int labelIndex = labels.indexOf(label);
        if (labelIndex < 0) {
            throw new IllegalArgumentException("unknown class '" + label + "', expected one of " + labels);
        }
        return new Random(new SplittableRandom(seed * 0x9E3779B97F4A7C15L + labelIndex * 1_000_003L + index)
                .nextLong());
    }

    /** Number of each class's samples that go to testing: 20 %, at least 1, leaving at least 1 for training. */
    public int testingPerClass() {
        return Math.min(samplesPerClass() - 1, Math.max(1, (int) Math.round(samplesPerClass() * 0.2)));
    }

    /** Writes the dataset under {@code root} (created if needed; existing generated files are overwritten). */
    public Result write(Path root) throws IOException {
        Path training = Files.createDirectories(root.resolve("training"));
        Path testing = Files.createDirectories(root.resolve("testing"));
        int testStart = samplesPerClass() - testingPerClass();
        int train = 0;
        int test = 0;
        for (String label : labels()) {
            for (int i = 0; i < samplesPerClass(); i++) {
                boolean isTest = i >= testStart;
                EdgeImpulseJson.write((isTest ? testing : training).resolve(label + "." + i + ".json"),
                        sample(label, i));
                if (isTest) {
                    test++;
                } else {
                    train++;
                }
            }
        }
        return new Result(root, train, test);
    }

    protected static double uniform(Random r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    /** Four decimals, like a real export; keeps the files compact and exactly reproducible. */
    protected static float round4(double v) {
        return (float) (Math.round(v * 10_000.0) / 10_000.0);
    }
}
