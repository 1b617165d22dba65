package dev.littlebrain.runtime.params;

import java.util.Optional;

/**
 * Which element of each operand every output element of a broadcasting binary operator reads (TFLite's rule,
 * NumPy's), in row-major output order; empty for an operand that has the output's shape (element i reads i).
 */
public record BroadcastIndex(Optional<IntArray> offsetsA, Optional<IntArray> offsetsB) {
}
