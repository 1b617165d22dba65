package dev.littlebrain.dsp.blocks;

/**
 * Frame layout of speechpy's {@code stack_frames} (Edge Impulse fork, zero_padding=False):
 * frame i covers samples {@code [i*stride, i*stride + length)}, no padding, trailing samples
 * that do not fill a frame are dropped.
 */
public record Framing(int length, int stride) {

    public Framing {
        if (length < 1 || stride < 1) {
            throw new IllegalArgumentException("frame length and stride must be >= 1 sample, got "
                    + length + " and " + stride);
        }
    }

    /**
     * Converts seconds to samples with Edge Impulse's rounding {@code cu(v)}: floor when v is
     * within 0.001 above an integer (absorbs float error in fs*t), otherwise ceil.
     */
    public static Framing ofSeconds(double samplingFrequency, double lengthSeconds, double strideSeconds) {
        return new Framing(toSamples(samplingFrequency * lengthSeconds),
                toSamples(samplingFrequency * strideSeconds));
    }

    static int toSamples(double v) {
        double floor = Math.floor(v);
        double frac = v - floor;
        if (frac > 0 && frac < 0.001) {
            return (int) floor;
        }
        return (int) Math.ceil(v);
    }

    /** Number of whole frames in {@code samples}: floor((N - (L - S)) / S), at least 0. */
    public int frameCount(int samples) {
        long numerator = (long) samples - (length - stride);
        return (int) Math.max(0, Math.floorDiv(numerator, stride));
    }
}
