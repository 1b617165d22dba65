package dev.littlebrain.runtime.quant;

/**
 * A real multiplier encoded as TFLite encodes it: a Q31 mantissa in [2^30, 2^31) and a power-of-two
 * exponent, {@code real ≈ multiplier * 2^(shift - 31)}. Kernels compute these once at preparation.
 */
public record QuantizedMultiplier(int multiplier, int shift) {

    public static final QuantizedMultiplier ZERO = new QuantizedMultiplier(0, 0);

    /**
     * Encodes {@code real} exactly as TFLite's {@code QuantizeMultiplier}: frexp, round half away
     * from zero to 31 bits, renormalise when rounding reaches 2^31, flush multipliers below 2^-31 to zero.
     */
    public static QuantizedMultiplier of(double real) {
        if (real == 0.0) {
            return ZERO;
        }
        int shift = Math.getExponent(real) + 1; // frexp: real = q * 2^shift with q in [0.5, 1)
        double q = real / Math.scalb(1.0, shift);
        if (Math.abs(q) >= 1.0) { // subnormal inputs and rounding corner cases of getExponent
            q /= 2;
            shift++;
        } else if (Math.abs(q) < 0.5) {
            q *= 2;
            shift--;
        }
        long fixed = roundHalfAwayFromZero(q * (1L << 31));
        if (fixed == (1L << 31)) {
            fixed /= 2;
            shift++;
        }
        if (shift < -31) {
            shift = 0;
            fixed = 0;
        }
        return new QuantizedMultiplier((int) fixed, shift);
    }

    /** TFLite's {@code QuantizeMultiplierSmallerThanOneExp}-style encoding is the same; kept as one method. */
    public static QuantizedMultiplier ofSmallerThanOne(double real) {
        return of(real);
    }

    /** {@code round(x * real)} in TFLite's double-rounding fixed point. */
    public int apply(int x) {
        return FixedPoint.multiplyByQuantizedMultiplier(x, multiplier, shift);
    }

    static long roundHalfAwayFromZero(double v) {
        return (long) (v >= 0 ? Math.floor(v + 0.5) : -Math.floor(-v + 0.5));
    }
}
