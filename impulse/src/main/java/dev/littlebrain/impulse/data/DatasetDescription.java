package dev.littlebrain.impulse.data;

import dev.littlebrain.data.ImportProblem;
import dev.littlebrain.data.stats.DatasetStats;
import java.nio.file.Path;
import java.util.List;

/**
 * A dataset's counts per class and split ({@code data stats}), and the files that could not be read.
 *
 * @param skipped empty for a curated dataset, which is read from its manifest
 */
public record DatasetDescription(Path dir, DatasetStats stats,
        List<ImportProblem> skipped) {
    public DatasetDescription {
        skipped = List.copyOf(skipped);
    }
}
