package dev.littlebrain.runtime.params;

import dev.littlebrain.runtime.quant.QuantizedMultiplier;

/**
 * int8 SOFTMAX, as TFLite Micro's {@code CalculateSoftmaxParams} prepares it: the rows and their length (the last
 * dimension), the multiplier that scales a difference to the row maximum by {@code beta * input scale} into Q5.26,
 * the smallest difference that still contributes, and the output's width (8 or 16 bits).
 */
public record SoftmaxParams(int rows, int depth, QuantizedMultiplier inputMultiplier, int diffMin, int outputBits)
        implements KernelParams {
}
