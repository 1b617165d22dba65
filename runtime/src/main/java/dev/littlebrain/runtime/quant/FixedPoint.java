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

    /**
     * TFLite's {@code MultiplyByQuantizedMultiplier(int64_t, ...)} in the double-rounding build (TFLM's
     * default, {@code TFLITE_SINGLE_ROUNDING=0}): used by 16x8 kernels whose accumulator is 64-bit. The
     * multiplier is first reduced to 16 bits (rounded, capped at 0x7FFF), then one rounding right shift by
     * {@code 15 - shift}. The result is narrowed to 32 bits by truncation, not saturation: common.cc does
     * {@code int32_t result = x >> total_shift;}, relying on the caller's range assumption |x| < 2^47.
     */
    public static int multiplyByQuantizedMultiplier(long x, int multiplier, int shift) {
        int reducedMultiplier = multiplier < 0x7FFF0000 ? ((multiplier + (1 << 15)) >> 16) : 0x7FFF;
        int totalShift = 15 - shift;
        long rounded = x * (long) reducedMultiplier + (1L << (totalShift - 1));
        return (int) (rounded >> totalShift);
    }

    public static int clamp(int v, int lo, int hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }
}
