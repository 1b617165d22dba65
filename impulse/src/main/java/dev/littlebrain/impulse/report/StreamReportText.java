package dev.littlebrain.impulse.report;

import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.impulse.evaluation.Interval;
import dev.littlebrain.impulse.evaluation.KeywordThresholds;
import dev.littlebrain.impulse.evaluation.SnrBands;
import dev.littlebrain.impulse.evaluation.StreamEvaluation;
import dev.littlebrain.impulse.evaluation.StreamReport;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link StreamReport} as {@code littlebrain test --stream} prints it: the threshold sweep, the suggested operating
 * point, one threshold per keyword, the project's own point, each with its 95 % intervals, the target's verdict, the
 * suggested point's errors and the real-time factor.
 */
public final class StreamReportText {
    private StreamReportText() {
    }

    /** Prints {@code report}; {@code layout} names the FAR/FRR curve and the impulse.yaml a calibration wrote. */
    public static void print(StreamReport report, ProjectLayout layout, PrintWriter out) {
        List<StreamEvaluation.Point> points = report.points();
        StreamEvaluation.Point best = report.suggested();
        StreamEvaluation.Point configured = report.configured();
        StreamEvaluation.Recording rec = report.recording();
        ContinuousConfig config = report.config();
        int windowSamples = report.windowSamples();
        int targets = report.utterances();
        Path png = layout.farFrrCurve();
        Path yaml = layout.config();
        out.printf(Locale.ROOT, "%d stream(s), %.1f s of audio, %d keyword utterance(s) of %s (%d words in all);"
                + " %d slices per window, average of %d, %d ms suppression, +-%d ms tolerance%n%n", report.streams(),
                rec.audioSeconds(), targets, report.keywords(), report.words(), windowSamples / config.sliceSamples(),
                config.averagedWindows(),
                config.suppressionMs(), StreamEvaluation.TOLERANCE_MS);
        out.printf(Locale.ROOT, "%9s %10s %6s %6s %10s %12s%n", "threshold", "detection", "hits", "FA", "FA/hour",
                "latency ms");
        for (StreamEvaluation.Point pt : points) {
            out.printf(Locale.ROOT, "%9.2f %10.3f %6d %6d %10.1f %12s%n", pt.threshold(), pt.detectionRate(),
                    pt.hits(), pt.falseAccepts(), pt.falseAcceptsPerHour(),
                    Double.isNaN(pt.meanLatencyMs()) ? "-" : String.format(Locale.ROOT, "%.0f", pt.meanLatencyMs()));
        }
        out.printf(Locale.ROOT, "%nsuggested threshold %.2f: detection rate %.3f at %.1f false accepts/hour%s%n",
                best.threshold(), best.detectionRate(), best.falseAcceptsPerHour(),
                best.falseAcceptsPerHour() <= StreamReport.TARGET_FA_PER_HOUR ? "" : " (no threshold reaches <= 10 FA/h)");
        out.println(intervals(best, targets, rec.audioSeconds()));
        printKeywords(out, report.suggestedPerKeyword());
        if (!report.suggestedBySnr().isEmpty()) {
            out.println(SnrBands.line(report.suggestedBySnr()));
        }
        KeywordThresholds.Suggestion own = report.suggestedKeywordThresholds();
        if (own != null) {
            StreamEvaluation.Point pt = own.point();
            out.printf(Locale.ROOT, "one threshold per keyword (%s): detection rate %.3f (%d of %d) at %.1f false"
                    + " accepts/hour%s%n", thresholdList(own.thresholds()), pt.detectionRate(), pt.hits(), targets,
                    pt.falseAcceptsPerHour(), report.keywordThresholdsWin() ? "" : " (no better than one threshold)");
            out.println(intervals(pt, targets, rec.audioSeconds()));
            printKeywords(out, own.perKeyword());
        }
        out.printf(Locale.ROOT, "project threshold %.2f%s (impulse.yaml continuous): detection rate %.3f"
                + " (%d of %d) at %.1f false accepts/hour%n", configured.threshold(),
                config.keywordThresholds().isEmpty() ? "" : ", " + thresholdList(config.keywordThresholds()),
                configured.detectionRate(), configured.hits(), targets, configured.falseAcceptsPerHour());
        out.println(intervals(configured, targets, rec.audioSeconds()));
        printKeywords(out, report.configuredPerKeyword());
        if (!report.configuredBySnr().isEmpty()) {
            out.println(SnrBands.line(report.configuredBySnr()));
        }
        double onePerHour = rec.audioSeconds() > 0 ? 3600 / rec.audioSeconds() : 0;
        if (onePerHour > StreamReport.TARGET_FA_PER_HOUR) {
            // A minute of streams cannot resolve a rate of a few per hour: say so rather than let one event
            // decide the verdict unnoticed.
            out.printf(Locale.ROOT, "note: one false accept in %.1f s is %.1f per hour, so <= %.0f per hour means"
                    + " none here; %.0f s of streams would allow one%n", rec.audioSeconds(), onePerHour,
                    StreamReport.TARGET_FA_PER_HOUR, Math.ceil(3600 / StreamReport.TARGET_FA_PER_HOUR));
        }
        out.printf(Locale.ROOT, "target (detection rate >= %.2f at <= %.0f false accepts/hour): %s%n",
                StreamReport.TARGET_DETECTION_RATE, StreamReport.TARGET_FA_PER_HOUR, report.targetMet() ? "met" : "missed");
        printErrors(out, best.threshold(), report.suggestedErrors());
        out.printf(Locale.ROOT, "real-time factor: %.1fx (%.1f s of audio streamed in %.2f s)%n",
                rec.realTimeFactor(), rec.audioSeconds(), rec.wallSeconds());
        out.println("FAR/FRR curve: " + png);
        if (report.applied()) {
            out.printf(Locale.ROOT, "wrote continuous.threshold: %.2f%s to %s%n", best.threshold(),
                    report.keywordThresholdsWin() ? " and thresholds: {"
                            + thresholdList(report.suggestedKeywordThresholds().thresholds()) + "}" : "", yaml);
        }
    }

