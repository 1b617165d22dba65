package dev.littlebrain.impulse.bench;

import java.nio.file.Path;

/** A benchmark case asked for by name is not among the shared folder's device cases. */
public final class UnknownCaseException extends IllegalArgumentException {
    private final String name;

    public UnknownCaseException(String name, Path shared) {
        super(name + ": no such device case in " + shared + " (int8 conformance or MLPerf Tiny)");
        this.name = name;
    }

    /** The name asked for. */
    public String name() {
        return name;
    }
}
