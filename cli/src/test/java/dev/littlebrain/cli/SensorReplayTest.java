package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.dsp.io.EdgeImpulseJson;
import dev.littlebrain.dsp.io.SensorCsv;
import dev.littlebrain.dsp.io.SensorSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code listen --replay} of a sensor recording: the windows {@code classify} lists, one per continuous slice, with
 * the same labels and scores; {@code --real-time} paces them at the recording's rate; audio-only options and a
 * missing --replay are refused in one line.
 */
@Tag("slow")
class SensorReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void replayPlaysTheWindowsClassifyListsAndRefusesAudioOptions(@TempDir Path tmp) throws Exception {
        Path p = tmp.resolve("motion");
        Path raw = tmp.resolve("raw");
        ok(CliRun.of("init", "motion", p.toString()));
        ok(CliRun.of("data", "generate", "motion", "--out", raw.toString(), "--samples-per-class", "8", "--seed", "5"));
        ok(CliRun.of("data", "import", raw.toString(), "--out", p.resolve("data").toString()));
        ok(CliRun.of("features", "--project", p.toString()));
        ok(CliRun.of("train", "--project", p.toString(), "--epochs", "2"));
        Path recording = recording(p, tmp.resolve("two.csv"));

        CliRun classify = CliRun.of("classify", recording.toString(), "--project", p.toString(), "--json");
        ok(classify);
        JsonNode windows = JSON.readTree(classify.out());
        CliRun replay = CliRun.of("listen", "--project", p.toString(), "--replay", recording.toString(), "--json");
        ok(replay);
        List<String> lines = replay.out().strip().lines().toList();
        // Two 2 s samples, a window every 400 ms: 6 windows.
        assertEquals(6, windows.size(), classify.out());
        assertEquals(windows.size(), lines.size(), replay.out());
        for (int w = 0; w < lines.size(); w++) {
            JsonNode line = JSON.readTree(lines.get(w));
            JsonNode expected = windows.get(w);
            assertEquals(expected.get("time_ms").asLong(), line.get("time_ms").asLong(), lines.get(w));
            assertEquals(expected.get("label").asText(), line.get("label").asText(), lines.get(w));
            assertEquals(expected.get("scores").get(expected.get("label").asText()).floatValue(),
                    line.get("score").floatValue(), lines.get(w));
        }
        CliRun text = CliRun.of("listen", "--project", p.toString(), "--replay", recording.toString());
        ok(text);
        assertTrue(text.out().startsWith("      0.00 s  " + windows.get(0).get("label").asText()), text.out());

        // Real time: the window ending at 2.4 s is printed no earlier than 2.4 s after the start.
        long started = System.nanoTime();
        CliRun paced = CliRun.of("listen", "--project", p.toString(), "--replay", recording.toString(),
                "--real-time", "--seconds", "2.4", "--json");
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        ok(paced);
        assertEquals(2, paced.out().strip().lines().count(), paced.out());
        assertTrue(elapsedMs >= 2400, "real-time replay took " + elapsedMs + " ms");

        for (List<String> audioOnly : List.of(List.of("--device", "mic"), List.of("--threshold", "0.5"),
                List.of("--average", "2"), List.of("--suppression-ms", "10"))) {
            CliRun refused = CliRun.of(Stream.concat(Stream.of("listen", "--project", p.toString(), "--replay",
                    recording.toString()), audioOnly.stream()).toArray(String[]::new));
            assertEquals(2, refused.exitCode(), audioOnly + ": " + refused.out() + refused.err());
            assertTrue(refused.err().lines().findFirst().orElse("").contains("are for audio keyword spotting"),
                    refused.err());
        }
        CliRun live = CliRun.of("listen", "--project", p.toString());
        assertEquals(2, live.exitCode(), live.err());
        assertTrue(live.err().contains("give --replay FILE.csv or FILE.json"), live.err());
        CliRun wav = CliRun.of("listen", "--project", p.toString(), "--replay", p.resolve("impulse.yaml").toString());
        assertEquals(1, wav.exitCode(), wav.err());
        assertEquals(1, wav.err().strip().lines().count(), wav.err());
        assertTrue(wav.err().contains("give a .csv or Edge Impulse .json recording"), wav.err());
    }

    /** Two test-split samples of the project one after the other, as one .csv recording. */
    private static Path recording(Path project, Path csv) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(project.resolve("data/test"))) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().limit(2).toList();
        }
        SensorSeries a = EdgeImpulseJson.read(files.get(0));
        SensorSeries b = EdgeImpulseJson.read(files.get(1));
        float[] values = new float[a.interleaved().length + b.interleaved().length];
        System.arraycopy(a.interleaved(), 0, values, 0, a.interleaved().length);
        System.arraycopy(b.interleaved(), 0, values, a.interleaved().length, b.interleaved().length);
        SensorCsv.write(csv, new SensorSeries(a.deviceType(), a.axes(), a.units(), a.intervalMs(), values));
        return csv;
    }

    private static void ok(CliRun run) {
        assertEquals(0, run.exitCode(), run.out() + run.err());
    }
}
