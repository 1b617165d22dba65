package dev.littlebrain.runtime;

import dev.littlebrain.runtime.params.KernelParams;

/**
 * A prepared operator: everything it needs (bound tensors, quantization multipliers, scratch
 * arrays) was decided in {@link Op#prepare(Node)}, so {@code eval} only computes and never allocates.
 */
public interface Kernel {
    void eval();

    /** What {@code prepare} derived for this kernel, the values a code generator emits; none by default. */
    default KernelParams params() {
        return KernelParams.NONE;
    }
}
