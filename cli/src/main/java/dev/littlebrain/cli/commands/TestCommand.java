package dev.littlebrain.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.Int8ModelCheck;
import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.impulse.evaluation.ClipEvaluation;
import dev.littlebrain.impulse.evaluation.ClipReport;
import dev.littlebrain.impulse.evaluation.ClipTest;
import dev.littlebrain.impulse.evaluation.Interval;
import dev.littlebrain.impulse.evaluation.KeywordThresholds;
import dev.littlebrain.impulse.evaluation.SnrBands;
import dev.littlebrain.impulse.evaluation.StreamEvaluation;
import dev.littlebrain.impulse.evaluation.StreamReport;
import dev.littlebrain.impulse.evaluation.StreamTest;
import dev.littlebrain.impulse.report.FarFrrPlot;
import dev.littlebrain.impulse.report.TestReport;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.tflite.TfliteReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code littlebrain test}: evaluates the float and int8 models in our runtime on the test split. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Evaluate " + ProjectLayout.FLOAT_MODEL + " and " + ProjectLayout.INT8_MODEL
                + " in the LittleBrain runtime on the test split: accuracy, loss, uncertain rate, per-class"
                + " precision/recall/F1, macro F1, confusion matrices, misclassified samples; reports/confusion.png and"
                + " reports/test.html.")
public final class TestCommand implements Callable<Integer> {
    @Option(names = "--project", paramLabel = "DIR", description = "Impulse project folder (default: current directory).")
    Path project;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Option(names = "--stream", description = "Continuous keyword spotting over labelled test streams: detection"
            + " rate, false accepts per hour and latency for a sweep of thresholds, a suggested operating point,"
            + " reports/far_frr.png and the real-time factor.")
    boolean stream;

    @Option(names = "--streams", paramLabel = "DIR", description = "Folder with streams.csv (file,start_ms,end_ms,label;"
            + " files relative to the folder above it). Default: shared/datasets/espeak-kws/_streams_ found upwards.")
    Path streams;

    @picocli.CommandLine.Mixin
    ContinuousOptions continuous;

    @Option(names = "--apply", description = "With --stream: write the suggested threshold to impulse.yaml"
            + " (continuous.threshold), which deploy, listen and later stream tests use. Calibrate on streams of"
            + " validation speakers ('data streams'), not on the test streams.")
    boolean apply;

