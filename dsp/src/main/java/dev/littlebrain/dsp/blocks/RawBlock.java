package dev.littlebrain.dsp.blocks;

import java.util.ArrayList;

/**
 * Edge Impulse raw-data block: the window itself, interleaved as given, each value multiplied by
 * {@code scale_axes} (in float64, then rounded to float32). Output: one row per sample, one column
 * per axis.
 */
public final class RawBlock implements DspBlock {
    private final RawConfig config;
    private final SignalSpec signal;

    public RawBlock(RawConfig config, SignalSpec signal) {
        this.config = config;
        this.signal = signal;
    }

    public RawConfig config() {
        return config;
    }

    @Override
    public String name() {
        return RawConfig.BLOCK;
    }

    @Override
    public SignalSpec signal() {
        return signal;
    }

    @Override
    public FeatureShape outputShape(int samplesPerAxis) {
        if (samplesPerAxis < 1) {
            throw new IllegalArgumentException(name() + ": needs at least one sample per axis");
        }
        return new FeatureShape(samplesPerAxis, signal.axisCount(), new ArrayList<>(signal.axes()));
    }

    @Override
    public float[] process(float[] interleaved) {
        int axes = signal.axisCount();
        if (interleaved.length % axes != 0) {
            throw new IllegalArgumentException(name() + ": " + interleaved.length
                    + " values is not a whole number of samples of " + axes + " axes");
        }
        SampleChecks.requireFinite(name(), interleaved, 0, interleaved.length);
        outputShape(interleaved.length / axes);
        double scale = config.scaleAxes();
        float[] out = new float[interleaved.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (interleaved[i] * scale);
        }
        return out;
    }
}
