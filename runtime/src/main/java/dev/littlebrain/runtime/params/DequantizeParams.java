package dev.littlebrain.runtime.params;

/** DEQUANTIZE to float, as TFLite's reference: {@code (float) ((double) scale * (q - zeroPoint))}. */
public record DequantizeParams(float scale, int zeroPoint) implements KernelParams {
}
