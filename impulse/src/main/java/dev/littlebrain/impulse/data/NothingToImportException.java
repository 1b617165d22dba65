package dev.littlebrain.impulse.data;

import dev.littlebrain.data.ImportProblem;
import java.nio.file.Path;
import java.util.List;

/** A dataset folder in which no sample could be read; nothing was written. Names the files that were skipped. */
public final class NothingToImportException extends IllegalArgumentException {
    private final transient List<ImportProblem> skipped;

    public NothingToImportException(Path source, List<ImportProblem> skipped) {
        super(source + ": no samples to import (expected one folder per label of .wav files, the Speech Commands"
                + " layout, label.*.json / label.*.csv sensor files, or an Edge Impulse export with training/ and"
                + " testing/); nothing was written");
        this.skipped = List.copyOf(skipped);
    }

    /** The files that were found but could not be read. */
    public List<ImportProblem> skipped() {
        return skipped;
    }
}
