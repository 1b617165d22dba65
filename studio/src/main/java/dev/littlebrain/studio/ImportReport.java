package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.littlebrain.data.stats.DatasetStats;
import dev.littlebrain.impulse.data.ImportSummary;
import java.util.List;

/**
 * What a finished import job shows: the library's {@link ImportSummary} with its paths as plain strings (the
 * page prints them; Jackson would write a path as a file: URI).
 *
 * @param outcome "curated" (keyword windows) or "copied" (sensor samples); never "listed" ({@link ImportJob#run})
 * @param classes samples per label and split, as {@code data stats} counts them
 * @param skipped the source's files that could not be read, each with why
 */
record ImportReport(String outcome, String source, String folder, int samples,
        List<DatasetStats.ClassStats> classes, List<Skipped> skipped, List<String> warnings,
        @JsonProperty("short_samples") List<ImportSummary.ShortSample> shortSamples) {

    /** A file of the source left out, relative to the source where it lies inside it. */
    record Skipped(String file, String reason) {
    }

    static ImportReport of(ImportSummary summary) {
        List<Skipped> skipped = summary.skipped().stream().map(p -> new Skipped(
                p.file().startsWith(summary.source()) ? summary.source().relativize(p.file()).toString()
                        : p.file().toString(), p.reason())).toList();
        return new ImportReport(summary.outcome().name().toLowerCase(java.util.Locale.ROOT),
                summary.source().toString(), summary.folder().toString(), summary.samples(), summary.stats().rows(),
                skipped, summary.warnings(), summary.shortSamples());
    }
}
