package dev.littlebrain.runtime;

import dev.littlebrain.tflite.TfliteFormatException;

/** The model uses an operator this runtime has no kernel for. */
public class UnsupportedOperatorException extends TfliteFormatException {
    public UnsupportedOperatorException(String message) {
        super(message);
    }
}
