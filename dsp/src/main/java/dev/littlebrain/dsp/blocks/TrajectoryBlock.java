package dev.littlebrain.dsp.blocks;

import java.util.ArrayList;
import java.util.List;

/**
 * A drawn path (a data glove's or a pen's x, y — any number of axes) of any length, resampled to a
 * fixed number of positions equally spaced along its length and flattened {@code x0, y0, x1, y1, ...}.
 * Spacing by arc length rather than by time makes the features independent of drawing speed; with
 * {@code normalize} the path is also centred and scaled to a largest extent of 1, which removes
 * position and size. Computed in float64, rounded to float32 at the end.
 */
public final class TrajectoryBlock implements DspBlock {
    private final TrajectoryConfig config;
    private final SignalSpec signal;

    public TrajectoryBlock(TrajectoryConfig config, SignalSpec signal) {
        this.config = config;
        this.signal = signal;
    }

    @Override
    public TrajectoryConfig config() {
        return config;
    }

    @Override
    public String name() {
        return TrajectoryConfig.BLOCK;
    }

    @Override
    public SignalSpec signal() {
        return signal;
    }

    /** Paths are as long as the gesture took; the block resamples whatever it gets. */
    @Override
    public boolean acceptsAnyLength() {
        return true;
    }

    @Override
    public FeatureShape outputShape(int samplesPerAxis) {
        if (samplesPerAxis < 1) {
            throw new IllegalArgumentException(name() + ": needs at least one position");
        }
        List<String> labels = new ArrayList<>();
        for (String axis : signal.axes()) {
            labels.add(axis);
        }
        return new FeatureShape(config.points(), signal.axisCount(), labels);
    }

    @Override
    public float[] process(float[] interleaved) {
        int axes = signal.axisCount();
        if (interleaved.length % axes != 0) {
            throw new IllegalArgumentException(name() + ": " + interleaved.length
                    + " values is not a whole number of positions of " + axes + " axes");
        }
        SampleChecks.requireFinite(name(), interleaved, 0, interleaved.length);
        int n = interleaved.length / axes;
        outputShape(n);
        double[] along = cumulativeLength(interleaved, n, axes);
        double total = along[n - 1];
        double[] out = new double[config.points() * axes];
        int segment = 0;
        for (int p = 0; p < config.points(); p++) {
            double target = total * p / (config.points() - 1);
            while (segment < n - 2 && along[segment + 1] < target) {
                segment++;
            }
            int next = Math.min(segment + 1, n - 1);
            double span = along[next] - along[segment];
            double f = span > 0 ? Math.min(1, Math.max(0, (target - along[segment]) / span)) : 0;
            for (int a = 0; a < axes; a++) {
                double from = interleaved[segment * axes + a];
                out[p * axes + a] = from + f * (interleaved[next * axes + a] - from);
            }
        }
        if (config.normalize()) {
            normalize(out, axes);
        }
        float[] result = new float[out.length];
        for (int i = 0; i < out.length; i++) {
            result[i] = (float) out[i];
        }
        return result;
    }

    /** Distance travelled along the path up to each position (0 at the first). */
    private static double[] cumulativeLength(float[] path, int n, int axes) {
        double[] along = new double[n];
        for (int i = 1; i < n; i++) {
            double sq = 0;
            for (int a = 0; a < axes; a++) {
                double d = (double) path[i * axes + a] - path[(i - 1) * axes + a];
                sq += d * d;
            }
            along[i] = along[i - 1] + Math.sqrt(sq);
        }
        return along;
    }

    /** Centres on the mean and scales the largest per-axis extent to 1 (a still path stays at 0). */
    private static void normalize(double[] points, int axes) {
        int n = points.length / axes;
        double extent = 0;
        for (int a = 0; a < axes; a++) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < n; p++) {
                double v = points[p * axes + a];
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double mean = sum / n;
            for (int p = 0; p < n; p++) {
                points[p * axes + a] -= mean;
            }
            extent = Math.max(extent, max - min);
        }
        if (extent > 0) {
            for (int i = 0; i < points.length; i++) {
                points[i] /= extent;
            }
        }
    }
}
