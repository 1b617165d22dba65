package dev.littlebrain.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.cli.impulse.ImpulseProject;
import dev.littlebrain.cli.impulse.ProjectLock;
import dev.littlebrain.data.Split;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.tflite.TfliteReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import dev.littlebrain.runtime.stream.ContinuousConfig;
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
        description = "Evaluate models/model_float.tflite and models/model_int8.tflite in the LittleBrain runtime on"
                + " the test split: accuracy, loss, uncertain rate, per-class precision/recall/F1, macro F1, confusion"
                + " matrices, misclassified samples; reports/confusion.png and reports/test.html.")
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
        return ProjectLock.holding(apply ? ImpulseProject.find(project).map(ImpulseProject::dir) : java.util.Optional.empty(), spec, this::callLocked);
    }

    private int callLocked() throws IOException {
        if (apply && !stream) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--apply calibrates the stream"
                    + " threshold: use it with --stream");
        }
        ImpulseProject p = ImpulseProject.require(project);
        Path floatFile = p.models().resolve("model_float.tflite");
        Path int8File = p.models().resolve("model_int8.tflite");
        for (Path f : List.of(floatFile, int8File)) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException(f + " is missing; run 'littlebrain train' first");
            }
        }
        if (stream) {
            return streamTest(p, int8File);
        }
        ImpulseProject.Features features = p.features("features");
        List<String> labels = features.labels();
        Path history = p.models().resolve("training.json");
        if (Files.isRegularFile(history)) {
            JsonNode trained = new ObjectMapper().readTree(history.toFile()).get("labels");
            List<String> trainedLabels = new ArrayList<>();
            trained.forEach(n -> trainedLabels.add(n.asText()));
            if (!trainedLabels.equals(labels)) {
                throw new IllegalArgumentException("the models were trained on labels " + trainedLabels
                        + " but the project now has " + labels + "; run 'littlebrain train' again");
            }
        }
        ImpulseProject.Split test = features.split(Split.TEST);
        if (test.size() == 0) {
            throw new IllegalArgumentException("no test-split samples in " + p.data());
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--min-confidence must be between 0 and 1, got " + minConfidence);
        }
        ClipEvaluation fl = ClipEvaluation.run(new Interpreter(TfliteReader.read(floatFile)), test, labels.size(),
                minConfidence);
        ClipEvaluation q = ClipEvaluation.run(new Interpreter(TfliteReader.read(int8File)), test, labels.size(),
                minConfidence);
        Path png = p.reports().resolve("confusion.png");
        Path html = p.reports().resolve("test.html");
        TestReport.confusionPng(fl, q, labels, png);
        TestReport.html(fl, q, labels, p.dir(), png, html);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("float", toJson(fl, labels, p.dir()));
            o.put("int8", toJson(q, labels, p.dir()));
            o.put("labels", labels);
            o.put("test_samples", test.size());
            out.println(new ObjectMapper().writeValueAsString(o));
        } else {
            out.printf(Locale.ROOT, "test split: %d samples, %d classes%n%n", test.size(), labels.size());
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

    /** The keyword-spotting acceptance target of {@code --stream}: detection rate at false accepts per hour. */
    static final double TARGET_DETECTION_RATE = 0.8;
    static final double TARGET_FA_PER_HOUR = 10;

    /** The thresholds swept by {@code --stream}: 0.30 to 0.95 by 0.05, then 0.97 and 0.99. */
    static List<Float> thresholds() {
        List<Float> t = new ArrayList<>();
        for (int i = 30; i <= 95; i += 5) {
            t.add(i / 100f);
        }
        t.add(0.97f);
        t.add(0.99f);
        return t;
    }

    private Integer streamTest(ImpulseProject p, Path int8File) throws IOException {
        if (!"audio".equals(p.config().input().type())) {
            throw new IllegalArgumentException("--stream needs an audio impulse, this one takes "
                    + p.config().input().type());
        }
        Path history = p.models().resolve("training.json");
        if (!Files.isRegularFile(history)) {
            throw new IllegalArgumentException(history + " is missing; run 'littlebrain train' first");
        }
        List<String> labels = new ArrayList<>();
        new ObjectMapper().readTree(history.toFile()).get("labels").forEach(n -> labels.add(n.asText()));
        Path dir = streams != null ? streams : defaultStreams(p.dir());
        Path csv = dir.resolve("streams.csv");
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException("no streams.csv in " + dir + "; pass --streams DIR");
        }
        int rate = (int) Math.round(p.config().input().frequencyHz());
        int windowSamples = (int) ((long) rate * p.config().input().windowMs() / 1000);
        // The project's stream settings (impulse.yaml continuous:, or the options); the threshold is swept.
        ContinuousConfig config = continuous.config(rate, windowSamples, labels, p.config().continuous());
        Set<String> keywords = new LinkedHashSet<>(labels);
        keywords.removeAll(StreamEvaluation.SILENT);
        List<StreamEvaluation.Utterance> truth = StreamEvaluation.readTruth(csv);
        List<String> files = truth.stream().map(StreamEvaluation.Utterance::file).distinct().toList();
        StreamEvaluation.Recording rec = StreamEvaluation.record(new Interpreter(TfliteReader.read(int8File)),
                p.block(), config, windowSamples, dir, files);
        int targets = (int) truth.stream().filter(u -> keywords.contains(u.label())).count();
        List<StreamEvaluation.Point> points = new ArrayList<>();
        for (float t : thresholds()) {
            points.add(StreamEvaluation.evaluate(t, config, rec, truth, keywords));
        }
        StreamEvaluation.Point best = StreamEvaluation.suggest(points, TARGET_FA_PER_HOUR);
        // The operating point the project deploys (continuous.threshold), not chosen on these streams.
        StreamEvaluation.Point configured = StreamEvaluation.evaluate(config.threshold(), config, rec, truth, keywords);
        StreamEvaluation.Errors errors = StreamEvaluation.errors(best.threshold(), config, rec, truth, keywords);
        List<StreamEvaluation.KeywordResult> bestByKeyword = StreamEvaluation.byKeyword(truth, keywords, errors,
                rec.audioSeconds());
        StreamEvaluation.Errors configuredErrors = StreamEvaluation.errors(configured.threshold(), config, rec, truth,
                keywords);
        List<StreamEvaluation.KeywordResult> configuredByKeyword = StreamEvaluation.byKeyword(truth, keywords,
                configuredErrors, rec.audioSeconds());
        Map<String, Double> snr = SnrBands.read(csv);
        List<SnrBands.Band> bestBySnr = SnrBands.of(truth, keywords, errors.misses(), snr);
        List<SnrBands.Band> configuredBySnr = SnrBands.of(truth, keywords, configuredErrors.misses(), snr);
        boolean targetMet = best.falseAcceptsPerHour() <= TARGET_FA_PER_HOUR
                && best.detectionRate() >= TARGET_DETECTION_RATE;
        Path png = p.reports().resolve("far_frr.png");
        // The cross is the wider, speaker-clustered interval when the streams name their speakers.
        Interval detectionInterval = best.bySpeaker() != null ? best.bySpeaker().interval()
                : targets > 0 ? Interval.ofProportion(best.hits(), targets) : null;
        // The same sweep per keyword, for the plot: a weak keyword's curve lies apart from the pooled one.
        Map<String, List<StreamEvaluation.Point>> perKeyword = new LinkedHashMap<>();
        if (keywords.size() > 1) {
            for (StreamEvaluation.Point pt : points) {
                for (StreamEvaluation.KeywordResult r : StreamEvaluation.byKeyword(truth, keywords,
                        StreamEvaluation.errors(pt.threshold(), config, rec, truth, keywords), rec.audioSeconds())) {
                    perKeyword.computeIfAbsent(r.label(), l -> new ArrayList<>()).add(new StreamEvaluation.Point(
                            pt.threshold(), r.detectionRate(), r.falseAcceptsPerHour(), Double.NaN, r.hits(),
                            r.falseAccepts()));
                }
            }
        }
        StreamEvaluation.plot(points, best, detectionInterval,
                rec.audioSeconds() > 0 ? Interval.ofRate(best.falseAccepts(), rec.audioSeconds() / 3600) : null,
                perKeyword, png);
        Path yaml = p.dir().resolve(dev.littlebrain.cli.impulse.ImpulseConfig.FILE_NAME);
        if (apply) {
            String updated = dev.littlebrain.cli.impulse.ImpulseConfig.withThreshold(Files.readString(yaml),
                    best.threshold());
            dev.littlebrain.dsp.io.AtomicFileWriter.write(yaml, updated.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (StreamEvaluation.Point pt : points) {
                list.add(pointJson(pt, targets, rec.audioSeconds()));
            }
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("thresholds", list);
            o.put("suggested", pointJson(best, targets, rec.audioSeconds()));
            o.put("configured", pointJson(configured, targets, rec.audioSeconds()));
            o.put("suggested_per_keyword", keywordsJson(bestByKeyword));
            o.put("configured_per_keyword", keywordsJson(configuredByKeyword));
            // Each keyword's own sweep: what one threshold per keyword would give (its false accepts are the
            // detections in its name, so the keywords' points add up to a pooled one, suppression aside).
            Map<String, List<Map<String, Object>>> sweeps = new LinkedHashMap<>();
            perKeyword.forEach((label, kp) -> sweeps.put(label, kp.stream().map(pt -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("threshold", Math.round(pt.threshold() * 100) / 100.0);
                m.put("detection_rate", pt.detectionRate());
                m.put("hits", pt.hits());
                m.put("false_accepts", pt.falseAccepts());
                return m;
            }).toList()));
            o.put("per_keyword_sweep", sweeps);
            if (!snr.isEmpty()) {
                o.put("suggested_by_snr", SnrBands.json(bestBySnr));
                o.put("configured_by_snr", SnrBands.json(configuredBySnr));
            }
            o.put("suggested_errors", errorsJson(errors));
            o.put("applied", apply);
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("min_detection_rate", TARGET_DETECTION_RATE);
            target.put("max_false_accepts_per_hour", TARGET_FA_PER_HOUR);
            target.put("met", targetMet);
            o.put("target", target);
            o.put("stream_seconds", rec.audioSeconds());
            o.put("utterances", targets);
            o.put("keywords", keywords);
            o.put("real_time_factor", rec.realTimeFactor());
            out.println(new ObjectMapper().writeValueAsString(o));
        } else {
            out.printf(Locale.ROOT, "%d stream(s), %.1f s of audio, %d keyword utterance(s) of %s (%d words in all);"
                    + " %d slices per window, average of %d, %d ms suppression, +-%d ms tolerance%n%n", files.size(),
                    rec.audioSeconds(), targets, keywords, truth.size(), windowSamples / config.sliceSamples(),
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
            printKeywords(out, bestByKeyword);
            if (!bestBySnr.isEmpty()) {
                out.println(SnrBands.line(bestBySnr));
            }
            out.printf(Locale.ROOT, "project threshold %.2f (impulse.yaml continuous.threshold): detection rate %.3f"
                    + " (%d of %d) at %.1f false accepts/hour%n", configured.threshold(), configured.detectionRate(),
                    configured.hits(), targets, configured.falseAcceptsPerHour());
            out.println(intervals(configured, targets, rec.audioSeconds()));
            printKeywords(out, configuredByKeyword);
            if (!configuredBySnr.isEmpty()) {
                out.println(SnrBands.line(configuredBySnr));
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
                    TARGET_DETECTION_RATE, TARGET_FA_PER_HOUR, targetMet ? "met" : "missed");
            printErrors(out, best.threshold(), errors);
            out.printf(Locale.ROOT, "real-time factor: %.1fx (%.1f s of audio streamed in %.2f s)%n",
                    rec.realTimeFactor(), rec.audioSeconds(), rec.wallSeconds());
            out.println("FAR/FRR curve: " + png);
            if (apply) {
                out.printf(Locale.ROOT, "wrote continuous.threshold: %.2f to %s%n", best.threshold(), yaml);
            }
        }
        out.flush();
        return 0;
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

    private static List<Map<String, Object>> keywordsJson(List<StreamEvaluation.KeywordResult> results) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (StreamEvaluation.KeywordResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", r.label());
            m.put("utterances", r.utterances());
            m.put("hits", r.hits());
            m.put("detection_rate", r.detectionRate());
            m.put("false_accepts", r.falseAccepts());
            m.put("false_accepts_per_hour", r.falseAcceptsPerHour());
            list.add(m);
        }
        return list;
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

    private static Map<String, Object> errorsJson(StreamEvaluation.Errors errors) {
        List<Map<String, Object>> misses = new ArrayList<>();
        for (StreamEvaluation.Utterance u : errors.misses()) {
            misses.add(utteranceJson(u));
        }
        List<Map<String, Object>> falseAccepts = new ArrayList<>();
        for (StreamEvaluation.FalseAccept f : errors.falseAccepts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.file());
            m.put("label", f.detection().label());
            m.put("time_ms", f.detection().timeMs());
            m.put("score", f.detection().score());
            m.put("nearby", f.nearby().stream().map(TestCommand::utteranceJson).toList());
            falseAccepts.add(m);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("misses", misses);
        o.put("false_accepts", falseAccepts);
        return o;
    }

    private static Map<String, Object> utteranceJson(StreamEvaluation.Utterance u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", u.file());
        m.put("label", u.label());
        m.put("start_ms", u.startMs());
        m.put("end_ms", u.endMs());
        return m;
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

    private static Map<String, Object> pointJson(StreamEvaluation.Point pt, int targets, double audioSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threshold", Math.round(pt.threshold() * 100) / 100.0);
        m.put("detection_rate", pt.detectionRate());
        m.put("false_accepts_per_hour", pt.falseAcceptsPerHour());
        m.put("hits", pt.hits());
        m.put("false_accepts", pt.falseAccepts());
        if (targets > 0) {
            Interval d = Interval.ofProportion(pt.hits(), targets);
            m.put("detection_rate_95ci", List.of(d.low(), d.high()));
        }
        if (audioSeconds > 0) {
            Interval fa = Interval.ofRate(pt.falseAccepts(), audioSeconds / 3600);
            m.put("false_accepts_per_hour_95ci", List.of(fa.low(), fa.high()));
        }
        Interval.Clustered s = pt.bySpeaker();
        if (s != null) {
            m.put("detection_rate_95ci_by_speaker", List.of(s.interval().low(), s.interval().high()));
            m.put("speakers", s.clusters());
            m.put("design_effect", s.designEffect());
        }
        m.put("mean_latency_ms", Double.isNaN(pt.meanLatencyMs()) ? null : pt.meanLatencyMs());
        return m;
    }

    /** shared/datasets/espeak-kws/_streams_ next to the project or the current directory or one of their parents. */
    private static Path defaultStreams(Path projectDir) {
        for (Path start : List.of(projectDir.toAbsolutePath(), Path.of("").toAbsolutePath())) {
            for (Path d = start; d != null; d = d.getParent()) {
                Path c = d.resolveSibling("shared").resolve("datasets/espeak-kws/_streams_");
                if (Files.isRegularFile(c.resolve("streams.csv"))) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("no shared/datasets/espeak-kws/_streams_ found; pass --streams DIR");
    }

    private static Map<String, Object> toJson(ClipEvaluation e, List<String> labels, Path projectDir) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", e.accuracy());
        m.put("f1_macro", e.f1Macro());
        m.put("loss", e.loss());
        m.put("uncertain_rate", e.uncertainRate());
        m.put("confusion", e.confusion());
        List<Map<String, Object>> wrong = new ArrayList<>();
        for (ClipEvaluation.Misclassified w : e.misclassified()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("file", TestReport.relative(projectDir, w.file()));
            x.put("actual", labels.get(w.actual()));
            x.put("predicted", labels.get(w.predicted()));
            x.put("confidence", w.confidence());
            wrong.add(x);
        }
        m.put("misclassified", wrong);
        return m;
    }

    /** The int8 model's mistakes, the first few of them; the HTML report lists them all. */
    private static void misclassified(PrintWriter out, ClipEvaluation e, List<String> labels, Path projectDir) {
        int shown = Math.min(10, e.misclassified().size());
        out.printf(Locale.ROOT, "%nmisclassified by int8: %d%s%n", e.misclassified().size(),
                shown < e.misclassified().size() ? " (first " + shown + ")" : "");
        for (ClipEvaluation.Misclassified w : e.misclassified().subList(0, shown)) {
            out.printf(Locale.ROOT, "  %-50s %s -> %s (%.3f)%n", TestReport.relative(projectDir, w.file()),
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
