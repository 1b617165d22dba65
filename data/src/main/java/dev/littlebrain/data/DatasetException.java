package dev.littlebrain.data;

import java.io.IOException;

/** A dataset (folder, manifest, options) that cannot be used; the message says what and where. */
public final class DatasetException extends IOException {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
