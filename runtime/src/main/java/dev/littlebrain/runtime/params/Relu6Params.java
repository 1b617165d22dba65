package dev.littlebrain.runtime.params;

/**
 * int8 RELU6, as TFLite Micro's {@code Relu6Quantized}: no rescaling, the raw input clamped to {@code [min, max]},
 * the input's zero point and 6.0 quantized with the input's scale and zero point (clamped to int8).
 */
public record Relu6Params(int min, int max) implements KernelParams {
}
