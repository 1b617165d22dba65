package dev.littlebrain.dsp.blocks;

/** Input validation shared by the blocks and the streaming front end. */
public final class SampleChecks {
    private SampleChecks() {
    }

    /**
     * Rejects NaN and infinities: they would otherwise spread through the FFT into every
     * coefficient of the window (and, through CMVN, of neighbouring frames) without any error.
     */
    public static void requireFinite(String block, float[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(block + ": input sample " + i + " is " + values[i]
                        + "; samples must be finite numbers");
            }
        }
    }
}
