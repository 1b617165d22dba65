package dev.littlebrain.dsp.fft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RealFftTest {

    /** Naive DFT in double with exactly reduced angles, as the oracle. */
    private static double[][] dft(double[] x) {
        int n = x.length;
        double[][] out = new double[2][n / 2 + 1];
        for (int k = 0; k <= n / 2; k++) {
            double re = 0;
            double im = 0;
            for (int j = 0; j < n; j++) {
                long idx = ((long) j * k) % n;
                double a = -2 * Math.PI * idx / n;
                re += x[j] * Math.cos(a);
                im += x[j] * Math.sin(a);
            }
            out[0][k] = re;
            out[1][k] = im;
        }
        return out;
    }

    @Test
    void matchesNaiveDftForPowerOfTwoAndOtherSizes() {
        Random random = new Random(42);
        int[] sizes = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 3, 5, 6, 7, 12, 100, 125, 320, 480};
        double worst = 0;
        for (int n : sizes) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextGaussian() * 1000;
            }
            RealFft fft = RealFft.create(n);
            double[] re = new double[fft.bins()];
            double[] im = new double[fft.bins()];
            fft.forward(x, re, im);
            double[][] expected = dft(x);
            double scale = 0;
            for (double v : x) {
                scale += Math.abs(v);
            }
            for (int k = 0; k < fft.bins(); k++) {
                double err = Math.max(Math.abs(re[k] - expected[0][k]), Math.abs(im[k] - expected[1][k])) / scale;
                worst = Math.max(worst, err);
                assertEquals(0.0, err, 1e-13, "n=" + n + " bin " + k);
            }
        }
        System.out.println("fft vs naive dft: max err / sum|x| = " + worst);
    }

    @Test
    void inputIsNotModifiedAndRepeatedCallsAgree() {
        RealFft fft = RealFft.create(256);
        double[] x = new double[256];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i * 0.3) * 100 + i;
        }
        double[] copy = x.clone();
        double[] re1 = new double[129];
        double[] im1 = new double[129];
        double[] re2 = new double[129];
        double[] im2 = new double[129];
        fft.forward(x, re1, im1);
        fft.forward(x, re2, im2);
        org.junit.jupiter.api.Assertions.assertArrayEquals(copy, x);
        org.junit.jupiter.api.Assertions.assertArrayEquals(re1, re2);
        org.junit.jupiter.api.Assertions.assertArrayEquals(im1, im2);
    }

    @Test
    void rejectsNonPositiveSize() {
        assertThrows(IllegalArgumentException.class, () -> RealFft.create(0));
    }
}
