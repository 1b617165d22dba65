package dev.littlebrain.dsp.fft;

/**
 * The precomputed tables of the power-of-two {@link RealFft}: exported C (the deploy module's DSP
 * generator) emits exactly these values and the same butterfly order, so its spectra match the Java
 * ones to the last bit wherever the C compiler does not contract multiply-adds.
 *
 * @param size        real transform length n (a power of two, at least 4)
 * @param bitReversed bit-reversal permutation of the n/2-point complex FFT
 * @param cos         cos(2πk/(n/2)), k = 0 .. n/4 - 1, the complex FFT's twiddles
 * @param sin         sin(2πk/(n/2)), same k
 * @param splitCos    cos(2πk/n), k = 0 .. n/4, for the even/odd split step
 * @param splitSin    -sin(2πk/n), same k
 */
public record PowerOfTwoFftTables(int size, int[] bitReversed, double[] cos, double[] sin, double[] splitCos,
                                  double[] splitSin) {

    /**
     * The tables the Java FFT uses for {@code n} points.
     *
     * @throws IllegalArgumentException when n is not a power of two of at least 4 (sizes the generator's
     *                                  C FFT does not implement; Java would use Bluestein for them)
     */
    public static PowerOfTwoFftTables of(int n) {
        if (n < 4 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("fft_length " + n + " is not a power of two >= 4; exported C"
                    + " implements only the radix-2 FFT (use 128, 256, 512, ...)");
        }
        return new PowerOfTwoRealFft(n).tables();
    }
}
