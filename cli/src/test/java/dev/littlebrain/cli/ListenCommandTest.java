package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.cli.audio.MicrophoneSource;
import dev.littlebrain.tflite.SharedFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code littlebrain listen}: the live pipeline, driven by a replayed recording, must detect exactly
 * what {@code classify --stream} detects on the same file; without a microphone it must say so.
 */
class ListenCommandTest {
    private static final String LABELS = "[\"yes\",\"no\",\"_unknown_\",\"_noise_\"]";

    /** A kws project whose "trained" model is the conformance conv1d_kws_int8 (MFCC 13 x 50 in, 4 scores out). */
    private static Path project(Path tmp) throws Exception {
        Path model = SharedFolder.require("conformance").resolve("conv1d_kws_int8/model.tflite");
        Path p = tmp.resolve("P");
        assertEquals(0, CliRun.of("init", "kws", p.toString()).exitCode());
        Files.createDirectories(p.resolve("models"));
        Files.copy(model, p.resolve("models/model_int8.tflite"));
        Files.writeString(p.resolve("models/training.json"), "{\"labels\": " + LABELS + "}");
        return p;
    }

    private static List<JsonNode> jsonLines(String out) throws Exception {
        List<JsonNode> list = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                list.add(new ObjectMapper().readTree(line));
            }
        }
        return list;
    }

    @Test
    void replayDetectsWhatClassifyStreamDetects(@TempDir Path tmp) throws Exception {
        Path p = project(tmp);
        Path wav = SharedFolder.require("datasets/espeak-kws").resolve("_streams_/stream_01.wav");
        CliRun listen = CliRun.of("listen", "--project", p.toString(), "--replay", wav.toString(),
                "--threshold", "0.3", "--json");
        assertEquals(0, listen.exitCode(), listen.err());
        CliRun classify = CliRun.of("classify", wav.toString(), "--model", p.resolve("models/model_int8.tflite")
                .toString(), "--labels", "yes,no,_unknown_,_noise_", "--stream", "--threshold", "0.3", "--json");
        assertEquals(0, classify.exitCode(), classify.err());

        List<JsonNode> live = jsonLines(listen.out());
        JsonNode batch = new ObjectMapper().readTree(classify.out());
        assertFalse(live.isEmpty(), "a 0.3 threshold fires somewhere in 20 s of speech: " + listen.out());
        assertEquals(batch.size(), live.size(), listen.out() + " vs " + classify.out());
        for (int i = 0; i < live.size(); i++) {
            assertEquals(batch.get(i), live.get(i));
        }
        assertTrue(listen.err().contains("listening to " + wav), listen.err());
    }

    @Test
    void secondsStopsTheStreamEarly(@TempDir Path tmp) throws Exception {
        Path p = project(tmp);
        Path wav = SharedFolder.require("datasets/espeak-kws").resolve("_streams_/stream_01.wav");
        List<JsonNode> all = jsonLines(CliRun.of("listen", "--project", p.toString(), "--replay", wav.toString(),
                "--threshold", "0.3", "--json").out());
        CliRun early = CliRun.of("listen", "--project", p.toString(), "--replay", wav.toString(),
                "--threshold", "0.3", "--json", "--seconds", "8");
        assertEquals(0, early.exitCode(), early.err());
        List<JsonNode> first = jsonLines(early.out());
        List<JsonNode> expected = all.stream().filter(d -> d.get("time_ms").asLong() <= 8000).toList();
        assertEquals(expected, first);
        assertTrue(first.size() < all.size(), "stream_01 has detections after 8 s at threshold 0.3: " + all);
    }

    @Test
    void noMicrophoneIsAClearError(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(MicrophoneSource.captureMixers().isEmpty(),
                "skipped: this machine has a capture device, so the no-microphone message cannot be provoked");
        Path p = project(tmp);
        CliRun run = CliRun.of("listen", "--project", p.toString(), "--seconds", "1");
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().startsWith("error: no audio capture device"), run.err());
        assertTrue(run.err().contains("--replay"), run.err());
        assertEquals(1, run.err().strip().split("\n").length, "one line: " + run.err());
    }

    @Test
    void missingModelSaysToTrain(@TempDir Path tmp) throws Exception {
        Path p = tmp.resolve("Q");
        assertEquals(0, CliRun.of("init", "kws", p.toString()).exitCode());
        CliRun run = CliRun.of("listen", "--project", p.toString(), "--seconds", "1");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("littlebrain train"), run.err());
    }
}
