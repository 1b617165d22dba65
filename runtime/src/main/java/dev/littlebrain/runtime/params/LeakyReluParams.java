package dev.littlebrain.runtime.params;

import dev.littlebrain.runtime.quant.QuantizedMultiplier;

/**
 * int8 LEAKY_RELU, as TFLite Micro's {@code leaky_relu_common.cc} prepares it: the input less its zero point is
 * rescaled by {@code identity} ({@code s_in / s_out}) when non-negative and by {@code alpha}
 * ({@code s_in * alpha / s_out}) when negative, then offset by the output zero point.
 */
public record LeakyReluParams(int inputZeroPoint, QuantizedMultiplier identity, QuantizedMultiplier alpha,
        int outputZeroPoint) implements KernelParams {
}
