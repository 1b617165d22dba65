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
 * A data-glove impulse end to end from the CLI on paths the project generates itself: {@code init glove},
 * {@code data generate glove} (x, y paths of different lengths), {@code data import}, {@code features}
 * (trajectory: resampled by arc length, normalized, flattened), {@code train} (dense-motion), {@code test}.
 */
class GloveProjectTest {

    @Test
    void gloveEndToEnd(@TempDir Path tmp) throws Exception {
        Path p = tmp.resolve("G");
        Path raw = tmp.resolve("raw");
        assertEquals(0, CliRun.of("init", "glove", p.toString()).exitCode());
        CliRun generated = CliRun.of("data", "generate", "glove", "--out", raw.toString(), "--samples-per-class", "60",
                "--seed", "3");
        assertEquals(0, generated.exitCode(), generated.err());
        CliRun imported = CliRun.of("data", "import", raw.toString(), "--out", p.resolve("data").toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains("[x, y] at 50.0 Hz"), imported.out());
        for (String label : new String[] {"circle", "triangle", "zigzag", "check"}) {
            assertTrue(imported.out().lines().anyMatch(l -> l.startsWith(label + " ") && l.contains(" 60 ")),
                    imported.out());
        }
        CliRun features = CliRun.of("features", "--project", p.toString());
        assertEquals(0, features.exitCode(), features.err());
        assertTrue(features.out().startsWith("trajectory features for 240 samples: 32 x 2"), features.out());
        CliRun train = CliRun.of("train", "--project", p.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(Files.size(p.resolve("models/model_int8.tflite")) > 0);

        CliRun test = CliRun.of("test", "--project", p.toString(), "--json");
        assertEquals(0, test.exitCode(), test.err());
        JsonNode json = new ObjectMapper().readTree(test.out());
        assertEquals(48, json.get("test_samples").asInt(), test.out());
        double fa = json.get("float").get("accuracy").asDouble();
        double qa = json.get("int8").get("accuracy").asDouble();
        System.out.printf("glove end to end: float %.4f int8 %.4f%n", fa, qa);
        assertTrue(qa >= 0.9, "int8 accuracy " + qa);
        assertTrue(fa - qa <= 0.02, "float " + fa + " int8 " + qa);

        // The evaluation's parts agree with each other: misclassified = off-diagonal, loss and uncertain in range.
        for (String model : new String[] {"float", "int8"}) {
            JsonNode m = json.get(model);
            int offDiagonal = 0;
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    offDiagonal += r == c ? 0 : m.get("confusion").get(r).get(c).asInt();
                }
            }
            assertEquals(offDiagonal, m.get("misclassified").size(), m.toString());
            for (JsonNode w : m.get("misclassified")) {
                assertTrue(!w.get("actual").asText().equals(w.get("predicted").asText()), w.toString());
                assertTrue(Files.isRegularFile(p.resolve(w.get("file").asText())), w.toString());
            }
            assertTrue(m.get("loss").asDouble() > 0 && m.get("loss").asDouble() < 5, m.toString());
            double uncertain = m.get("uncertain_rate").asDouble();
            assertTrue(uncertain >= 0 && uncertain <= 1, m.toString());
        }
        CliRun strict = CliRun.of("test", "--project", p.toString(), "--json", "--min-confidence", "1.0");
        assertEquals(1.0, new ObjectMapper().readTree(strict.out()).get("int8").get("uncertain_rate").asDouble(), 1e-9,
                "an int8 softmax score is at most 255/256, so every answer is under 1.0");
        assertTrue(Files.size(p.resolve("reports/confusion.png")) > 0);
        String html = Files.readString(p.resolve("reports/test.html"));
        assertTrue(html.contains("confusion.png") && html.contains("Misclassified"), html);
    }
}
