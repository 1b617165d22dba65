package dev.littlebrain.impulse.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.files.Json;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.runtime.stream.Detection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reports print the JSON {@code test --json} and {@code test --stream --json} printed when the CLI built it as
 * maps: each expectation below is built the way the CLI built it, and the strings must be equal.
 */
class ReportJsonTest {
    private static final ObjectMapper JSON = Json.mapper();
    private final Path project = Path.of("/p");

    @Test
    void theClipReportIsTestJson() throws Exception {
        ClipEvaluation fl = new ClipEvaluation(new int[][] {{3, 1}, {0, 4}}, 0.25, 1, 0.6, List.of(
                new ClipEvaluation.Misclassified(project.resolve("data/yes/a.wav"), 0, 1, 0.7)));
        ClipEvaluation q = new ClipEvaluation(new int[][] {{4, 0}, {2, 2}}, 0.5, 2, 0.6, List.of(
                new ClipEvaluation.Misclassified(Path.of("/elsewhere/b.wav"), 1, 0, 0.55),
                new ClipEvaluation.Misclassified(project.resolve("data/no/c.wav"), 1, 0, 0.9)));
        List<String> labels = List.of("yes", "no");
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("float", clipJson(fl, labels));
        o.put("int8", clipJson(q, labels));
        o.put("labels", labels);
        o.put("test_samples", 8);
        assertEquals(JSON.writeValueAsString(o), JSON.writeValueAsString(new ClipReport(fl, q, labels, 8, project)));
    }

