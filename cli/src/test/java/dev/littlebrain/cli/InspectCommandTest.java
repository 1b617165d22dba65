package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.tflite.SharedFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {

    @Test
    void jsonHasTheContractKeys() throws Exception {
        Path model = SharedFolder.require("conformance").resolve("dscnn_small_int8/model.tflite");
        CliRun run = CliRun.of("inspect", model.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode caseJson = new ObjectMapper().readTree(model.resolveSibling("case.json").toFile());
        assertEquals(caseJson.get("ops"), json.get("ops"));
        assertTrue(json.get("arena_bytes").asInt() > 0);
        assertTrue(json.get("arena_bytes").asInt() <= json.get("greedy_arena_bytes").asInt());
        assertTrue(json.get("macs").asLong() > 0);
        assertTrue(json.get("weights_bytes").asLong() > 0);
        assertEquals("int8", json.get("inputs").get(0).get("dtype").asText());
    }

    @Test
    void tableNamesOpsAndArena() {
        Path model = SharedFolder.require("conformance").resolve("tflm_micro_speech/model.tflite");
        CliRun run = CliRun.of("inspect", model.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("DEPTHWISE_CONV_2D"));
        assertTrue(run.out().contains("Tensor arena:"));
    }

    @Test
    void missingFileIsOneLineAndExitCodeOne() {
        CliRun run = CliRun.of("inspect", "no-such-model.tflite");
        assertEquals(1, run.exitCode());
        assertEquals("error: file not found: no-such-model.tflite", run.err().strip());
    }

    @Test
    void corruptModelIsOneLineWithoutStackTrace(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.tflite");
        Files.write(bad, "definitely not a flatbuffer".getBytes());
        CliRun run = CliRun.of("inspect", bad.toString());
        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("bad.tflite") && run.err().contains("TFL3"), run.err());
        assertFalse(run.err().contains("\tat "));
    }

    @Test
    void debugAddsTheStackTrace(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.tflite");
        Files.write(bad, new byte[3]);
        CliRun run = CliRun.of("inspect", bad.toString(), "--debug");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("\tat "), run.err());
    }

    @Test
    void badUsageExitsTwo() {
        assertEquals(2, CliRun.of("inspect").exitCode());
        assertEquals(2, CliRun.of("no-such-command").exitCode());
    }
}
