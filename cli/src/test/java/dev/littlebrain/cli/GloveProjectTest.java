package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data-glove impulse end to end from the CLI on paths the project generates itself: {@code init glove},
 * {@code data generate glove} (x, y paths of different lengths), {@code data import}, {@code features}
 * (trajectory: resampled by arc length, normalized, flattened), {@code train} (dense-motion), {@code test}.
 */
@Tag("slow")
class GloveProjectTest {

    @Test
    void gloveEndToEnd(@TempDir Path tmp) throws Exception {
        SensorImpulse.Result built = SensorImpulse.build(tmp, "glove", "[x, y] at 50.0 Hz",
                "trajectory features for 240 samples: 32 x 2", "circle", "triangle", "zigzag", "check");
        Path p = built.project();
        JsonNode json = built.test();

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
        assertTrue(html.contains("data:image/png;base64,") && html.contains("Misclassified"), "self-contained page");
    }
}
