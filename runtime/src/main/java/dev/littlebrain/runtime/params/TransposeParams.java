package dev.littlebrain.runtime.params;

/**
 * TRANSPOSE's walk: the output is visited in row-major order over {@code outputShape}, and output axis i advances
 * the input by {@code inputStrides[i]} elements.
 */
public record TransposeParams(IntArray outputShape, IntArray inputStrides) implements KernelParams {
}
