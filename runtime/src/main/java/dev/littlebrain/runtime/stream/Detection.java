package dev.littlebrain.runtime.stream;

/** A keyword heard in a stream: its label, when (end of the slice that crossed the threshold) and the averaged score. */
public record Detection(String label, long timeMs, float score) {
}
