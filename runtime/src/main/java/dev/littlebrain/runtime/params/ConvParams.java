package dev.littlebrain.runtime.params;

/**
 * int8 CONV_2D: its window, the filter's depth (the input depth divided by the number of groups), and the
 * per-channel requantization.
 */
public record ConvParams(Window window, int filterDepth, Requantization requantization) implements KernelParams {
}
