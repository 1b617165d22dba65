package dev.littlebrain.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.tflite.ConformanceCases;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Quantization;
import dev.littlebrain.tflite.Subgraph;
import dev.littlebrain.tflite.TfliteReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model-only export's {@code lb_model.h} tells a caller the I/O quantization and the labels: compiled with gcc
 * {@code -Werror} in a program that prints them, for every back end that writes the header, and compared with the
 * model's own tensors.
 */
@Tag("toolchain")
class ModelIoDefinesTest {

    private static final String PRINTER = """
            #include <stdio.h>
            #include "lb_model.h"

            #ifdef LB_MODEL_LABELS
            static const char *const labels[] = LB_MODEL_LABELS;
            #endif

            int main(void)
            {
            #if LB_MODEL_INPUT_IS_FLOAT32
                printf("input float32\\n");
            #else
                printf("input %.9g %d\\n", (double) LB_MODEL_INPUT_SCALE, (int) LB_MODEL_INPUT_ZERO_POINT);
            #endif
            #if LB_MODEL_OUTPUT_IS_FLOAT32
                printf("output float32\\n");
            #else
                printf("output %.9g %d\\n", (double) LB_MODEL_OUTPUT_SCALE, (int) LB_MODEL_OUTPUT_ZERO_POINT);
            #endif
            #ifdef LB_MODEL_LABELS
                for (int i = 0; i < LB_MODEL_LABEL_COUNT; i++) {
                    printf("label %s\\n", labels[i]);
                }
            #endif
                return 0;
            }
            """;

    /** The back ends whose export holds an lb_model.h, each as a function from labels to that header's text. */
    private static Map<String, Function<List<String>, String>> headers(Model model) {
        return Map.of(
                "c-standalone", l -> StandaloneCGenerator.generate(model, "m.tflite", l)
                        .get(StandaloneCGenerator.MODEL_HEADER),
                "tflm-cpp", l -> TflmLibraryExport.librarySources(model, "m.tflite", l, false)
                        .get(TflmLibraryExport.MODEL_HEADER),
                "arduino", l -> ArduinoLibraryExport.files(model, "m.tflite", l, "Lib", Map.of())
                        .get("Lib/src/" + TflmLibraryExport.MODEL_HEADER));
    }

    @Test
    void int8ModelsHeaderCarriesScalesZeroPointsAndLabels(@TempDir Path dir) throws Exception {
        HostCompiler.requireAvailable("gcc");
        Model model = conformanceModel("dense_gesture_int8");
        Subgraph g = model.mainSubgraph();
        int scores = (int) g.tensor(g.outputs().get(0)).elementCount();
        List<String> labels = new ArrayList<>();
        labels.add("say \"hi\" \\ caf\u00e9??=");
        for (int i = 1; i < scores; i++) {
            labels.add("label_" + i);
        }
        Quantization in = g.tensor(g.inputs().get(0)).quantization();
        Quantization out = g.tensor(g.outputs().get(0)).quantization();
        List<String> expected = new ArrayList<>();
        expected.add("input " + in.scale0() + " " + in.zeroPoint0());
        expected.add("output " + out.scale0() + " " + out.zeroPoint0());
        labels.forEach(l -> expected.add("label " + l));
        for (Map.Entry<String, Function<List<String>, String>> h : headers(model).entrySet()) {
            List<String> printed = compileAndRun(dir.resolve(h.getKey()), h.getValue().apply(labels));
            assertEquals(expected, parseFloats(printed), h.getKey());
        }
    }

    @Test
    void floatIoIsSaidAndNoLabelsMeansNoLabelMacros(@TempDir Path dir) throws Exception {
        HostCompiler.requireAvailable("gcc");
        Model model = conformanceModel("conv1d_kws_int8_float_io");
        for (Map.Entry<String, Function<List<String>, String>> h : headers(model).entrySet()) {
            String header = h.getValue().apply(List.of());
            assertTrue(!header.contains("LB_MODEL_LABELS"), h.getKey());
            assertEquals(List.of("input float32", "output float32"), compileAndRun(dir.resolve(h.getKey()), header),
                    h.getKey());
        }
    }

    @Test
    void labelsThatDoNotMatchTheOutputAreRefusedInOneLine() throws Exception {
        Model model = conformanceModel("dense_gesture_int8");
        Subgraph g = model.mainSubgraph();
        long scores = g.tensor(g.outputs().get(0)).elementCount();
        for (Function<List<String>, String> header : headers(model).values()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> header.apply(List.of("only", "two")));
            assertEquals("2 labels given, but the model's output holds " + scores + " scores", e.getMessage());
        }
    }

    /** Scales print with %.9g; read back as floats they must be the model's exact values. */
    private static List<String> parseFloats(List<String> lines) {
        List<String> parsed = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            if ((f[0].equals("input") || f[0].equals("output")) && f.length == 3) {
                parsed.add(f[0] + " " + Float.parseFloat(f[1]) + " " + f[2]);
            } else {
                parsed.add(line);
            }
        }
        return parsed;
    }

    private static List<String> compileAndRun(Path dir, String header) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("lb_model.h"), header);
        Files.writeString(dir.resolve("print.c"), PRINTER);
        HostCompiler.compile(dir, List.of("gcc", "-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic",
                "-o", "print", "print.c"));
        HostCompiler.Result r = HostCompiler.run(List.of(dir.resolve("print").toString()), dir);
        assertEquals(0, r.exitCode(), r.stderr());
        return new String(r.stdout(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }

    private static Model conformanceModel(String name) throws IOException {
        Path dir = ConformanceCases.stream().filter(p -> p.getFileName().toString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("conformance case " + name + " is missing"));
        return TfliteReader.read(dir.resolve("model.tflite"));
    }
}
