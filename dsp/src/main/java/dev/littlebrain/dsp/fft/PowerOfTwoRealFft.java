package dev.littlebrain.dsp.fft;

/**
 * Real FFT of power-of-two length n: the even/odd samples are packed into one complex
 * sequence of length n/2, transformed, and split back into the n/2 + 1 bins. Half the work of
 * a full complex FFT and no allocation per call (the output arrays double as workspace).
 */
final class PowerOfTwoRealFft implements RealFft {
    private final int n;
    private final int half;
    private final ComplexFft complex;
    /** e^{-2πik/n} for k = 0 .. n/4, used by the split step. */
    private final double[] splitCos;
    private final double[] splitSin;

    PowerOfTwoRealFft(int n) {
        this.n = n;
        this.half = n / 2;
        this.complex = half >= 1 ? new ComplexFft(half) : null;
        int quarter = half / 2;
        this.splitCos = new double[quarter + 1];
        this.splitSin = new double[quarter + 1];
        for (int k = 0; k <= quarter; k++) {
            double angle = 2.0 * Math.PI * k / n;
            splitCos[k] = Math.cos(angle);
            splitSin[k] = -Math.sin(angle);
        }
    }

    /** The tables of this plan, for code generators that must compute exactly what {@link #forward} computes. */
    PowerOfTwoFftTables tables() {
        return new PowerOfTwoFftTables(n, complex.bitReversed(), complex.cos(), complex.sin(), splitCos.clone(),
                splitSin.clone());
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public void forward(double[] input, double[] re, double[] im) {
        if (n == 1) {
            re[0] = input[0];
            im[0] = 0.0;
            return;
        }
        for (int j = 0; j < half; j++) {
            re[j] = input[2 * j];
            im[j] = input[2 * j + 1];
        }
        complex.transform(re, im);
        // DC and Nyquist come from Z[0] alone.
        double z0r = re[0];
        double z0i = im[0];
        re[0] = z0r + z0i;
        im[0] = 0.0;
        re[half] = z0r - z0i;
        im[half] = 0.0;
        // Bins k and half-k depend on the same pair Z[k], Z[half-k]: compute both before writing.
        for (int k = 1; k <= half / 2; k++) {
            int m = half - k;
            double ar = re[k];
            double ai = im[k];
            double br = re[m];
            double bi = im[m];
            // Fe = (Z[k] + conj Z[m]) / 2, Fo = (Z[k] - conj Z[m]) / (2i)
            double feR = 0.5 * (ar + br);
            double feI = 0.5 * (ai - bi);
            double foR = 0.5 * (ai + bi);
            double foI = -0.5 * (ar - br);
            double wr = splitCos[k];
            double wi = splitSin[k];
            double tR = wr * foR - wi * foI;
            double tI = wr * foI + wi * foR;
            re[k] = feR + tR;
            im[k] = feI + tI;
            if (m != k) {
                // X[m] = conj(Fe) + W^m conj(Fo), and W^m = -conj(W^k).
                double wmR = -wr;
                double wmI = wi;
                double cfoR = foR;
                double cfoI = -foI;
                re[m] = feR + (wmR * cfoR - wmI * cfoI);
                im[m] = -feI + (wmR * cfoI + wmI * cfoR);
            }
        }
    }
}
