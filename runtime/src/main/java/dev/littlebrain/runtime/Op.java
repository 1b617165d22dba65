package dev.littlebrain.runtime;

/**
 * An operator implementation, e.g. CONV_2D. Like TFLite Micro's Prepare/Eval split: {@code prepare}
 * validates shapes and types and precomputes everything, once; the returned {@link Kernel} evaluates.
 */
public interface Op {
    Kernel prepare(Node node);
}
