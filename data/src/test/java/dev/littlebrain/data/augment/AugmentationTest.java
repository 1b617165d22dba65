package dev.littlebrain.data.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentationTest {
    private static float[] ramp(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i + 1) / (float) (2 * n);
        }
        return x;
    }

    @Test
    void chainIsSeededAndPure() {
        float[] input = ramp(1000);
        float[] copy = input.clone();
        WaveformAugmentation chain = new TimeShift(100).andThen(new GainChange(-6, 6))
                .andThen(new NoiseMixing(List.of(ramp(5000)), 0.5, 0.01, 0.1));
        float[] a = chain.apply(input, new SplittableRandom(5));
        float[] b = chain.apply(input, new SplittableRandom(5));
        float[] c = chain.apply(input, new SplittableRandom(6));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        assertArrayEquals(copy, input, "input untouched");
    }

    @Test
    void timeShiftMovesAndZeroFills() {
        assertArrayEquals(new float[] {0, 0, 1, 2}, TimeShift.shift(new float[] {1, 2, 3, 4}, 2));
        assertArrayEquals(new float[] {3, 4, 0, 0}, TimeShift.shift(new float[] {1, 2, 3, 4}, -2));
    }

    @Test
    void gainStaysInRangeAndClips() {
        float[] out = new GainChange(20, 20).apply(new float[] {0.01f, 0.5f, -0.5f}, new SplittableRandom(1));
        assertEquals(0.1f, out[0], 1e-6);
        assertEquals(1f, out[1]);
        assertEquals(-1f, out[2]);
    }

    @Test
    void specAugmentMasksWholeFramesAndCoefficients() {
        int frames = 49;
        int coeffs = 13;
        float[] features = new float[frames * coeffs];
        Arrays.fill(features, 1f);
        float[] masked = new SpecAugment(2, 10, 2, 4, 0f).apply(features, frames, coeffs, new SplittableRandom(3));
        assertEquals(1f, features[0], "input untouched");
        int zeros = 0;
        for (float v : masked) {
            zeros += v == 0 ? 1 : 0;
        }
        assertTrue(zeros > 0 && zeros <= 2 * 10 * coeffs + 2 * 4 * frames, "masked " + zeros);
        // Every masked value lies in a fully masked frame or a fully masked coefficient column.
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < coeffs; k++) {
                if (masked[t * coeffs + k] == 0) {
                    boolean frameMasked = true;
                    boolean columnMasked = true;
                    for (int j = 0; j < coeffs; j++) {
                        frameMasked &= masked[t * coeffs + j] == 0;
                    }
                    for (int u = 0; u < frames; u++) {
                        columnMasked &= masked[u * coeffs + k] == 0;
                    }
                    assertTrue(frameMasked || columnMasked);
                }
            }
        }
    }
}
