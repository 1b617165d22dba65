package dev.littlebrain.dsp.fft;

/**
 * In-place iterative radix-2 complex FFT (forward, unnormalised) for power-of-two sizes.
 * Twiddles are computed directly with {@link Math#cos}/{@link Math#sin} rather than by
 * recurrence so every factor is correctly rounded; that keeps the float64 result within a few
 * ulps of numpy's pocketfft, which the reference tolerances assume.
 */
final class ComplexFft {
    private final int n;
    private final int[] bitReversed;
    private final double[] cos;
    private final double[] sin;

    ComplexFft(int n) {
        if (n < 1 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("complex FFT size must be a power of two, got " + n);
        }
        this.n = n;
        this.bitReversed = new int[n];
        int bits = Integer.numberOfTrailingZeros(n);
        for (int i = 0; i < n; i++) {
            bitReversed[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        this.cos = new double[Math.max(1, n / 2)];
        this.sin = new double[Math.max(1, n / 2)];
        for (int k = 0; k < n / 2; k++) {
            double angle = 2.0 * Math.PI * k / n;
            cos[k] = Math.cos(angle);
            sin[k] = Math.sin(angle);
        }
    }

    int size() {
        return n;
    }

    int[] bitReversed() {
        return bitReversed.clone();
    }

    double[] cos() {
        return cos.clone();
    }

    double[] sin() {
        return sin.clone();
    }

    /** Transforms {@code re[0..n)}, {@code im[0..n)} in place (forward sign, e^{-2πi jk/n}). */
    void transform(double[] re, double[] im) {
        for (int i = 0; i < n; i++) {
            int j = bitReversed[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >>> 1;
            int step = n / len;
            for (int start = 0; start < n; start += len) {
                for (int j = 0, t = 0; j < half; j++, t += step) {
                    double wr = cos[t];
                    double wi = -sin[t];
                    int a = start + j;
                    int b = a + half;
                    double vr = re[b] * wr - im[b] * wi;
                    double vi = re[b] * wi + im[b] * wr;
                    double ur = re[a];
                    double ui = im[a];
                    re[a] = ur + vr;
                    im[a] = ui + vi;
                    re[b] = ur - vr;
                    im[b] = ui - vi;
                }
            }
        }
    }
}
