package dev.littlebrain.impulse.data;

import dev.littlebrain.data.ImportProblem;
import java.nio.file.Path;
import java.util.List;

/**
 * The labelled test streams {@code data streams} wrote.
 *
 * @param words        words inserted into all streams
 * @param keywordWords those of them that are keywords
 * @param groundTruth  the streams.csv naming every word's place
 * @param skipped      files of the source dataset that could not be read
 */
public record StreamsSummary(Path out, int streams, double seconds,
        int words, int keywordWords, List<String> keywords,
        Path groundTruth, List<ImportProblem> skipped) {
    public StreamsSummary {
        keywords = List.copyOf(keywords);
        skipped = List.copyOf(skipped);
    }
}
