package dev.littlebrain.dsp.blocks;

/**
 * Triangular mel filterbank of Edge Impulse's speechpy fork ({@code feature.filterbanks}),
 * stored sparsely (each filter is a run of consecutive FFT bins).
 *
 * <p>HTK mel scale in natural-log form, {@code numFilters + 2} points equally spaced in mel,
 * the top point lowered by 0.001 Hz, bins {@code floor((fft + 1) * hz / fs)} (or
 * {@code floor((fft/2 + 2) * hz / fs)} with {@code useOldMels}, Edge Impulse versions <= 3).
 * Peak weight 1, no area normalisation.
 */
public final class MelFilterbank {
    private final int bins;
    private final int[] firstBin;
    private final double[][] weights;

    private MelFilterbank(int bins, int[] firstBin, double[][] weights) {
        this.bins = bins;
        this.firstBin = firstBin;
        this.weights = weights;
    }

    /**
     * @param highFrequency upper edge in Hz; 0 means fs/2
     * @throws IllegalArgumentException if a filter would be empty (too many filters for the FFT)
     */
    public static MelFilterbank edgeImpulse(int numFilters, int fftLength, double samplingFrequency,
                                            double lowFrequency, double highFrequency, boolean useOldMels) {
        double high = highFrequency == 0 ? samplingFrequency / 2 : highFrequency;
        double melLow = toMel(lowFrequency);
        double melHigh = toMel(high);
        int points = numFilters + 2;
        int[] bin = new int[points];
        // Versions <= 3 used the bin count K = fft/2 + 1 where version 4 uses fft: floor((K + 1) * hz / fs).
        double factor = useOldMels ? fftLength / 2 + 2 : fftLength + 1;
        for (int j = 0; j < points; j++) {
            // numpy.linspace: start + j * step, with the last point exactly the stop value.
            double mel = j == points - 1 ? melHigh : melLow + j * ((melHigh - melLow) / (points - 1));
            double hz = toHz(mel);
            if (j == points - 1) {
                hz -= 0.001;
            }
            bin[j] = (int) Math.floor(factor * hz / samplingFrequency);
        }
        int bins = fftLength / 2 + 1;
        int[] first = new int[numFilters];
        double[][] w = new double[numFilters][];
        for (int m = 0; m < numFilters; m++) {
            int l = bin[m];
            int c = bin[m + 1];
            int r = bin[m + 2];
            double[] row = new double[r - l + 1];
            boolean any = false;
            for (int k = l; k <= r; k++) {
                double v = 0.0;
                // The falling edge rule wins at k == c, so the peak is exactly 1 even when l == c.
                if (k >= c && k < r) {
                    v = (double) (r - k) / (r - c);
                } else if (k > l && k <= c) {
                    v = (double) (k - l) / (c - l);
                }
                row[k - l] = v;
                any |= v != 0.0;
            }
            if (!any || r >= bins) {
                throw new IllegalArgumentException("mel filter " + m + " of " + numFilters
                        + " is empty (bins " + l + ".." + r + "): use fewer filters, a larger FFT or a wider "
                        + "frequency range");
            }
            first[m] = l;
            w[m] = row;
        }
        return new MelFilterbank(bins, first, w);
    }

    /** HTK mel, natural-log form. */
    static double toMel(double hz) {
        return 1127.0 * Math.log(1.0 + hz / 700.0);
    }

    static double toHz(double mel) {
        return 700.0 * (Math.exp(mel / 1127.0) - 1.0);
    }

    public int filters() {
        return weights.length;
    }

    /** The first FFT bin of filter {@code m}; its weights ({@link #weights(int)}) start there. */
    public int firstBin(int m) {
        return firstBin[m];
    }

    /** The weights of filter {@code m} over consecutive bins from {@link #firstBin(int)} (a copy; may hold zeros, which {@code apply} skips). */
    public double[] weights(int m) {
        return weights[m].clone();
    }

    /** Dense {@code filters x (fft/2 + 1)} matrix, as speechpy returns it. */
    public double[][] toDense() {
        double[][] dense = new double[weights.length][bins];
        for (int m = 0; m < weights.length; m++) {
            for (int i = 0; i < weights[m].length; i++) {
                int k = firstBin[m] + i;
                if (k < bins) {
                    dense[m][k] = weights[m][i];
                }
            }
        }
        return dense;
    }

    /** {@code out[m] = sum_k power[k] * W[m][k]}. */
    void apply(double[] power, double[] out) {
        for (int m = 0; m < weights.length; m++) {
            double[] row = weights[m];
            int base = firstBin[m];
            double sum = 0.0;
            for (int i = 0; i < row.length; i++) {
                double w = row[i];
                if (w != 0.0) {
                    sum += power[base + i] * w;
                }
            }
            out[m] = sum;
        }
    }
}
