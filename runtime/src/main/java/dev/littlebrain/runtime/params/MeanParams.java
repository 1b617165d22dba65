package dev.littlebrain.runtime.params;

import dev.littlebrain.runtime.quant.QuantizedMultiplier;

/**
 * int8 MEAN, as TFLite Micro's {@code QuantizedMeanOrSum} prepares it: the input's shape, for every input dimension
 * the stride of its index in the output (0 for a reduced dimension), the number of values averaged into each
 * output, and the multiplier {@code s_in / s_out} with {@code 1 / count} folded in.
 */
public record MeanParams(IntArray inputShape, IntArray outputStrides, int count, int inputZeroPoint,
        QuantizedMultiplier multiplier, int outputZeroPoint) implements KernelParams {
}
