package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A motion impulse end to end from the CLI on data the project generates itself: {@code init motion},
 * {@code data generate motion}, {@code data import} (Edge Impulse training/testing export), {@code features}
 * (spectral analysis), {@code train} (dense-motion), {@code test}.
 */
class MotionProjectTest {

    @Test
    void motionEndToEnd(@TempDir Path tmp) throws Exception {
        Path p = tmp.resolve("M");
        Path raw = tmp.resolve("raw");
        assertEquals(0, CliRun.of("init", "motion", p.toString()).exitCode());
        CliRun generated = CliRun.of("data", "generate", "motion", "--out", raw.toString(), "--samples-per-class", "60",
                "--seed", "3");
        assertEquals(0, generated.exitCode(), generated.err());
        CliRun imported = CliRun.of("data", "import", raw.toString(), "--out", p.resolve("data").toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains("[accX, accY, accZ] at 62.5 Hz"), imported.out());
        for (String label : new String[] {"idle", "wave", "circle", "updown"}) {
            assertTrue(imported.out().lines().anyMatch(l -> l.startsWith(label + " ") && l.contains(" 60 ")),
                    imported.out());
        }
        CliRun features = CliRun.of("features", "--project", p.toString());
        assertEquals(0, features.exitCode(), features.err());
        assertTrue(features.out().startsWith("spectral-analysis features for 240 samples"), features.out());
        CliRun train = CliRun.of("train", "--project", p.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(Files.size(p.resolve("models/model_int8.tflite")) > 0);

        CliRun test = CliRun.of("test", "--project", p.toString(), "--json");
        assertEquals(0, test.exitCode(), test.err());
        JsonNode json = new ObjectMapper().readTree(test.out());
        assertEquals(48, json.get("test_samples").asInt(), test.out());
        double fa = json.get("float").get("accuracy").asDouble();
        double qa = json.get("int8").get("accuracy").asDouble();
        System.out.printf("motion end to end: float %.4f int8 %.4f%n", fa, qa);
        assertTrue(qa >= 0.9, "int8 accuracy " + qa);
        assertTrue(fa - qa <= 0.02, "float " + fa + " int8 " + qa);
    }

    @Test
    void sensorDataInAnAudioProjectIsAClearError(@TempDir Path tmp) throws Exception {
        Path p = tmp.resolve("K");
        Path raw = tmp.resolve("raw");
        assertEquals(0, CliRun.of("init", "kws", p.toString()).exitCode());
        assertEquals(0, CliRun.of("data", "generate", "motion", "--out", raw.toString(), "--samples-per-class", "4")
                .exitCode());
        assertEquals(0, CliRun.of("data", "import", raw.toString(), "--out", p.resolve("data").toString()).exitCode());
        CliRun features = CliRun.of("features", "--project", p.toString());
        assertEquals(1, features.exitCode());
        assertTrue(features.err().contains("input.frequency_hz"), features.err());
    }
}
