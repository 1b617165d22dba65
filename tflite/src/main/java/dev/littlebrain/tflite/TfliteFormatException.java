package dev.littlebrain.tflite;

/**
 * A .tflite file or in-memory model that cannot be used: malformed bytes, an index out of range,
 * an inconsistent tensor, an unsupported feature. The message names what is wrong and where
 * (tensor, operator or buffer index) so that it can be shown to a person as it is.
 */
public class TfliteFormatException extends RuntimeException {
    public TfliteFormatException(String message) {
        super(message);
    }

    public TfliteFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
