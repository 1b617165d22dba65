package dev.littlebrain.deploy.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * C features against Java features. The contract's "1e-4 relative" is measured per value as
 * {@code |c - j| / max(1, |j|)}: relative for large values, absolute below 1, so values near zero (CMVN
 * output, spectrogram cells at the noise floor) are not held to an impossible relative bound.
 */
public final class FeatureError {
    public static final double TOLERANCE = 1e-4;

    public double maxError;
    long values;
    public long unequal;
    /** Cells that differ by exactly one 1/256 step (MFE's 8-bit quantisation moved by the last bits of log10). */
    long quantisationSteps;

    public void add(float[] c, float[] java, String what) {
        assertEquals(java.length, c.length, what + ": feature count");
        for (int i = 0; i < c.length; i++) {
            double d = Math.abs((double) c[i] - java[i]);
            if (!(d <= Double.MAX_VALUE)) {
                throw new AssertionError(what + ": value " + i + " is " + c[i] + " in C, " + java[i] + " in Java");
            }
            values++;
            if (c[i] != java[i]) {
                unequal++;
                if (d == 1.0 / 256) {
                    quantisationSteps++;
                }
            }
            maxError = Math.max(maxError, d / Math.max(1.0, Math.abs(java[i])));
        }
    }

    /** Fails unless every value is within {@link #TOLERANCE}. */
    public void requireWithinTolerance(String what) {
        if (maxError > TOLERANCE) {
            throw new AssertionError(what + ": max error " + maxError + " > " + TOLERANCE);
        }
    }

    /** MFE: every cell equal, except at most 0.01 % that moved by one quantisation step. */
    public void requireMfeCells(String what) {
        if (unequal != quantisationSteps || quantisationSteps * 10_000 > values) {
            throw new AssertionError(what + ": " + unequal + " of " + values + " cells differ, "
                    + quantisationSteps + " by one 1/256 step");
        }
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "max error %.2e, %d of %d values not bit-equal", maxError,
                unequal, values);
    }
}
