package dev.littlebrain.runtime.params;

/**
 * How a convolution or fully connected operator turns its int32 accumulators into int8 outputs, as TFLite's
 * {@code PopulateConvolutionQuantizationParams} prepares it: the input offset added to every input value
 * ({@code -input zero point}), one multiplier and shift per output channel (a per-tensor scale repeated), the
 * output zero point, and the fused activation's clamp.
 */
public record Requantization(int inputOffset, IntArray multipliers, IntArray shifts, int outputZeroPoint,
        ActivationRange range) {
}
