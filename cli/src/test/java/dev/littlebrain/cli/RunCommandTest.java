package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.tflite.SharedFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @Test
    void writesOutputsInTheConformanceLayout(@TempDir Path tmp) throws Exception {
        Path dir = SharedFolder.require("conformance").resolve("dscnn_small_int8");
        CliRun run = CliRun.of("run", dir.resolve("model.tflite").toString(),
                "--input", dir.resolve("input_0.bin").toString(), "--input", dir.resolve("input_1.bin").toString(),
                "--output", tmp.resolve("a.bin").toString(), "--output", tmp.resolve("b.bin").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("output_0.bin")), Files.readAllBytes(tmp.resolve("a.bin")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("output_1.bin")), Files.readAllBytes(tmp.resolve("b.bin")));
    }

    @Test
    void printsDequantizedOutputsAndArgmaxWithoutOutputFiles() {
        Path dir = SharedFolder.require("conformance").resolve("tflm_micro_speech");
        CliRun run = CliRun.of("run", dir.resolve("model.tflite").toString(), "--input",
                dir.resolve("input_0.bin").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("dequantized:"), run.out());
        assertTrue(run.out().contains("arg-max:"), run.out());
    }

    @Test
    void wrongInputSizeIsAClearError(@TempDir Path tmp) throws Exception {
        Path dir = SharedFolder.require("conformance").resolve("tflm_micro_speech");
        Path small = tmp.resolve("small.bin");
        Files.write(small, new byte[10]);
        CliRun run = CliRun.of("run", dir.resolve("model.tflite").toString(), "--input", small.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("small.bin") && run.err().contains("1960 bytes"), run.err());
    }

    @Test
    void outputCountMustMatchInputs(@TempDir Path tmp) {
        Path dir = SharedFolder.require("conformance").resolve("tflm_micro_speech");
        CliRun run = CliRun.of("run", dir.resolve("model.tflite").toString(), "--input",
                dir.resolve("input_0.bin").toString(), "--output", tmp.resolve("a").toString(), "--output",
                tmp.resolve("b").toString());
        assertEquals(2, run.exitCode(), run.err());
    }

    @Test
    void tooSmallArenaNamesTheNeededSize() {
        Path dir = SharedFolder.require("conformance").resolve("tflm_micro_speech");
        CliRun run = CliRun.of("run", dir.resolve("model.tflite").toString(), "--input",
                dir.resolve("input_0.bin").toString(), "--arena", "100");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("too small") && run.err().contains("at least"), run.err());
    }
}
