package dev.littlebrain.dsp.fft;

/**
 * DFT of arbitrary length n via Bluestein's chirp-z transform: the DFT is rewritten as a
 * convolution with the chirp e^{iπj²/n}, evaluated with power-of-two FFTs of length
 * m >= 2n - 1. The chirp and its transform are precomputed per plan.
 */
final class BluesteinRealFft implements RealFft {
    private final int n;
    private final int m;
    private final ComplexFft fft;
    /** w[j] = e^{-iπ j²/n}, j = 0 .. n-1. */
    private final double[] chirpRe;
    private final double[] chirpIm;
    /** FFT of the convolution kernel conj(w) laid out circularly over m points, pre-divided by m. */
    private final double[] kernelRe;
    private final double[] kernelIm;

    BluesteinRealFft(int n) {
        this.n = n;
        int size = 1;
        while (size < 2 * n - 1) {
            size <<= 1;
        }
        this.m = size;
        this.fft = new ComplexFft(m);
        this.chirpRe = new double[n];
        this.chirpIm = new double[n];
        long period = 2L * n;
        for (int j = 0; j < n; j++) {
            // j² mod 2n keeps the angle small, so the chirp stays accurate for large n.
            long jj = ((long) j * j) % period;
            double angle = Math.PI * jj / n;
            chirpRe[j] = Math.cos(angle);
            chirpIm[j] = -Math.sin(angle);
        }
        this.kernelRe = new double[m];
        this.kernelIm = new double[m];
        kernelRe[0] = chirpRe[0];
        kernelIm[0] = -chirpIm[0];
        for (int j = 1; j < n; j++) {
            kernelRe[j] = chirpRe[j];
            kernelIm[j] = -chirpIm[j];
            kernelRe[m - j] = chirpRe[j];
            kernelIm[m - j] = -chirpIm[j];
        }
        fft.transform(kernelRe, kernelIm);
        for (int k = 0; k < m; k++) {
            kernelRe[k] /= m;
            kernelIm[k] /= m;
        }
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public void forward(double[] input, double[] re, double[] im) {
        double[] aRe = new double[m];
        double[] aIm = new double[m];
        for (int j = 0; j < n; j++) {
            aRe[j] = input[j] * chirpRe[j];
            aIm[j] = input[j] * chirpIm[j];
        }
        fft.transform(aRe, aIm);
        for (int k = 0; k < m; k++) {
            double r = aRe[k] * kernelRe[k] - aIm[k] * kernelIm[k];
            double i = aRe[k] * kernelIm[k] + aIm[k] * kernelRe[k];
            // Inverse FFT via conjugation: ifft(x) = conj(fft(conj(x))) / m (1/m already in kernel).
            aRe[k] = r;
            aIm[k] = -i;
        }
        fft.transform(aRe, aIm);
        int bins = n / 2 + 1;
        for (int k = 0; k < bins; k++) {
            double cr = aRe[k];
            double ci = -aIm[k];
            re[k] = cr * chirpRe[k] - ci * chirpIm[k];
            im[k] = cr * chirpIm[k] + ci * chirpRe[k];
        }
    }
}
