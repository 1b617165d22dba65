package dev.littlebrain.runtime.params;

/**
 * int8 MAX_POOL_2D and AVERAGE_POOL_2D: the window and the fused activation's clamp (the output keeps the input's
 * quantization).
 */
public record PoolParams(Window window, ActivationRange range) implements KernelParams {
}