    /** "no 0.55, yes 0.80". */
    private static String thresholdList(Map<String, Float> thresholds) {
        List<String> parts = new java.util.ArrayList<>();
        thresholds.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%s %.2f", k, v)));
        return String.join(", ", parts);
    }

    /** An operating point's keywords, one line each, under its own line. */
    private static void printKeywords(PrintWriter out, List<StreamEvaluation.KeywordResult> results) {
        if (results.size() < 2) {
            return;
        }
        int width = results.stream().mapToInt(r -> r.label().length()).max().orElse(0);
        for (StreamEvaluation.KeywordResult r : results) {
            out.printf(Locale.ROOT, "  %-" + width + "s  detection %.3f (%d of %d), %d false accept(s), %.1f per hour%n",
                    r.label(), r.detectionRate(), r.hits(), r.utterances(), r.falseAccepts(), r.falseAcceptsPerHour());
        }
    }

    /** Most errors listed in the text report; --json lists them all. */
    private static final int LISTED_ERRORS = 20;

    /** Where the suggested operating point goes wrong, so a person can find and listen to those moments. */
    private static void printErrors(PrintWriter out, float threshold, StreamEvaluation.Errors errors) {
        out.printf(Locale.ROOT, "at the suggested threshold %.2f: %d keyword(s) missed, %d false accept(s)%n",
                threshold, errors.misses().size(), errors.falseAccepts().size());
        List<StreamEvaluation.Utterance> misses = errors.misses();
        for (StreamEvaluation.Utterance u : misses.subList(0, Math.min(LISTED_ERRORS, misses.size()))) {
            out.printf(Locale.ROOT, "  missed        %-10s %s  %s%n", u.label(), u.file(), span(u));
        }
        more(out, misses.size());
        List<StreamEvaluation.FalseAccept> falseAccepts = errors.falseAccepts();
        for (StreamEvaluation.FalseAccept f : falseAccepts.subList(0, Math.min(LISTED_ERRORS, falseAccepts.size()))) {
            StringBuilder nearby = new StringBuilder();
            for (StreamEvaluation.Utterance u : f.nearby()) {
                nearby.append(nearby.length() == 0 ? ", near " : "; ").append(u.label()).append(' ').append(span(u));
            }
            out.printf(Locale.ROOT, "  false accept  %-10s %s  at %.3f s, score %.2f%s%n", f.detection().label(),
                    f.file(), f.detection().timeMs() / 1000.0, f.detection().score(), nearby);
        }
        more(out, falseAccepts.size());
    }

    private static void more(PrintWriter out, int count) {
        if (count > LISTED_ERRORS) {
            out.printf(Locale.ROOT, "  ... and %d more (--json lists them all)%n", count - LISTED_ERRORS);
        }
    }

    private static String span(StreamEvaluation.Utterance u) {
        return String.format(Locale.ROOT, "%.3f-%.3f s", u.startMs() / 1000.0, u.endMs() / 1000.0);
    }

    /** One operating point's 95 % intervals, indented under its line. */
    private static String intervals(StreamEvaluation.Point pt, int targets, double audioSeconds) {
        StringBuilder line = new StringBuilder("  95 % intervals:");
        if (targets > 0) {
            Interval d = Interval.ofProportion(pt.hits(), targets);
            line.append(String.format(Locale.ROOT, " detection rate %.3f-%.3f (%d of %d keywords),", d.low(),
                    d.high(), pt.hits(), targets));
        }
        if (audioSeconds > 0) {
            Interval fa = Interval.ofRate(pt.falseAccepts(), audioSeconds / 3600);
            line.append(String.format(Locale.ROOT, " false accepts %.1f-%.1f per hour (%d in %.1f s)", fa.low(),
                    fa.high(), pt.falseAccepts(), audioSeconds));
        }
        Interval.Clustered s = pt.bySpeaker();
        if (s != null) {
            // Keywords of one speaker are hit or missed together; the first interval treats them as independent.
            line.append(String.format(Locale.ROOT, "%n  detection rate over %d speakers: %.3f-%.3f (a speaker's"
                    + " keywords are hit or missed together: design effect %.1f, worth %.0f independent keywords)",
                    s.clusters(), s.interval().low(), s.interval().high(), s.designEffect(), s.effectiveTrials()));
        }
        return line.toString();
    }
}
