package dev.littlebrain.impulse.data;

import dev.littlebrain.data.ImportProblem;
import dev.littlebrain.data.stats.DatasetStats;
import java.nio.file.Path;
import java.util.List;

/**
 * What an import did ({@code data import}): how many samples went where, their counts per class and split, the
 * files skipped and what a person should know about the result.
 *
 * @param outcome       whether samples were curated, copied, or (audio without curation) only read
 * @param source        the dataset folder read
 * @param folder        the folder written (for {@link Outcome#LISTED}, the one that was not)
 * @param samples       samples written (for {@link Outcome#LISTED}, read)
 * @param stats         their counts per class and split
 * @param skipped       files of the source that could not be read
 * @param warnings      curation's warnings (e.g. a class short of clips)
 * @param axes          the sensor axes copied (empty for audio)
 * @param samplingHz    the sensor samples' rate (0 for audio)
 * @param windowSeconds the sensor window (0 for audio)
 * @param shortSamples  sensor samples shorter than the window: padded with zeros when features are computed, which is
 *                      right for gestures of different lengths and wrong for a recording cut short
 */
public record ImportSummary(Outcome outcome, Path source,
        Path folder, int samples, DatasetStats stats,
        List<ImportProblem> skipped, List<String> warnings, List<String> axes, double samplingHz,
        double windowSeconds, List<ShortSample> shortSamples) {

    public ImportSummary {
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
        axes = List.copyOf(axes);
        shortSamples = List.copyOf(shortSamples);
    }

    public enum Outcome {
        /** Keyword-spotting windows curated into the folder. */
        CURATED,
        /** Sensor samples copied into the folder as they are. */
        COPIED,
        /** Audio read and counted but not written: audio reaches a project through curation. */
        LISTED
    }

    /** A sensor sample shorter than the window: its path in the curated folder and its length. */
    public record ShortSample(String path, double seconds) {
    }
}
