package dev.littlebrain.impulse.data;

import dev.littlebrain.data.ImportProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What hard-negative mining ({@code data mine}) found and added.
 *
 * @param seconds    seconds of training-speaker streams listened to
 * @param candidates windows holding only other words that the model scored
 * @param firedAs    of those, how many the model answered with each keyword, in label order
 * @param added      windows added to {@code data} as _unknown_ (the strongest false accepts, at most {@code cap})
 * @param cap        the most windows that could be added
 * @param skipped    files of the source dataset that could not be read
 */
public record MiningSummary(int seconds, int candidates, Map<String, Integer> firedAs, int added, int cap,
        Path data, List<ImportProblem> skipped) {
    public MiningSummary {
        firedAs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(firedAs));
        skipped = List.copyOf(skipped);
    }

    /** Candidates the model answered with a keyword. */
    public int fired() {
        return firedAs.values().stream().mapToInt(Integer::intValue).sum();
    }
}
