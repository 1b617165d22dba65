package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.tflite.SharedFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ClassifyCommandTest {

    @Test
    void oneWindowJsonHasALabelAndScoresThatSumToOne() throws Exception {
        Path model = SharedFolder.require("conformance").resolve("conv1d_kws_int8/model.tflite");
        Path wav = SharedFolder.require("dsp-reference").resolve("inputs/kw_yes.wav");
        CliRun run = CliRun.of("classify", wav.toString(), "--model", model.toString(), "--labels", "a,b,c,d", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertTrue(json.get("label").isTextual());
        double sum = 0;
        for (JsonNode s : json.get("scores")) {
            sum += s.asDouble();
        }
        assertEquals(1.0, sum, 0.02);
    }

    @Test
    void streamJsonIsAListOfDetections() throws Exception {
        Path model = SharedFolder.require("conformance").resolve("conv1d_kws_int8/model.tflite");
        Path wav = SharedFolder.require("datasets/espeak-kws").resolve("_streams_/stream_01.wav");
        CliRun run = CliRun.of("classify", wav.toString(), "--model", model.toString(), "--labels", "a,b,c,d",
                "--stream", "--threshold", "0.3", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertTrue(json.isArray());
        for (JsonNode d : json) {
            assertTrue(d.has("label") && d.has("time_ms") && d.has("score"), d.toString());
        }
    }

    @Test
    void labelCountMismatchIsAClearError() {
        Path model = SharedFolder.require("conformance").resolve("conv1d_kws_int8/model.tflite");
        Path wav = SharedFolder.require("dsp-reference").resolve("inputs/kw_yes.wav");
        CliRun run = CliRun.of("classify", wav.toString(), "--model", model.toString(), "--labels", "a,b");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("4 outputs"), run.err());
    }
}
