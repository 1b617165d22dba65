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

    public int axisCount() {
        return axes.size();
    }
}
