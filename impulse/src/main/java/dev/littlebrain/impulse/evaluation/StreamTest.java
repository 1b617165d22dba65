package dev.littlebrain.impulse.evaluation;

import dev.littlebrain.files.AtomicFiles;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.SharedFolder;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.tflite.TfliteReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code test --stream}'s work: the project's int8 model run continuously over labelled streams once, then the
 * detection threshold swept offline (each threshold's detections are exactly those of a live run).
 */
public final class StreamTest {
    /** The ground truth's file name in a streams folder. */
    public static final String TRUTH = "streams.csv";

    private StreamTest() {
    }

    /** The thresholds swept: 0.30 to 0.95 by 0.05, then 0.97 and 0.99. */
    public static List<Float> thresholds() {
        List<Float> t = new ArrayList<>();
        for (int i = 30; i <= 95; i += 5) {
            t.add(i / 100f);
        }
        t.add(0.97f);
        t.add(0.99f);
        return t;
    }

    /**
     * Runs the project's int8 model over the streams of {@code streamsDir} (its {@value #TRUTH} names them) with
     * {@code config}, whose threshold is the project's operating point; the others are swept.
     */
    public static StreamReport run(ImpulseProject p, Path streamsDir, ContinuousConfig config, Progress progress)
            throws IOException {
        Path csv = streamsDir.resolve(TRUTH);
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException("no " + TRUTH + " in " + streamsDir + "; pass --streams DIR");
        }
        Set<String> keywords = new LinkedHashSet<>(config.labels());
        keywords.removeAll(config.silentLabels());
        List<StreamEvaluation.Utterance> truth = StreamEvaluation.readTruth(csv);
        List<String> files = truth.stream().map(StreamEvaluation.Utterance::file).distinct().toList();
        progress.stage("streams");
        StreamEvaluation.Recording rec = StreamEvaluation.record(new Interpreter(TfliteReader.read(
                p.layout().int8Model())), p.block(), config, p.windowSamples(), streamsDir, files, progress);
        int targets = (int) truth.stream().filter(u -> keywords.contains(u.label())).count();
        List<StreamEvaluation.Point> points = new ArrayList<>();
        for (float t : thresholds()) {
            points.add(StreamEvaluation.evaluate(t, config, rec, truth, keywords));
        }
        StreamEvaluation.Point best = StreamEvaluation.suggest(points, StreamReport.TARGET_FA_PER_HOUR);
        // The project's operating point as it deploys: its threshold and any keyword's own.
        StreamEvaluation.Point configured = StreamEvaluation.evaluate(config, rec, truth, keywords);
        StreamEvaluation.Errors errors = StreamEvaluation.errors(best.threshold(), config, rec, truth, keywords);
        List<StreamEvaluation.KeywordResult> bestByKeyword = StreamEvaluation.byKeyword(truth, keywords, errors,
                rec.audioSeconds());
        StreamEvaluation.Errors configuredErrors = StreamEvaluation.errors(config, rec, truth, keywords);
        List<StreamEvaluation.KeywordResult> configuredByKeyword = StreamEvaluation.byKeyword(truth, keywords,
                configuredErrors, rec.audioSeconds());
        Map<String, Double> snr = SnrBands.read(csv);
        List<SnrBands.Band> bestBySnr = SnrBands.of(truth, keywords, errors.misses(), snr);
        List<SnrBands.Band> configuredBySnr = SnrBands.of(truth, keywords, configuredErrors.misses(), snr);
        // The same sweep per keyword: a weak keyword's curve lies apart from the pooled one.
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
        KeywordThresholds.Suggestion own = null;
        Map<String, Float> chosen = KeywordThresholds.choose(perKeyword, rec.audioSeconds(),
                StreamReport.TARGET_FA_PER_HOUR);
        if (!chosen.isEmpty()) {
            ContinuousConfig c = config.withThreshold(best.threshold()).withKeywordThresholds(chosen);
            own = new KeywordThresholds.Suggestion(chosen, StreamEvaluation.evaluate(c, rec, truth, keywords),
                    StreamEvaluation.byKeyword(truth, keywords, StreamEvaluation.errors(c, rec, truth, keywords),
                            rec.audioSeconds()));
        }
        return new StreamReport(points, best, configured, bestByKeyword, configuredByKeyword, errors, perKeyword,
                bestBySnr, configuredBySnr, own, rec, config, p.windowSamples(), keywords, targets, truth.size(),
                files.size(), false);
    }

    /**
     * Makes {@code report}'s suggestion the project's operating point: its threshold into impulse.yaml's
     * continuous.threshold, with each keyword's own threshold where they find more (else none: an earlier
     * calibration's would be stale), written atomically.
     *
     * @return the report marked as applied
     */
    public static StreamReport apply(ImpulseProject p, StreamReport report) throws IOException {
        Path yaml = p.layout().config();
        String updated = ImpulseConfig.withThreshold(Files.readString(yaml), report.suggested().threshold());
        updated = ImpulseConfig.withKeywordThresholds(updated,
                report.keywordThresholdsWin() ? report.suggestedKeywordThresholds().thresholds() : Map.of());
        AtomicFiles.write(yaml, updated.getBytes(StandardCharsets.UTF_8));
        return report.withApplied(true);
    }

    /**
     * The labelled streams shipped with LittleBrain's shared data: the {@link SharedFolder shared folder}'s
     * datasets/espeak-kws/_streams_ found from the project, else from the current directory.
     */
    public static Path defaultStreams(Path projectDir) {
        for (Path start : List.of(projectDir.toAbsolutePath(), Path.of("").toAbsolutePath())) {
            Optional<Path> streams = SharedFolder.find(start, "datasets/espeak-kws/_streams_")
                    .filter(d -> Files.isRegularFile(d.resolve(TRUTH)));
            if (streams.isPresent()) {
                return streams.get();
            }
        }
        throw new IllegalArgumentException("no shared/datasets/espeak-kws/_streams_ found; pass --streams DIR");
    }
}
