package dev.littlebrain.data;

import java.nio.file.Path;

/** A file that an import skipped, and why. */
public record ImportProblem(Path file, String reason) {
    @Override
    public String toString() {
        return file + ": " + reason;
    }
}
