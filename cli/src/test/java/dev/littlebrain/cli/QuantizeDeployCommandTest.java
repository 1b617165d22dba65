package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.tflite.SharedFolder;
import dev.littlebrain.tflite.TensorType;
import dev.littlebrain.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuantizeDeployCommandTest {

    @Test
    void quantizeThenDeployEveryFormat(@TempDir Path tmp) throws Exception {
        Path dir = SharedFolder.require("conformance").resolve("conv1d_kws_float");
        List<String> args = new ArrayList<>(List.of("quantize", dir.resolve("model.tflite").toString()));
        for (int k = 0; k < 8; k++) {
            args.add("--calibrate");
            args.add(dir.resolve("input_" + k + ".bin").toString());
        }
        Path int8 = tmp.resolve("int8.tflite");
        args.addAll(List.of("--out", int8.toString()));
        CliRun q = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, q.exitCode(), q.err());
        Interpreter interpreter = new Interpreter(TfliteReader.read(int8));
        assertEquals(TensorType.INT8, interpreter.input(0).type());
        assertEquals(TensorType.INT8, interpreter.output(0).type());

        for (String format : new String[] {"tflite", "c-array", "c-standalone"}) {
            Path out = tmp.resolve(format);
            CliRun d = CliRun.of("deploy", int8.toString(), "--format", format, "--out", out.toString());
            assertEquals(0, d.exitCode(), d.err());
            try (var files = Files.list(out)) {
                assertTrue(files.count() >= 1);
            }
        }
        assertTrue(Files.exists(tmp.resolve("c-standalone/lb_model.h")));
        assertTrue(Files.readString(tmp.resolve("c-array/model_data.c")).contains("g_model"));
    }

    @Test
    void badFormatAndWrongCalibrationSize(@TempDir Path tmp) throws Exception {
        Path dir = SharedFolder.require("conformance").resolve("conv1d_kws_float");
        CliRun d = CliRun.of("deploy", dir.resolve("model.tflite").toString(), "--format", "zip", "--out",
                tmp.toString());
        assertEquals(2, d.exitCode());
        Path small = tmp.resolve("small.bin");
        Files.write(small, new byte[12]);
        CliRun q = CliRun.of("quantize", dir.resolve("model.tflite").toString(), "--calibrate", small.toString(),
                "--out", tmp.resolve("x.tflite").toString());
        assertEquals(1, q.exitCode());
        assertTrue(q.err().contains("small.bin") && q.err().contains("2600"), q.err());
    }
}
