package dev.littlebrain.runtime;

import dev.littlebrain.tflite.TfliteFormatException;

/** A model the runtime cannot execute: an operator with shapes, types or options it does not support. */
public class KernelException extends TfliteFormatException {
    public KernelException(Node node, String problem) {
        super(node.describe() + " " + problem);
    }

    public KernelException(String message) {
        super(message);
    }
}
