package dev.littlebrain.impulse.report;

import dev.littlebrain.data.ImportProblem;
import dev.littlebrain.impulse.data.ImportSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@code littlebrain data import} (and {@code curate}, {@code stats}, {@code mine}, the demo) prints about a
 * dataset read: the files it skipped, then what was curated, copied or listed.
 */
public final class ImportText {
    /** Skipped files named one by one; a dataset of thousands of bad files must not bury the summary. */
    private static final int SKIPPED_SHOWN = 10;

    private ImportText() {
    }

    /** The files left out and why, the first {@value #SKIPPED_SHOWN} by name; nothing when none was. */
    public static void printSkipped(List<ImportProblem> skipped, PrintWriter out) {
        if (skipped.isEmpty()) {
            return;
        }
        out.println("Skipped " + skipped.size() + " file(s):");
        skipped.stream().limit(SKIPPED_SHOWN).forEach(p -> out.println("  " + p));
        if (skipped.size() > SKIPPED_SHOWN) {
            out.println("  ... and " + (skipped.size() - SKIPPED_SHOWN) + " more");
        }
    }

    /** The skipped files, then what was done with {@code dataset} and its per-class table. */
    public static void print(Path dataset, ImportSummary summary, PrintWriter out) {
        printSkipped(summary.skipped(), out);
        switch (summary.outcome()) {
            case CURATED -> {
                for (String w : summary.warnings()) {
                    out.println("warning: " + w);
                }
                out.println("Curated " + summary.samples() + " clips into " + summary.folder() + ":");
                out.print(summary.stats().toTable());
            }
            case COPIED -> {
                out.println("Imported " + summary.samples() + " sensor samples (" + summary.axes() + " at "
                        + summary.samplingHz() + " Hz) into " + summary.folder() + ":");
                out.print(summary.stats().toTable());
                printShortSamples(summary, out);
            }
            case LISTED -> {
                out.println("Imported " + summary.samples() + " samples from " + dataset + ":");
                out.print(summary.stats().toTable());
                out.println("(audio is written to a project by keyword curation: add --keywords WORD,WORD)");
            }
        }
        out.flush();
    }

    /** Names the sensor samples shorter than the window, which features pad with zeros: a person decides. */
    private static void printShortSamples(ImportSummary summary, PrintWriter out) {
        List<ImportSummary.ShortSample> shorter = summary.shortSamples();
        if (shorter.isEmpty()) {
            return;
        }
        StringBuilder names = new StringBuilder();
        shorter.stream().limit(SKIPPED_SHOWN).forEach(e -> names.append(names.length() == 0 ? "" : ", ")
                .append(e.path()).append(String.format(Locale.ROOT, " (%.2f s)", e.seconds())));
        out.printf(Locale.ROOT, "warning: %d sample(s) are shorter than the %.2f s window and are padded with zeros"
                + " to it when features are computed: %s%s%n", shorter.size(), summary.windowSeconds(), names,
                shorter.size() > SKIPPED_SHOWN ? ", ..." : "");
    }
}
