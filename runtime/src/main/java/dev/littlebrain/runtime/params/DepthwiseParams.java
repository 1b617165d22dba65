package dev.littlebrain.runtime.params;

/**
 * int8 DEPTHWISE_CONV_2D: its window, the depth multiplier (output channel {@code ic * depthMultiplier + m} reads
 * input channel {@code ic}), and the per-channel requantization (scales along the filter's dimension 3).
 */
public record DepthwiseParams(Window window, int depthMultiplier, Requantization requantization)
        implements KernelParams {
}
