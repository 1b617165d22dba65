package dev.littlebrain.runtime.params;

import dev.littlebrain.runtime.quant.QuantizedMultiplier;

/**
 * int8 ADD and SUB, as TFLite Micro's {@code add_common.cc} / {@code sub_common.cc} prepare them: both operands
 * offset by their zero points and shifted left by {@link #LEFT_SHIFT} bits, scaled to twice the larger input scale
 * by {@code multiplierA}/{@code multiplierB}, summed (or subtracted), and the sum scaled to the output by
 * {@code outputMultiplier}; every multiplier is below one.
 */
public record AddParams(int inputOffsetA, int inputOffsetB, int outputZeroPoint, QuantizedMultiplier multiplierA,
        QuantizedMultiplier multiplierB, QuantizedMultiplier outputMultiplier, ActivationRange range,
        boolean subtract, BroadcastIndex broadcast) implements KernelParams {

    /** Bits both operands are shifted left by before rescaling, for headroom. */
    public static final int LEFT_SHIFT = 20;
}
