package dev.littlebrain.dsp.blocks;

import java.util.List;

/**
 * What a block is fed: the sampling frequency and the axis names, in the order the samples are
 * interleaved ({@code x0, y0, z0, x1, ...}). Audio is one axis.
 */
public record SignalSpec(double samplingFrequency, List<String> axes) {

    public SignalSpec {
        if (!(samplingFrequency > 0.0) || Double.isInfinite(samplingFrequency)) {
            throw new IllegalArgumentException(
                    "sampling frequency must be a positive finite number of Hz, got " + samplingFrequency);
        }
        if (axes == null || axes.isEmpty()) {
            throw new IllegalArgumentException("a signal needs at least one axis");
        }
        axes = List.copyOf(axes);
    }

    /** A single-axis audio signal. */
    public static SignalSpec audio(double samplingFrequency) {
        return new SignalSpec(samplingFrequency, List.of("audio"));
    }

    /**
     * Samples per axis in a window of {@code windowMs}: the nearest whole number, the one formula for a window's
     * length (125 at 62.5 Hz for 2 s; truncating the rate first would give 126, one sample more than the features
     * the model was trained on).
     */
    public int windowSamples(double windowMs) {
        return windowSamples(samplingFrequency, windowMs);
    }

    /** {@link #windowSamples(double)} at {@code samplingFrequency} Hz. */
    public static int windowSamples(double samplingFrequency, double windowMs) {
        return (int) Math.round(windowMs * samplingFrequency / 1000.0);
    }

    public int axisCount() {
        return axes.size();
    }
}
