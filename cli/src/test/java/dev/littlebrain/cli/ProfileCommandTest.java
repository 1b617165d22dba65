package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.tflite.SharedFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProfileCommandTest {

    @Test
    void jsonForOneBoardAddsArenaWindowAndStack() throws Exception {
        Path model = SharedFolder.require("conformance").resolve("tflm_micro_speech/model.tflite");
        CliRun inspect = CliRun.of("inspect", model.toString(), "--json");
        int arena = new ObjectMapper().readTree(inspect.out()).get("arena_bytes").asInt();
        CliRun run = CliRun.of("profile", model.toString(), "--target", "nano33ble", "--window-bytes", "32000",
                "--slice-ms", "250", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("nano33ble", json.get("board").asText());
        assertEquals(arena + 32000 + 1024, json.get("ram_bytes").asInt());
        assertTrue(json.get("fits_ram").asBoolean() && json.get("fits_flash").asBoolean());
        // 64 MHz Cortex-M4F: a faster clock on the same core must give a proportionally shorter time.
        double nano = json.get("inference_ms").asDouble();
        JsonNode badge = new ObjectMapper().readTree(CliRun.of("profile", model.toString(), "--target", "edgebadge",
                "--json").out());
        assertEquals(nano * 64 / 120, badge.get("inference_ms").asDouble(), 1e-6);
    }

    @Test
    void unknownBoardIsBadUsage() {
        Path model = SharedFolder.require("conformance").resolve("tflm_micro_speech/model.tflite");
        CliRun run = CliRun.of("profile", model.toString(), "--target", "arduino-uno");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("nano33ble"), run.err());
    }
}
