package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.impulse.ImpulseConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code littlebrain test --stream}: continuous keyword spotting over labelled streams, calibrated as a user should:
 * the threshold is chosen on 1,440 s of streams of validation speakers ({@code data streams}, {@code test --stream
 * --apply}) and then the espeak-kws test streams are scored at it, and 1,440 s of streams of the same test speakers,
 * where the target of issue 6 (>= 80 % detection at <= 10 false accepts per hour) is asserted at that threshold.
 */
class StreamTestCommandTest {

    @Tag("slow")
    @Test
    void calibrateOnValidationStreamsThenScoreTheTestStreams(@TempDir Path tmp) throws Exception {
        TrainedKwsProject project = TrainedKwsProject.get();
        Path dataset = project.dataset();
        // A copy of the shared project's impulse and models: --apply rewrites impulse.yaml.
        Path p = tmp.resolve("P");
        Files.createDirectories(p.resolve("models"));
        Files.copy(project.dir().resolve(ImpulseConfig.FILE_NAME), p.resolve(ImpulseConfig.FILE_NAME));
        for (String f : new String[] {"model_int8.tflite", "model_float.tflite", "training.json"}) {
            Files.copy(project.dir().resolve("models").resolve(f), p.resolve("models").resolve(f));
        }

        Path validation = tmp.resolve("validation-streams");
        // data streams' default count: 72 x 20 s, where <= 10 FA/h allows four false accepts.
        CliRun made = CliRun.of("data", "streams", dataset.toString(), "--keywords", "yes,no", "--keyword-share",
                "0.4", "--out", validation.toString());
        assertEquals(0, made.exitCode(), made.err());
        assertTrue(Files.isRegularFile(validation.resolve("streams.csv")) && Files.isRegularFile(
                validation.resolve("stream_72.wav")) && Files.isRegularFile(validation.resolve("streams_detail.csv")),
                made.out());

        CliRun calibrated = CliRun.of("test", "--project", p.toString(), "--stream", "--streams",
                validation.toString(), "--apply", "--json");
        assertEquals(0, calibrated.exitCode(), calibrated.err());
        JsonNode cal = new ObjectMapper().readTree(calibrated.out());
        requireSweep(cal, calibrated.out(), 0.01, 1);
        assertEquals(1440.0, cal.get("stream_seconds").asDouble(), 0.5);
        double chosen = cal.get("suggested").get("threshold").asDouble();
        assertEquals(chosen, ImpulseConfig.read(p.resolve(ImpulseConfig.FILE_NAME)).continuous().threshold(), 1e-9,
                "--apply writes the suggested threshold to impulse.yaml");
        // One threshold per keyword, chosen from the keywords' own sweeps; written only where it finds more.
        JsonNode own = cal.get("suggested_keyword_thresholds");
        java.util.Set<String> ownKeywords = new java.util.HashSet<>();
        own.get("thresholds").fieldNames().forEachRemaining(ownKeywords::add);
        assertEquals(java.util.Set.of("yes", "no"), ownKeywords, calibrated.out());
        java.util.Map<String, Float> written = ImpulseConfig.read(p.resolve(ImpulseConfig.FILE_NAME)).continuous()
                .keywordThresholds();
        if (own.get("better_than_one_threshold").asBoolean()) {
            assertTrue(own.get("point").get("hits").asInt() > cal.get("suggested").get("hits").asInt()
                    || cal.get("suggested").get("false_accepts_per_hour").asDouble() > 10, calibrated.out());
            own.get("thresholds").fields().forEachRemaining(e -> assertEquals(e.getValue().asDouble(),
                    written.get(e.getKey()), 0.005, e.getKey()));
        } else {
            assertTrue(written.isEmpty(), written.toString());
        }

        String streams = dataset.resolve("_streams_").toString();
        CliRun run = CliRun.of("test", "--project", p.toString(), "--stream", "--streams", streams, "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        requireSweep(json, run.out(), 0.05, 10);
        assertEquals(60.0, json.get("stream_seconds").asDouble(), 0.5);
        assertEquals(chosen, json.get("configured").get("threshold").asDouble(), 1e-9, "scored at the calibration");
        // Issue 6's target (>= 80 % detection at <= 10 FA/h) is reported as met exactly when some swept
        // threshold reaches it.
        JsonNode points = json.get("thresholds");
        boolean reached = false;
        double bestRate = 0;
        for (JsonNode pt : points) {
            boolean quiet = pt.get("false_accepts_per_hour").asDouble() <= 10;
            reached |= quiet && pt.get("detection_rate").asDouble() >= 0.8;
            bestRate = Math.max(bestRate, quiet ? pt.get("detection_rate").asDouble() : 0);
        }
        assertEquals(reached, json.get("target").get("met").asBoolean(), run.out());
        // The suggested point's errors, listed to be listened to: as many misses and false accepts as it counts,
        // every miss a keyword utterance of streams.csv, every false accept away from any utterance of its label.
        JsonNode suggested = json.get("suggested");
        JsonNode errors = json.get("suggested_errors");
        assertEquals(json.get("utterances").asInt() - suggested.get("hits").asInt(), errors.get("misses").size(),
                run.out());
        assertEquals(suggested.get("false_accepts").asInt(), errors.get("false_accepts").size(), run.out());
        java.util.List<String> truth = Files.readAllLines(dataset.resolve("_streams_/streams.csv"));
        for (JsonNode miss : errors.get("misses")) {
            String row = miss.get("file").asText() + "," + miss.get("start_ms").asLong() + ","
                    + miss.get("end_ms").asLong() + "," + miss.get("label").asText();
            assertTrue(truth.contains(row) && json.get("keywords").toString().contains(
                    "\"" + miss.get("label").asText() + "\""), row);
        }
        for (JsonNode fa : errors.get("false_accepts")) {
            for (JsonNode word : fa.get("nearby")) {
                assertTrue(!word.get("label").asText().equals(fa.get("label").asText()) || missedOrElsewhere(word,
                        errors), fa.toString());
            }
        }
        // Per keyword, the suggested and the configured point add up to their totals.
        for (String point : new String[] {"suggested", "configured"}) {
            JsonNode perKeyword = json.get(point + "_per_keyword");
            assertEquals(json.get("keywords").size(), perKeyword.size(), perKeyword.toString());
            int hits = 0;
            int falseAccepts = 0;
            int utterances = 0;
            for (JsonNode k : perKeyword) {
                hits += k.get("hits").asInt();
                falseAccepts += k.get("false_accepts").asInt();
                utterances += k.get("utterances").asInt();
            }
            assertEquals(json.get(point).get("hits").asInt(), hits, perKeyword.toString());
            assertEquals(json.get(point).get("false_accepts").asInt(), falseAccepts, perKeyword.toString());
            assertEquals(json.get("utterances").asInt(), utterances, perKeyword.toString());
        }
        assertTrue(Files.size(p.resolve("reports/far_frr.png")) > 0);
        // A floor well under today's figures (README, Streaming): the spotter must keep finding most keywords
        // without false accepts.
        assertTrue(bestRate >= 0.6, "best detection rate at <= 10 FA/h: " + bestRate + "\n" + run.out());

        // Issue 6's target where it can be measured: the 60 s above allow no false accept at all, so the same test
        // speakers are streamed for 1,440 s as espeak-kws's own streams are made (72 x 20 s, about 330 keywords;
        // <= 10 FA/h allows four), and the template's model must reach >= 80 % detection there at the threshold the
        // validation streams chose, not at one picked on these.
        Path testSpeakers = tmp.resolve("test-speaker-streams");
        CliRun built = CliRun.of("data", "streams", dataset.toString(), "--split", "test", "--keywords", "yes,no",
                "--count", "72", "--keyword-share", "0.4", "--seed", "7", "--out", testSpeakers.toString());
        assertEquals(0, built.exitCode(), built.err());
        CliRun long72 = CliRun.of("test", "--project", p.toString(), "--stream", "--streams", testSpeakers.toString(),
                "--json");
        assertEquals(0, long72.exitCode(), long72.err());
        JsonNode longJson = new ObjectMapper().readTree(long72.out());
        requireSweep(longJson, long72.out(), 0.01, 1);
        assertEquals(1440.0, longJson.get("stream_seconds").asDouble(), 0.5);
        double longBest = 0;
        for (JsonNode pt : longJson.get("thresholds")) {
            if (pt.get("false_accepts_per_hour").asDouble() <= 10) {
                longBest = Math.max(longBest, pt.get("detection_rate").asDouble());
            }
        }
        assertTrue(longJson.get("target").get("met").asBoolean() && longBest >= 0.8,
                "detection >= 80 % at <= 10 FA/h on 1,440 s of test-speaker streams: " + long72.out());
        JsonNode atCalibration = longJson.get("configured");
        assertEquals(chosen, atCalibration.get("threshold").asDouble(), 1e-9);
        assertTrue(atCalibration.get("detection_rate").asDouble() >= 0.8
                && atCalibration.get("false_accepts_per_hour").asDouble() <= 10,
                "the target at the calibrated threshold " + chosen + ": " + long72.out());
        JsonNode bySpeaker = atCalibration.get("detection_rate_95ci_by_speaker");
        System.out.printf("test-speaker streams (1,440 s, %d keywords): best at <= 10 FA/h %.3f; at the calibrated"
                        + " threshold %.2f: detection %.3f at %.1f FA/h (95 %% over %d speakers %.3f-%.3f)%n",
                longJson.get("utterances").asInt(), longBest, chosen, atCalibration.get("detection_rate").asDouble(),
                atCalibration.get("false_accepts_per_hour").asDouble(), atCalibration.get("speakers").asInt(),
                bySpeaker.get(0).asDouble(), bySpeaker.get(1).asDouble());

        CliRun table = CliRun.of("test", "--project", p.toString(), "--stream", "--streams", streams);
        assertEquals(0, table.exitCode(), table.err());
        System.out.println(calibrated.out());
        System.out.println(table.out());
        assertTrue(table.out().contains("suggested threshold") && table.out().contains("real-time factor")
                && table.out().contains(String.format(java.util.Locale.ROOT, "project threshold %.2f", chosen)),
                table.out());
        assertTrue(table.out().contains("target (detection rate >= 0.80 at <= 10 false accepts/hour): "
                + (reached ? "met" : "missed")), table.out());
        assertTrue(table.out().contains("at the suggested threshold"), table.out());
        assertTrue(table.out().contains("  detection rate over ") && table.out().contains(" speakers: "),
                table.out());
        assertTrue(table.out().contains("  yes  detection ") && table.out().contains("  no   detection "),
                table.out());
        assertTrue(table.out().contains("95 % intervals: detection rate ") && table.out().contains(
                "note: one false accept in 60.0 s is 60.0 per hour"), table.out());
        JsonNode c = json.get("configured");
        System.out.printf("stream calibration: threshold %.2f from validation streams (there %.3f at %.1f FA/h);"
                        + " test streams at it: detection %.3f at %.1f FA/h; best swept at <= 10 FA/h %.3f; RTF %.1f%n",
                chosen, cal.get("suggested").get("detection_rate").asDouble(),
                cal.get("suggested").get("false_accepts_per_hour").asDouble(), c.get("detection_rate").asDouble(),
                c.get("false_accepts_per_hour").asDouble(), bestRate, json.get("real_time_factor").asDouble());
    }

    /**
     * A word of a false accept's own label near it must have been taken by another detection (a second firing on one
     * utterance) or missed at another time: the matcher never leaves a free, matching utterance unused.
     */
    private static boolean missedOrElsewhere(JsonNode word, JsonNode errors) {
        for (JsonNode miss : errors.get("misses")) {
            if (miss.get("file").equals(word.get("file")) && miss.get("start_ms").equals(word.get("start_ms"))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void applyNeedsStream() throws Exception {
        CliRun run = CliRun.of("test", "--apply");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--apply") && run.err().contains("--stream"), run.err());
    }

    /**
     * The sweep's shape: keys, ascending thresholds, rates in range, intervals wider than
     * {@code minDetectionInterval} and {@code minFalseAcceptInterval} per hour. (The detection rate need not fall
     * with the threshold: at a low one a false accept just before a keyword can suppress its detection.)
     */
    private static void requireSweep(JsonNode json, String out, double minDetectionInterval,
            double minFalseAcceptInterval) {
        for (String k : new String[] {"thresholds", "suggested", "configured", "stream_seconds", "utterances"}) {
            assertTrue(json.has(k), k + " in " + out);
        }
        assertTrue(json.get("utterances").asInt() > 0);
        JsonNode points = json.get("thresholds");
        assertTrue(points.size() >= 10, out);
        double previousThreshold = 0;
        int utterances = json.get("utterances").asInt();
        double hours = json.get("stream_seconds").asDouble() / 3600;
        for (JsonNode pt : points) {
            for (String k : new String[] {"threshold", "detection_rate", "false_accepts_per_hour", "mean_latency_ms",
                    "hits", "false_accepts", "detection_rate_95ci", "false_accepts_per_hour_95ci"}) {
                assertTrue(pt.has(k), k + " in " + pt);
            }
            double t = pt.get("threshold").asDouble();
            double d = pt.get("detection_rate").asDouble();
            double fa = pt.get("false_accepts_per_hour").asDouble();
            assertTrue(t > previousThreshold, "thresholds ascend: " + out);
            assertTrue(d >= 0 && d <= 1, pt.toString());
            assertTrue(fa >= 0, pt.toString());
            assertEquals(pt.get("hits").asInt() / (double) utterances, d, 1e-9, pt.toString());
            assertEquals(pt.get("false_accepts").asInt() / hours, fa, 1e-6, pt.toString());
            // The 95 % intervals hold their point estimates and are not degenerate: minutes of streams cannot pin
            // either rate down (a few minutes: the detection rate not even to 0.05).
            JsonNode dci = pt.get("detection_rate_95ci");
            JsonNode faci = pt.get("false_accepts_per_hour_95ci");
            assertTrue(dci.get(0).asDouble() <= d && d <= dci.get(1).asDouble()
                    && dci.get(1).asDouble() - dci.get(0).asDouble() > minDetectionInterval, pt.toString());
            assertTrue(faci.get(0).asDouble() <= fa && fa <= faci.get(1).asDouble()
                    && faci.get(1).asDouble() > faci.get(0).asDouble() + minFalseAcceptInterval, pt.toString());
            // These streams name their speakers (streams_detail.csv): the interval over speakers holds the estimate
            // and is never narrower than the one treating every keyword as independent.
            for (String k : new String[] {"detection_rate_95ci_by_speaker", "speakers", "design_effect"}) {
                assertTrue(pt.has(k), k + " in " + pt);
            }
            JsonNode sci = pt.get("detection_rate_95ci_by_speaker");
            assertTrue(pt.get("speakers").asInt() >= 2 && pt.get("design_effect").asDouble() >= 1, pt.toString());
            assertTrue(sci.get(0).asDouble() <= d && d <= sci.get(1).asDouble() && sci.get(1).asDouble()
                    - sci.get(0).asDouble() >= dci.get(1).asDouble() - dci.get(0).asDouble() - 1e-9, pt.toString());
            previousThreshold = t;
        }
        JsonNode s = json.get("suggested");
        assertTrue(s.has("threshold") && s.has("detection_rate") && s.has("false_accepts_per_hour"), s.toString());
    }
}
