package dev.littlebrain.runtime.params;

/**
 * int8 FULLY_CONNECTED, as TFLite Micro's {@code CalculateOpDataFullyConnected} prepares it: {@code batches} rows
 * of {@code accumDepth} inputs each, {@code outDepth} outputs per row, the offset added to every weight
 * ({@code -filter zero point} for a per-tensor filter, 0 for symmetric per-channel weights), and the
 * requantization (a per-tensor multiplier is repeated for every output channel).
 */
public record FullyConnectedParams(int batches, int accumDepth, int outDepth, int filterOffset,
        Requantization requantization) implements KernelParams {
}
