package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sensor impulse built from the CLI on a dataset the project generates: {@code init KIND},
 * {@code data generate KIND} (60 per class), {@code data import}, {@code features}, {@code train},
 * {@code test --json}; asserts every step succeeds, the import sees every label and the int8 model
 * reaches 90 % with a drop of at most 2 points.
 */
final class SensorImpulse {
    private SensorImpulse() {
    }

    /** Runs the whole flow in {@code tmp}; returns the project folder and {@code test --json}'s output. */
    static Result build(Path tmp, String kind, String importedLine, String featuresLine, String... labels)
            throws Exception {
        Path p = tmp.resolve(kind);
        Path raw = tmp.resolve(kind + "-raw");
        assertEquals(0, CliRun.of("init", kind, p.toString()).exitCode());
        CliRun generated = CliRun.of("data", "generate", kind, "--out", raw.toString(), "--samples-per-class", "60",
                "--seed", "3");
        assertEquals(0, generated.exitCode(), generated.err());
        CliRun imported = CliRun.of("data", "import", raw.toString(), "--out", p.resolve("data").toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains(importedLine), imported.out());
        for (String label : labels) {
            assertTrue(imported.out().lines().anyMatch(l -> l.startsWith(label + " ") && l.contains(" 60 ")),
                    imported.out());
        }
        CliRun features = CliRun.of("features", "--project", p.toString());
        assertEquals(0, features.exitCode(), features.err());
        assertTrue(features.out().startsWith(featuresLine), features.out());
        CliRun train = CliRun.of("train", "--project", p.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(Files.size(p.resolve("models/model_int8.tflite")) > 0);

        CliRun test = CliRun.of("test", "--project", p.toString(), "--json");
        assertEquals(0, test.exitCode(), test.err());
        JsonNode json = new ObjectMapper().readTree(test.out());
        assertEquals(48, json.get("test_samples").asInt(), test.out());
        double fa = json.get("float").get("accuracy").asDouble();
        double qa = json.get("int8").get("accuracy").asDouble();
        System.out.printf("%s end to end: float %.4f int8 %.4f%n", kind, fa, qa);
        assertTrue(qa >= 0.9, "int8 accuracy " + qa);
        assertTrue(fa - qa <= 0.02, "float " + fa + " int8 " + qa);
        return new Result(p, json);
    }

    record Result(Path project, JsonNode test) {
    }
}
