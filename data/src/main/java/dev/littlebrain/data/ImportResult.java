package dev.littlebrain.data;

import java.util.List;

/** An imported dataset and the files that were skipped on the way. */
public record ImportResult(Dataset dataset, List<ImportProblem> skipped) {
    public ImportResult {
        skipped = List.copyOf(skipped);
    }
}
