package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code littlebrain test --stream}: continuous keyword spotting over the espeak-kws test streams. */
class StreamTestCommandTest {

    @Test
    void streamSweepOverTheEspeakStreams() throws Exception {
        TrainedKwsProject project = TrainedKwsProject.get();
        Path p = project.dir();
        Path dataset = project.dataset();
        String streams = dataset.resolve("_streams_").toString();
        CliRun run = CliRun.of("test", "--project", p.toString(), "--stream", "--streams", streams, "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        for (String k : new String[] {"thresholds", "suggested", "stream_seconds", "utterances"}) {
            assertTrue(json.has(k), k + " in " + run.out());
        }
        assertEquals(60.0, json.get("stream_seconds").asDouble(), 0.5);
        assertTrue(json.get("utterances").asInt() > 0);
        JsonNode points = json.get("thresholds");
        assertTrue(points.size() >= 10, run.out());
        double previousRate = 2;
        double previousThreshold = 0;
        for (JsonNode pt : points) {
            for (String k : new String[] {"threshold", "detection_rate", "false_accepts_per_hour", "mean_latency_ms"}) {
                assertTrue(pt.has(k), k + " in " + pt);
            }
            double t = pt.get("threshold").asDouble();
            double d = pt.get("detection_rate").asDouble();
            assertTrue(t > previousThreshold, "thresholds ascend: " + run.out());
            assertTrue(d >= 0 && d <= 1, pt.toString());
            assertTrue(pt.get("false_accepts_per_hour").asDouble() >= 0, pt.toString());
            assertTrue(d <= previousRate + 1e-12, "detection rate must not rise with the threshold: " + run.out());
            previousRate = d;
            previousThreshold = t;
        }
        JsonNode s = json.get("suggested");
        assertTrue(s.has("threshold") && s.has("detection_rate") && s.has("false_accepts_per_hour"), s.toString());
        // Issue 6's target (>= 80 % detection at <= 10 FA/h) is reported as met exactly when some swept
        // threshold reaches it. (It is not reached yet: see README, Streaming.)
        boolean reached = false;
        for (JsonNode pt : points) {
            reached |= pt.get("detection_rate").asDouble() >= 0.8 && pt.get("false_accepts_per_hour").asDouble() <= 10;
        }
        assertEquals(reached, json.get("target").get("met").asBoolean(), run.out());
        assertTrue(Files.size(p.resolve("reports/far_frr.png")) > 0);

        CliRun table = CliRun.of("test", "--project", p.toString(), "--stream", "--streams", streams);
        assertEquals(0, table.exitCode(), table.err());
        System.out.println(table.out());
        assertTrue(table.out().contains("suggested threshold") && table.out().contains("real-time factor"),
                table.out());
        assertTrue(table.out().contains("target (detection rate >= 0.80 at <= 10 false accepts/hour): "
                + (reached ? "met" : "missed")), table.out());
        System.out.printf("stream operating point: threshold %.2f, detection rate %.3f, %.1f FA/h, RTF %.1f%n",
                s.get("threshold").asDouble(), s.get("detection_rate").asDouble(),
                s.get("false_accepts_per_hour").asDouble(), json.get("real_time_factor").asDouble());
    }

}
