package dev.littlebrain.runtime.params;

/**
 * Float QUANTIZE, as TFLite Micro's {@code AffineQuantize}: {@code clamp(round(x / scale) + zeroPoint, min, max)},
 * the division in float, rounded half away from zero, clamped to the output type's range.
 */
public record QuantizeParams(float scale, int zeroPoint, int min, int max) implements KernelParams {
}
