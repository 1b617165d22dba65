package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.params.TanhLogisticParams;
import dev.littlebrain.runtime.quant.GemmlowpMath;

/**
 * How TFLM's int8 TANH and LOGISTIC bring an input into Q4.27 for gemmlowp's fixed-point functions
 * ({@code tanh.cc} / {@code logistic_common.cc}): {@code scale * 2^27} split by {@code frexp} into a
 * mantissa rounded to 31 bits and a left shift, plus the radius beyond which the output saturates.
 *
 * <p>This is not {@code QuantizeMultiplier}: TFLM rounds {@code q * 2^31} and casts without
 * renormalising when the rounding reaches 2^31. On x86 that cast yields INT32_MIN, so this does too.
 */
final class Q4InputScaling {
    static final int INPUT_INTEGER_BITS = TanhLogisticParams.INPUT_INTEGER_BITS;

    private Q4InputScaling() {
    }

    static TanhLogisticParams of(int inputZeroPoint, float inputScale) {
        double real = (double) inputScale * (double) (1 << (31 - INPUT_INTEGER_BITS));
        int shift = Math.getExponent(real) + 1; // frexp: real = q * 2^shift, q in [0.5, 1)
        double q = real / Math.scalb(1.0, shift);
        double rounded = TfliteRounding.round(q * (1L << 31));
        int multiplier = rounded >= 0x1p31 ? Integer.MIN_VALUE : (int) rounded;
        int radius = GemmlowpMath.calculateInputRadius(INPUT_INTEGER_BITS, shift, 31);
        return new TanhLogisticParams(inputZeroPoint, multiplier, shift, radius);
    }
}
