package dev.littlebrain.runtime.params;

/**
 * int8 TANH and LOGISTIC, as TFLite Micro's {@code tanh.cc} / {@code logistic_common.cc} prepare them: the input,
 * less its zero point, is brought into Q4.27 by {@code inputMultiplier} and {@code inputLeftShift}
 * ({@code frexp} of {@code scale * 2^27}, the mantissa rounded to 31 bits without renormalising), and inputs at
 * least {@code inputRangeRadius} from the zero point saturate.
 */
public record TanhLogisticParams(int inputZeroPoint, int inputMultiplier, int inputLeftShift, int inputRangeRadius)
        implements KernelParams {

    /** Integer bits of the Q4.27 input of gemmlowp's fixed-point tanh and logistic. */
    public static final int INPUT_INTEGER_BITS = 4;
}
