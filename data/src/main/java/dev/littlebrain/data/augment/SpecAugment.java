package dev.littlebrain.data.augment;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * SpecAugment's masks (Park et al., 2019) on a feature matrix stored frame by frame
 * ({@code frames x coefficients}, row-major): {@code timeMasks} runs of up to {@code maxTimeWidth}
 * whole frames and {@code frequencyMasks} runs of up to {@code maxFrequencyWidth} coefficients are
 * set to {@code maskValue} (0, or the feature mean for features that are not zero-centred).
 * Time warping is left out: it is costly and, in the paper, the least useful of the three.
 */
public record SpecAugment(int timeMasks, int maxTimeWidth, int frequencyMasks, int maxFrequencyWidth,
                          float maskValue) {
    public SpecAugment {
        if (timeMasks < 0 || maxTimeWidth < 0 || frequencyMasks < 0 || maxFrequencyWidth < 0) {
            throw new IllegalArgumentException("mask counts and widths must be >= 0");
        }
    }

    /** A masked copy of {@code features} ({@code frames * coefficients} values). */
    public float[] apply(float[] features, int frames, int coefficients, RandomGenerator random) {
        if (frames <= 0 || coefficients <= 0 || (long) frames * coefficients != features.length) {
            throw new IllegalArgumentException("feature shape " + frames + " x " + coefficients + " does not match "
                    + features.length + " values");
        }
        float[] out = features.clone();
        for (int m = 0; m < timeMasks; m++) {
            int width = random.nextInt(Math.min(maxTimeWidth, frames) + 1);
            int start = random.nextInt(frames - width + 1);
            for (int t = start; t < start + width; t++) {
                Arrays.fill(out, t * coefficients, (t + 1) * coefficients, maskValue);
            }
        }
        for (int m = 0; m < frequencyMasks; m++) {
            int width = random.nextInt(Math.min(maxFrequencyWidth, coefficients) + 1);
            int start = random.nextInt(coefficients - width + 1);
            for (int t = 0; t < frames; t++) {
                Arrays.fill(out, t * coefficients + start, t * coefficients + start + width, maskValue);
            }
        }
        return out;
    }
}