    private Map<String, Object> clipJson(ClipEvaluation e, List<String> labels) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", e.accuracy());
        m.put("f1_macro", e.f1Macro());
        m.put("loss", e.loss());
        m.put("uncertain_rate", e.uncertainRate());
        m.put("confusion", e.confusion());
        List<Map<String, Object>> wrong = new ArrayList<>();
        for (ClipEvaluation.Misclassified w : e.misclassified()) {
            Map<String, Object> x = new LinkedHashMap<>();
            Path f = w.file().toAbsolutePath().normalize();
            x.put("file", (f.startsWith(project) ? project.relativize(f) : f).toString());
            x.put("actual", labels.get(w.actual()));
            x.put("predicted", labels.get(w.predicted()));
            x.put("confidence", w.confidence());
            wrong.add(x);
        }
        m.put("misclassified", wrong);
        return m;
    }

    @Test
    void theStreamReportIsTestStreamJson() throws Exception {
        StreamEvaluation.Utterance yes = new StreamEvaluation.Utterance("s1.wav", 1000, 1500, "yes", "anna");
        StreamEvaluation.Utterance no = new StreamEvaluation.Utterance("s1.wav", 4000, 4400, "no", "ben");
        Interval.Clustered speakers = Interval.ofClusteredProportion(new int[] {1, 0}, new int[] {1, 1});
        StreamEvaluation.Point a = new StreamEvaluation.Point(0.5f, 0.5, 60, 220, 1, 1, speakers);
        StreamEvaluation.Point b = new StreamEvaluation.Point(0.85f, 0, 0, Double.NaN, 0, 0);
        StreamEvaluation.Errors errors = new StreamEvaluation.Errors(List.of(no), List.of(
                new StreamEvaluation.FalseAccept("s1.wav", new Detection("no", 7000, 0.91f), List.of(yes))));
        List<StreamEvaluation.KeywordResult> perKeyword = List.of(
                new StreamEvaluation.KeywordResult("yes", 1, 1, 0, 0), new StreamEvaluation.KeywordResult("no", 1, 0, 1, 60));
        StreamEvaluation.Recording rec = new StreamEvaluation.Recording(Map.of(), 60, 2);
        Set<String> keywords = new LinkedHashSet<>(List.of("yes", "no"));
        ContinuousConfig config = ContinuousConfig.keywordSpotting(16000, 16000, List.of("yes", "no", "_noise_"));
        Map<String, List<StreamEvaluation.Point>> sweep = Map.of("yes", List.of(a));
        List<SnrBands.Band> bands = List.of(new SnrBands.Band(5, 2, 1));
        StreamReport report = new StreamReport(List.of(a, b), a, b, perKeyword, perKeyword, errors, sweep, bands,
                List.of(), null, rec, config, 16000, keywords, 2, 2, 1, false).withApplied(true);

        Map<String, Object> o = new LinkedHashMap<>();
        o.put("thresholds", List.of(pointJson(a, 2, 60), pointJson(b, 2, 60)));
        o.put("suggested", pointJson(a, 2, 60));
        o.put("configured", pointJson(b, 2, 60));
        o.put("suggested_per_keyword", keywordsJson(perKeyword));
        o.put("configured_per_keyword", keywordsJson(perKeyword));
        Map<String, Object> sweepPoint = new LinkedHashMap<>();
        sweepPoint.put("threshold", 0.5);
        sweepPoint.put("detection_rate", 0.5);
        sweepPoint.put("hits", 1);
        sweepPoint.put("false_accepts", 1);
        o.put("per_keyword_sweep", Map.of("yes", List.of(sweepPoint)));
        Map<String, Object> band = new LinkedHashMap<>();
        band.put("band", "5-10");
        band.put("min_db", 5.0);
        band.put("max_db", 10.0);
        band.put("utterances", 2);
        band.put("hits", 1);
        band.put("detection_rate", 0.5);
        o.put("suggested_by_snr", List.of(band)); // configured_by_snr: no bands, no key
        Map<String, Object> fa = new LinkedHashMap<>();
        fa.put("file", "s1.wav");
        fa.put("label", "no");
        fa.put("time_ms", 7000L);
        fa.put("score", 0.91f);
        fa.put("nearby", List.of(utteranceJson(yes)));
        Map<String, Object> errorsJson = new LinkedHashMap<>();
        errorsJson.put("misses", List.of(utteranceJson(no)));
        errorsJson.put("false_accepts", List.of(fa));
        o.put("suggested_errors", errorsJson);
        o.put("applied", true);
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("min_detection_rate", 0.8);
        target.put("max_false_accepts_per_hour", 10.0);
        target.put("met", false);
        o.put("target", target);
        o.put("stream_seconds", 60.0);
        o.put("utterances", 2);
        o.put("keywords", keywords);
        o.put("real_time_factor", 30.0);
        assertEquals(JSON.writeValueAsString(o), JSON.writeValueAsString(report));
    }

    private static Map<String, Object> utteranceJson(StreamEvaluation.Utterance u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", u.file());
        m.put("label", u.label());
        m.put("start_ms", u.startMs());
        m.put("end_ms", u.endMs());
        return m;
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

    private static Map<String, Object> pointJson(StreamEvaluation.Point pt, int targets, double audioSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threshold", Math.round(pt.threshold() * 100) / 100.0);
        m.put("detection_rate", pt.detectionRate());
        m.put("false_accepts_per_hour", pt.falseAcceptsPerHour());
        m.put("hits", pt.hits());
        m.put("false_accepts", pt.falseAccepts());
        Interval d = Interval.ofProportion(pt.hits(), targets);
        m.put("detection_rate_95ci", List.of(d.low(), d.high()));
        Interval fa = Interval.ofRate(pt.falseAccepts(), audioSeconds / 3600);
        m.put("false_accepts_per_hour_95ci", List.of(fa.low(), fa.high()));
        Interval.Clustered s = pt.bySpeaker();
        if (s != null) {
            m.put("detection_rate_95ci_by_speaker", List.of(s.interval().low(), s.interval().high()));
            m.put("speakers", s.clusters());
            m.put("design_effect", s.designEffect());
        }
        m.put("mean_latency_ms", Double.isNaN(pt.meanLatencyMs()) ? null : pt.meanLatencyMs());
        return m;
    }
}
