package dev.littlebrain.runtime.stream;

/** The averaged scores after one model run of a stream, at the end of the slice that triggered it. */
public record ScoredSlice(long timeMs, float[] averaged) {
}
