package dev.littlebrain.runtime.quant;

/**
 * The fixed-point primitives of TFLite's reference kernels (gemmlowp semantics). Every int8 kernel
 * requantizes through these, so they are the single place where rounding is decided.
 */
public final class FixedPoint {
    private FixedPoint() {
    }

    /**
     * {@code (a * b * 2) >> 32} rounded to nearest (ties away from zero via the nudge), saturating the
     * single overflow case {@code a == b == Integer.MIN_VALUE}.
     */
    public static int saturatingRoundingDoublingHighMul(int a, int b) {
        if (a == Integer.MIN_VALUE && b == Integer.MIN_VALUE) {
            return Integer.MAX_VALUE;
        }
        long ab = (long) a * (long) b;
        long nudge = ab >= 0 ? (1L << 30) : (1L - (1L << 30));
        // C++ division truncates toward zero; Java's long division does too.
        return (int) ((ab + nudge) / (1L << 31));
    }

    /** {@code x / 2^exponent} rounded to nearest, ties away from zero. */
    public static int roundingDivideByPOT(int x, int exponent) {
        int mask = (int) ((1L << exponent) - 1);
        int remainder = x & mask;
        int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
        return (x >> exponent) + (remainder > threshold ? 1 : 0);
    }

    /** TFLite's {@code MultiplyByQuantizedMultiplier} (double rounding, the TFLM default). */
    public static int multiplyByQuantizedMultiplier(int x, int multiplier, int shift) {
        int leftShift = shift > 0 ? shift : 0;
        int rightShift = shift > 0 ? 0 : -shift;
        return roundingDivideByPOT(saturatingRoundingDoublingHighMul(x * (1 << leftShift), multiplier), rightShift);
    }

    /** The variant for multipliers known to be below one (shift ≤ 0), used by pooling/softmax paths. */
    public static int multiplyByQuantizedMultiplierSmallerThanOneExp(int x, int multiplier, int leftShift) {
        return roundingDivideByPOT(saturatingRoundingDoublingHighMul(x, multiplier), -leftShift);
    }

    /** The variant for multipliers above one (shift ≥ 0). */
    public static int multiplyByQuantizedMultiplierGreaterThanOne(int x, int multiplier, int leftShift) {
        return saturatingRoundingDoublingHighMul(x * (1 << leftShift), multiplier);
    }

    /** 64-bit accumulator variant used by 16x8 kernels ({@code MultiplyByQuantizedMultiplier(int64_t, ...)}). */
    public static int multiplyByQuantizedMultiplier(long x, int multiplier, int shift) {
        // Matches TFLite: reduce the multiplier to 16 bits, shift total = 15 - shift, round half up.
        int reducedMultiplier = multiplier < 0x7FFF0000 ? ((multiplier + (1 << 15)) >> 16) : 0x7FFF;
        int totalShift = 15 - shift;
        long round = 1L << (totalShift - 1);
        long result = x * (long) reducedMultiplier + round;
        result = result >> totalShift;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, result));
    }

    public static int clamp(int v, int lo, int hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }
}
