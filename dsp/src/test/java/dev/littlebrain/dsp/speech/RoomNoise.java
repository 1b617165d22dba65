package dev.littlebrain.dsp.speech;

import java.util.Random;

/**
 * What a microphone hears between words, for the tests of the speech detector and of what is built on it (dsp's
 * test jar shares it with the other modules' tests): seeded Gaussian noise at an int16 level.
 */
public final class RoomNoise {
    private RoomNoise() {
    }

    /** {@code seconds} of noise at {@code rate} with standard deviation {@code sigma} (int16 units). */
    public static float[] of(int rate, double seconds, double sigma, long seed) {
        Random r = new Random(seed);
        float[] x = new float[(int) (seconds * rate)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextGaussian() * sigma);
        }
        return x;
    }
}