    @Option(names = "--min-confidence", defaultValue = "0.6", paramLabel = "P",
            description = "Answers whose top score is below P count as uncertain (default: ${DEFAULT-VALUE}).")
    double minConfidence;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        // A writing command: one at a time per project.
        return CommandLock.holding(apply ? ImpulseProject.find(project).map(ImpulseProject::dir) : java.util.Optional.empty(), spec, this::callLocked);
    }

    private int callLocked() throws IOException {
        if (apply && !stream) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--apply calibrates the stream"
                    + " threshold: use it with --stream");
        }
        ImpulseProject p = ImpulseProject.require(project);
        ClipTest.models(p); // both, also for --stream: a half-trained project says so before anything runs
        // Its column, matrix and report say "int8": refuse what is not.
        Path int8File = p.layout().int8Model();
        Int8ModelCheck.require(int8File, TfliteReader.read(int8File));
        if (stream) {
            return streamTest(p);
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--min-confidence must be between 0 and 1, got " + minConfidence);
        }
        ClipReport report = ClipTest.run(p, minConfidence, new TerminalProgress());
        ClipEvaluation fl = report.floatModel();
        ClipEvaluation q = report.int8Model();
        List<String> labels = report.labels();
        Path png = p.layout().confusionMatrix();
        Path html = p.layout().testReport();
        TestReport.write(report, p.layout());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(report));
        } else {
            out.printf(Locale.ROOT, "test split: %d samples, %d classes%n%n", report.testSamples(), labels.size());
            out.printf(Locale.ROOT, "%-14s %8s %8s%n", "", "float", "int8");
            out.printf(Locale.ROOT, "%-14s %8.4f %8.4f%n", "accuracy", fl.accuracy(), q.accuracy());
            out.printf(Locale.ROOT, "%-14s %8.4f %8.4f%n", "F1 (macro)", fl.f1Macro(), q.f1Macro());
            out.printf(Locale.ROOT, "%-14s %8.4f %8.4f%n", "loss", fl.loss(), q.loss());
            out.printf(Locale.ROOT, "%-14s %8.4f %8.4f   (top score < %.2f)%n%n", "uncertain", fl.uncertainRate(),
                    q.uncertainRate(), minConfidence);
            out.printf(Locale.ROOT, "%-14s %21s   %21s%n", "", "float  P / R / F1", "int8  P / R / F1");
            for (int c = 0; c < labels.size(); c++) {
                out.printf(Locale.ROOT, "%-14s %6.3f %6.3f %6.3f   %6.3f %6.3f %6.3f%n", labels.get(c),
                        fl.precision(c), fl.recall(c), fl.f1(c), q.precision(c), q.recall(c), q.f1(c));
            }
            confusion(out, "float", fl, labels);
            confusion(out, "int8", q, labels);
            misclassified(out, q, labels, p.dir());
            out.println();
            out.println("report: " + html + " (confusion matrices: " + png + ")");
        }
        out.flush();
        return 0;
    }

    static final double TARGET_DETECTION_RATE = StreamReport.TARGET_DETECTION_RATE;
    static final double TARGET_FA_PER_HOUR = StreamReport.TARGET_FA_PER_HOUR;

    private Integer streamTest(ImpulseProject p) throws IOException {
        if (!"audio".equals(p.config().input().type())) {
            throw new IllegalArgumentException("--stream needs an audio impulse, this one takes "
                    + p.config().input().type());
        }
        List<String> labels = p.trainedLabels();
        Path dir = streams != null ? streams : StreamTest.defaultStreams(p.dir());
        if (!Files.isRegularFile(dir.resolve(StreamTest.TRUTH))) {
            throw new IllegalArgumentException("no " + StreamTest.TRUTH + " in " + dir + "; pass --streams DIR");
        }
        int rate = (int) Math.round(p.config().input().frequencyHz());
        int windowSamples = p.windowSamples();
        // The project's stream settings (impulse.yaml continuous:, or the options); the threshold is swept.
        ContinuousConfig config = continuous.config(rate, windowSamples, labels, p.config().continuous());
        StreamReport report = StreamTest.run(p, dir, config, new TerminalProgress());
        List<StreamEvaluation.Point> points = report.points();
        StreamEvaluation.Point best = report.suggested();
        StreamEvaluation.Point configured = report.configured();
        StreamEvaluation.Recording rec = report.recording();
        int targets = report.utterances();
        Path png = p.layout().farFrrCurve();
        // The cross is the wider, speaker-clustered interval when the streams name their speakers.
        Interval detectionInterval = best.bySpeaker() != null ? best.bySpeaker().interval()
                : report.detectionInterval(best);
        FarFrrPlot.plot(points, best, detectionInterval, report.falseAcceptInterval(best), report.perKeyword(), png);
        Path yaml = p.layout().config();
        if (apply) {
            report = StreamTest.apply(p, report);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(report));
        } else {
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
                    best.falseAcceptsPerHour() <= TARGET_FA_PER_HOUR ? "" : " (no threshold reaches <= 10 FA/h)");
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
            if (onePerHour > TARGET_FA_PER_HOUR) {
                // A minute of streams cannot resolve a rate of a few per hour: say so rather than let one event
                // decide the verdict unnoticed.
                out.printf(Locale.ROOT, "note: one false accept in %.1f s is %.1f per hour, so <= %.0f per hour means"
                        + " none here; %.0f s of streams would allow one%n", rec.audioSeconds(), onePerHour,
                        TARGET_FA_PER_HOUR, Math.ceil(3600 / TARGET_FA_PER_HOUR));
            }
            out.printf(Locale.ROOT, "target (detection rate >= %.2f at <= %.0f false accepts/hour): %s%n",
                    TARGET_DETECTION_RATE, TARGET_FA_PER_HOUR, report.targetMet() ? "met" : "missed");
            printErrors(out, best.threshold(), report.suggestedErrors());
            out.printf(Locale.ROOT, "real-time factor: %.1fx (%.1f s of audio streamed in %.2f s)%n",
                    rec.realTimeFactor(), rec.audioSeconds(), rec.wallSeconds());
            out.println("FAR/FRR curve: " + png);
            if (apply) {
                out.printf(Locale.ROOT, "wrote continuous.threshold: %.2f%s to %s%n", best.threshold(),
                        report.keywordThresholdsWin() ? " and thresholds: {"
                                + thresholdList(report.suggestedKeywordThresholds().thresholds()) + "}" : "", yaml);
            }
        }
        out.flush();
        return 0;
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

    /** The int8 model's mistakes, the first few of them; the HTML report lists them all. */
    private static void misclassified(PrintWriter out, ClipEvaluation e, List<String> labels, Path projectDir) {
        int shown = Math.min(10, e.misclassified().size());
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
