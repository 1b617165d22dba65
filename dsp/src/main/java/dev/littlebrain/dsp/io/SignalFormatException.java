package dev.littlebrain.dsp.io;

import java.io.IOException;

/**
 * A sample file (WAV, CSV, JSON) that cannot be used as it is. The message is meant for a person:
 * it names the file, says what is wrong and, where possible, what to do about it.
 *
 * <p>It is an {@link IOException} so that callers reading files handle "cannot read" and "cannot
 * understand" in one place; readers never throw anything else for bad content.
 */
public final class SignalFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;

    public SignalFormatException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
    }

    public SignalFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
    }

    /** The file (or other source name) the problem was found in. */
    public String source() {
        return source;
    }
}
