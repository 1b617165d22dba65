package dev.littlebrain.impulse.report;

import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.impulse.deploy.DeployResult;
import dev.littlebrain.impulse.features.FeatureSummary;
import dev.littlebrain.impulse.training.TrainingSummary;
import dev.littlebrain.train.EpochStats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The few lines each step of the workflow prints when it is done ({@code init}, {@code features}, {@code train},
 * {@code deploy}), as the commands and the demo print them.
 */
public final class WorkflowText {
    private WorkflowText() {
    }

    /** What {@code init} wrote and what to do next. */
    public static void printCreated(String template, Path dir, Path file, PrintWriter out) {
        out.println("wrote " + file);
        Path data = new ProjectLayout(dir).data();
        out.println("next: put curated data in " + data
                + (template.equals("kws-small") ? " (littlebrain data record --labels WORD --count 40 --out recordings,"
                        + " then littlebrain data import recordings --keywords WORD --bundled --out " + data + ")" : "")
                + (template.equals("kws") ? " (littlebrain data import DATASET --keywords yes,no --unknown --noise --out "
                        + data + ")" : "")
                + ", then littlebrain features/train/test --project " + dir);
        out.flush();
    }

    /** The block, the feature shape, what was computed and what came from the cache. */
    public static void printFeatures(FeatureSummary f, PrintWriter out) {
        out.printf(Locale.ROOT, "%s features for %d samples: %d x %d per sample (%d computed, %d from cache) in %.1f s%n",
                f.block(), f.samples(), f.frames(), f.coefficients(), f.computed(), f.fromCache(), f.seconds());
        out.println("cache: " + f.cache());
        out.flush();
    }

    /** One finished epoch; without a validation set (e.g. {@code bench train}) its columns say so instead of NaN. */
    public static String epoch(EpochStats s) {
        String validation = Double.isNaN(s.valLoss()) ? "val_loss -  val_acc -"
                : String.format(Locale.ROOT, "val_loss %.4f  val_acc %.3f", s.valLoss(), s.valAccuracy());
        return String.format(Locale.ROOT, "epoch %d/%d  loss %.4f  acc %.3f  %s  %.1f s  ETA %d s",
                s.epoch(), s.epochs(), s.loss(), s.accuracy(), validation, s.epochTime().toMillis() / 1000.0,
                s.eta().toSeconds());
    }

    /** How long, the best epoch(s), and the files written. */
    public static void printTrained(TrainingSummary trained, PrintWriter out) {
        String best = trained.bestEpochs().stream().map(String::valueOf).collect(Collectors.joining(", "));
        out.printf(Locale.ROOT, "trained in %.1f s; best epoch %s%s%n", trained.seconds(), best,
                trained.isEnsemble() ? " (mean of " + trained.bestEpochs().size() + " members' scores in one model)"
                        : "");
        out.println("wrote " + trained.floatModel() + ", " + trained.int8Model() + " (calibrated on "
                + trained.calibrationSamples() + " training samples), " + trained.trainingRecord() + ", "
                + trained.curves().stream().map(Path::toString).collect(Collectors.joining(", ")));
        out.flush();
    }

    /** A line per file written. */
    public static void printDeployed(DeployResult result, PrintWriter out) {
        for (Path p : result.paths()) {
            out.println("wrote " + p);
        }
        out.flush();
    }
}
