package dev.littlebrain.dsp.fft;

/**
 * Forward discrete Fourier transform of a real sequence, returning the one-sided spectrum
 * (bins {@code 0 .. n/2}), like {@code numpy.fft.rfft(x, n)} without normalisation.
 *
 * <p>A plan is created once per size ({@link #create(int)}) and holds only precomputed,
 * read-only tables, so one plan may be shared between threads. Power-of-two sizes use a
 * packed half-size complex radix-2 FFT and do not allocate per call; other sizes use
 * Bluestein's chirp-z algorithm, which allocates two work arrays per call.
 */
public interface RealFft {

    /** The transform length {@code n}. */
    int size();

    /** Number of output bins, {@code n/2 + 1}. */
    default int bins() {
        return size() / 2 + 1;
    }

    /**
     * Transforms {@code input[0 .. n)} into {@code re[0 .. n/2]} and {@code im[0 .. n/2]}.
     * The input is not modified. {@code re} and {@code im} must hold at least
     * {@code max(n/2 + 1, ...)} elements, see {@link #bins()}; they are also used as workspace.
     */
    void forward(double[] input, double[] re, double[] im);

    /** Creates a plan for any size {@code n >= 1}. */
    static RealFft create(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("FFT size must be >= 1, got " + n);
        }
        if (Integer.bitCount(n) == 1) {
            return new PowerOfTwoRealFft(n);
        }
        return new BluesteinRealFft(n);
    }
}
