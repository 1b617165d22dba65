package dev.littlebrain.data.augment;

import java.util.random.RandomGenerator;

/**
 * Shifts a clip by a uniform random number of samples in [-maxShift, maxShift], filling with
 * silence (as the Speech Commands trainer's {@code time_shift_ms} does), so a keyword is
 * recognised wherever it sits in the window.
 */
public record TimeShift(int maxShiftSamples) implements WaveformAugmentation {
    public TimeShift {
        if (maxShiftSamples < 0) {
            throw new IllegalArgumentException("maximum shift must be >= 0, got " + maxShiftSamples);
        }
    }

    @Override
    public float[] apply(float[] samples, RandomGenerator random) {
        int shift = maxShiftSamples == 0 ? 0 : random.nextInt(-maxShiftSamples, maxShiftSamples + 1);
        return shift(samples, shift);
    }

    /** Moves samples {@code shift} places later (earlier when negative), zero-filling. */
    public static float[] shift(float[] samples, int shift) {
        float[] out = new float[samples.length];
        for (int i = 0; i < out.length; i++) {
            int from = i - shift;
            if (from >= 0 && from < samples.length) {
                out[i] = samples[from];
            }
        }
        return out;
    }
}
