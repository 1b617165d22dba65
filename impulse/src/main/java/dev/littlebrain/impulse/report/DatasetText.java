package dev.littlebrain.impulse.report;

import dev.littlebrain.data.curate.KwsCurationOptions;
import dev.littlebrain.impulse.data.GeneratedDataset;
import dev.littlebrain.impulse.data.MiningSummary;
import dev.littlebrain.impulse.data.StreamsSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** What {@code littlebrain data generate}, {@code data streams} and {@code data mine} (and the demo) print. */
public final class DatasetText {
    private DatasetText() {
    }

    /** One line: how many samples of which labels went where. */
    public static void printGenerated(String kind, Path folder, GeneratedDataset result, PrintWriter out) {
        out.println("Wrote " + result.samples() + " " + kind + " samples (" + String.join(", ", result.labels())
                + ") to " + folder + ": " + result.training() + " training, " + result.testing() + " testing");
        out.flush();
    }

    /** The files skipped, then one line: the streams, their words and the ground truth file. */
    public static void printStreams(StreamsSummary written, PrintWriter out) {
        ImportText.printSkipped(written.skipped(), out);
        out.printf(Locale.ROOT, "Wrote %d stream(s) of %.0f s to %s: %d words, %d of them keywords %s;"
                + " ground truth in %s%n", written.streams(), written.seconds(), written.out(), written.words(),
                written.keywordWords(), written.keywords(), written.groundTruth());
        out.flush();
    }

    /** The files skipped, what the model fired on and what was added, and what to run next. */
    public static void printMined(MiningSummary r, PrintWriter out) {
        ImportText.printSkipped(r.skipped(), out);
        out.printf(Locale.ROOT, "Listened to %d s of training-speaker streams: %d windows of other words,"
                + " %d answered with a keyword %s.%n", r.seconds(), r.candidates(), r.fired(), r.firedAs());
        out.printf(Locale.ROOT, "Added %d of them to %s as %s (cap %d); now run 'littlebrain features'"
                + " and 'littlebrain train' again.%n", r.added(), r.data(), KwsCurationOptions.UNKNOWN, r.cap());
        out.flush();
    }
}
