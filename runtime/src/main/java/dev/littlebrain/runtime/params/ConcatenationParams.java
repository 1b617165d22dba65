package dev.littlebrain.runtime.params;

/**
 * CONCATENATION as raw bytes (TFLM copies int8 inputs unrescaled): for each of {@code outerCount} slices before
 * the axis, every input in turn contributes one contiguous chunk of {@code chunkBytes[input]} bytes.
 */
public record ConcatenationParams(int outerCount, IntArray chunkBytes) implements KernelParams {
}
