package dev.littlebrain.tflite;

/** A named metadata entry that points at a buffer (e.g. {@code OfflineMemoryAllocation}, {@code min_runtime_version}). */
public record Metadata(String name, int buffer) {
}
