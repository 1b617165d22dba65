package dev.littlebrain.runtime;

/**
 * A prepared operator: everything it needs (bound tensors, quantization multipliers, scratch
 * arrays) was decided in {@link Op#prepare(Node)}, so {@code eval} only computes and never allocates.
 */
public interface Kernel {
    void eval();
}
