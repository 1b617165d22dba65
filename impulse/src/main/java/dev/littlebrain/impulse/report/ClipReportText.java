package dev.littlebrain.impulse.report;

import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.impulse.evaluation.ClipEvaluation;
import dev.littlebrain.impulse.evaluation.ClipReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A {@link ClipReport} as the tables {@code littlebrain test} prints: float against int8 (accuracy, F1, loss,
 * uncertain rate), per-class precision/recall/F1, both confusion matrices and the int8 model's first mistakes.
 */
public final class ClipReportText {
    /** Mistakes listed; the HTML report lists them all. */
    private static final int MISTAKES_SHOWN = 10;

    private ClipReportText() {
    }

    /** Prints {@code report}; {@code layout} names the HTML report and the confusion-matrix image it points to. */
    public static void print(ClipReport report, ProjectLayout layout, PrintWriter out) {
        ClipEvaluation fl = report.floatModel();
        ClipEvaluation q = report.int8Model();
        List<String> labels = report.labels();
        out.printf(Locale.ROOT, "test split: %d samples, %d classes%n%n", report.testSamples(), labels.size());
        out.printf(Locale.ROOT, "%-14s %8s %8s%n", "", "float", "int8");
        out.printf(Locale.ROOT, "%-14s %8.4f %8.4f%n", "accuracy", fl.accuracy(), q.accuracy());
        out.printf(Locale.ROOT, "%-14s %8.4f %8.4f%n", "F1 (macro)", fl.f1Macro(), q.f1Macro());
        out.printf(Locale.ROOT, "%-14s %8.4f %8.4f%n", "loss", fl.loss(), q.loss());
        out.printf(Locale.ROOT, "%-14s %8.4f %8.4f   (top score < %.2f)%n%n", "uncertain", fl.uncertainRate(),
                q.uncertainRate(), q.minConfidence());
        out.printf(Locale.ROOT, "%-14s %21s   %21s%n", "", "float  P / R / F1", "int8  P / R / F1");
        for (int c = 0; c < labels.size(); c++) {
            out.printf(Locale.ROOT, "%-14s %6.3f %6.3f %6.3f   %6.3f %6.3f %6.3f%n", labels.get(c),
                    fl.precision(c), fl.recall(c), fl.f1(c), q.precision(c), q.recall(c), q.f1(c));
        }
        confusion(out, "float", fl, labels);
        confusion(out, "int8", q, labels);
        misclassified(out, q, labels, report.projectDir());
        out.println();
        out.println("report: " + layout.testReport() + " (confusion matrices: " + layout.confusionMatrix() + ")");
    }

    /** The int8 model's mistakes, the first few of them. */
    private static void misclassified(PrintWriter out, ClipEvaluation e, List<String> labels, Path projectDir) {
        int shown = Math.min(MISTAKES_SHOWN, e.misclassified().size());
        out.printf(Locale.ROOT, "%nmisclassified by int8: %d%s%n", e.misclassified().size(),
                shown < e.misclassified().size() ? " (first " + shown + ")" : "");
        for (ClipEvaluation.Misclassified w : e.misclassified().subList(0, shown)) {
            out.printf(Locale.ROOT, "  %-50s %s -> %s (%.3f)%n", ClipReport.relative(projectDir, w.file()),
                    labels.get(w.actual()), labels.get(w.predicted()), w.confidence());
        }
    }

    private static void confusion(PrintWriter out, String name, ClipEvaluation e, List<String> labels) {
        out.printf(Locale.ROOT, "%nconfusion (%s; rows: actual, columns: predicted)%n", name);
        int width = Math.max(6, labels.stream().mapToInt(String::length).max().orElse(6));
        out.printf(Locale.ROOT, "%-" + width + "s", "");
        for (String l : labels) {
            out.printf(Locale.ROOT, " %" + width + "s", l);
        }
        out.println();
        for (int r = 0; r < labels.size(); r++) {
            out.printf(Locale.ROOT, "%-" + width + "s", labels.get(r));
            for (int c = 0; c < labels.size(); c++) {
                out.printf(Locale.ROOT, " %" + width + "d", e.confusion()[r][c]);
            }
            out.println();
        }
    }
}
