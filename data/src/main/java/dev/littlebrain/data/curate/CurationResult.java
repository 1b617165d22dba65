package dev.littlebrain.data.curate;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished curation: the folder, its manifest, and notes on what did not go as asked (for
 * example an {@code _unknown_} pool too small to balance, or source clips that were skipped).
 */
public record CurationResult(Path folder, Manifest manifest, List<String> warnings) {
    public CurationResult {
        warnings = List.copyOf(warnings);
    }
}
