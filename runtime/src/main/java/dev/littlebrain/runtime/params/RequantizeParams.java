package dev.littlebrain.runtime.params;

import dev.littlebrain.runtime.quant.QuantizedMultiplier;

/**
 * An integer-to-integer rescale: {@code clamp(MultiplyByQuantizedMultiplier(q + inputOffset) + outputZeroPoint)}
 * with {@code multiplier = s_in / s_out}. Integer QUANTIZE (TFLM's {@code quantize_common.cc}, clamped to the
 * output type) and int8 RELU (TFLM's {@code ReluQuantized}, clamped from the output zero point) prepare it.
 */
public record RequantizeParams(int inputOffset, QuantizedMultiplier multiplier, int outputZeroPoint, int min, int max)
        implements KernelParams {
}
