package dev.littlebrain.runtime;

import dev.littlebrain.tflite.TfliteFormatException;

/** The arena size the caller asked for cannot hold the model's tensors. */
public class ArenaTooSmallException extends TfliteFormatException {
    private final int requested;
    private final int required;

    public ArenaTooSmallException(int requested, int required) {
        super("tensor arena of " + requested + " bytes is too small: this model needs " + required
                + " bytes (use an arena of at least " + required + " bytes, or 'auto')");
        this.requested = requested;
        this.required = required;
    }

    public int requested() {
        return requested;
    }

    public int required() {
        return required;
    }
}
