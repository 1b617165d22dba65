package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.OperatorCode;
import dev.littlebrain.tflite.SharedFolder;
import dev.littlebrain.tflite.TensorType;
import dev.littlebrain.tflite.TfliteReader;
import dev.littlebrain.tflite.TfliteWriter;
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

    /** Issue 18: a model the format cannot take left an empty output folder behind. */
    @Test
    void anUnsupportedModelLeavesNothingBehind(@TempDir Path tmp) throws Exception {
        Model tanh = TfliteReader.read(SharedFolder.require("conformance").resolve("misc_tanh_int8/model.tflite"));
        Model unsupported = new Model(tanh.version(), List.of(OperatorCode.builtin(BuiltinOperator.HARD_SWISH)),
                tanh.subgraphs(), tanh.description(), tanh.buffers(), tanh.metadata(), tanh.signatureDefs());
        Path model = tmp.resolve("hard_swish.tflite");
        TfliteWriter.write(unsupported, model);
        for (String format : new String[] {"arduino", "tflm-cpp", "c-standalone"}) {
            Path out = tmp.resolve("out-" + format);
            CliRun d = CliRun.of("deploy", model.toString(), "--format", format, "--out", out.toString());
            assertEquals(1, d.exitCode(), format + ": " + d.out());
            assertTrue(d.err().contains("HARD_SWISH"), d.err());
            assertTrue(Files.notExists(out), format);
        }
        try (var files = Files.list(tmp)) {
            assertEquals(List.of("hard_swish.tflite"), files.map(p -> p.getFileName().toString()).toList());
        }
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
