package dev.littlebrain.runtime.params;

/**
 * The clamp a fused activation becomes on a quantized (or int32) output: TFLite's
 * {@code CalculateActivationRangeQuantized}, intersected with the output type's range.
 */
public record ActivationRange(int min, int max) {
}
