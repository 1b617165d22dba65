package dev.littlebrain.runtime.params;

import dev.littlebrain.runtime.quant.QuantizedMultiplier;

/**
 * int8 MUL, as TFLite Micro's {@code mul_common.cc} prepares it: the product of the offset operands scaled to the
 * output by one multiplier ({@code scale a * scale b / scale out}), then the output zero point and the clamp.
 */
public record MulParams(int inputOffsetA, int inputOffsetB, QuantizedMultiplier multiplier, int outputZeroPoint,
        ActivationRange range, BroadcastIndex broadcast) implements KernelParams {
}
