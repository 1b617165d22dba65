package dev.littlebrain.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.tflite.ConformanceCases;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every int8 conformance model compiled to C with the host gcc: outputs byte-equal to the runtime and the golden files. */
@Tag("toolchain")
@Execution(ExecutionMode.CONCURRENT)
class StandaloneCGeneratorTest {
    static final String MAIN = """
            #include <stdio.h>
            #include "lb_model.h"

            static unsigned char input[LB_INPUT_BYTES];
            static unsigned char output[LB_OUTPUT_BYTES];

            int main(int argc, char **argv) {
                int i;
                for (i = 1; i < argc; i++) {
                    FILE *f = fopen(argv[i], "rb");
                    if (f == NULL || fread(input, 1, LB_INPUT_BYTES, f) != LB_INPUT_BYTES) {
                        return 2;
                    }
                    fclose(f);
                    if (lb_invoke(input, output) != 0) {
                        return 3;
                    }
                    fwrite(output, 1, LB_OUTPUT_BYTES, stdout);
                }
                return 0;
            }
            """;

    static Stream<Path> int8Cases() {
        return ConformanceCases.stream().filter(p -> p.getFileName().toString().contains("int8")
                || p.getFileName().toString().equals("tflm_micro_speech"));
    }

    @ParameterizedTest
    @MethodSource("int8Cases")
    void compiledModelMatchesRuntimeAndGolden(Path caseDir, @TempDir Path dir) throws Exception {
        HostCompiler.requireAvailable("gcc");
        Model model = TfliteReader.read(caseDir.resolve("model.tflite"));
        StandaloneCGenerator.write(model, caseDir.getFileName() + "/model.tflite", dir);
        Files.writeString(dir.resolve("main.c"), MAIN);
        List<Path> inputs = new ArrayList<>();
        for (int k = 0; Files.exists(caseDir.resolve("input_" + k + ".bin")); k++) {
            inputs.add(caseDir.resolve("input_" + k + ".bin"));
        }
        byte[] expected = expected(model, caseDir, inputs);

        List<String> sources = List.of("main.c", "lb_model.c", "lb_kernels.c");
        List<String> plain = new ArrayList<>(List.of("gcc", "-std=c99", "-O2", "-Wall", "-Wextra", "-Werror",
                "-o", "model"));
        plain.addAll(sources);
        HostCompiler.compile(dir, plain);
        assertArrayEquals(expected, runAll(dir, "model", inputs), caseDir.getFileName() + " (gcc -O2)");

        List<String> sanitized = new ArrayList<>(List.of("gcc", "-std=c99", "-O1", "-g", "-Wall", "-Wextra",
                "-Werror", "-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-o", "model_san"));
        sanitized.addAll(sources);
        HostCompiler.compile(dir, sanitized);
        assertArrayEquals(expected, runAll(dir, "model_san", inputs), caseDir.getFileName() + " (ASan/UBSan)");

        // The packed loops of cores with the DSP extension, on emulated instructions, under the sanitizers.
        List<String> emulated = new ArrayList<>(List.of("gcc", "-std=c99", "-O1", "-g", "-Wall", "-Wextra",
                "-Werror", "-DLB_EMULATE_DSP", "-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-o",
                "model_dsp"));
        emulated.addAll(sources);
        HostCompiler.compile(dir, emulated);
        assertArrayEquals(expected, runAll(dir, "model_dsp", inputs), caseDir.getFileName() + " (emulated DSP)");

        // Random inputs beyond the golden examples (saturation, float edge cases): C against the runtime.
        List<Path> random = randomInputs(model, dir, 16);
        byte[] runtime = runtimeOutputs(model, random);
        assertArrayEquals(runtime, runAll(dir, "model", random), caseDir.getFileName() + " random (gcc -O2)");
        assertArrayEquals(runtime, runAll(dir, "model_san", random), caseDir.getFileName() + " random (ASan/UBSan)");
        assertArrayEquals(runtime, runAll(dir, "model_dsp", random), caseDir.getFileName() + " random (emulated DSP)");
    }

    /** Uniform int8 bytes; float32 inputs mix ordinary values with huge ones, infinities, NaN and signed zeros. */
    static List<Path> randomInputs(Model model, Path dir, int count) throws Exception {
        Interpreter interpreter = new Interpreter(model);
        java.util.Random random = new java.util.Random(42);
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, 1e12f, -1e12f,
                0.5f, -0.5f, 1.5f, -2.5f};
        List<Path> files = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < interpreter.inputCount(); i++) {
                var input = interpreter.input(i);
                if (input.type() == dev.littlebrain.tflite.TensorType.FLOAT32) {
                    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(input.byteSize())
                            .order(java.nio.ByteOrder.LITTLE_ENDIAN);
                    for (int e = 0; e < input.elementCount(); e++) {
                        int pick = random.nextInt(4);
                        b.putFloat(pick == 0 ? special[random.nextInt(special.length)]
                                : (float) (random.nextGaussian() * (pick == 1 ? 0.05 : 3)));
                    }
                    bytes.write(b.array());
                } else {
                    byte[] b = new byte[input.byteSize()];
                    random.nextBytes(b);
                    bytes.write(b);
                }
            }
            Path f = dir.resolve("random_" + k + ".bin");
            Files.write(f, bytes.toByteArray());
            files.add(f);
        }
        return files;
    }

    /**
     * The runtime's outputs with every tensor in memory of its own, so that the C, which writes outputs over
     * inputs where the planner lets it, is checked against a run that shares no bytes.
     */
    static byte[] runtimeOutputs(Model model, List<Path> inputs) throws Exception {
        dev.littlebrain.runtime.memory.MemoryPlanner apart =
                requests -> new dev.littlebrain.runtime.memory.BestOfPlanner().plan(requests);
        Interpreter interpreter = new Interpreter(model,
                dev.littlebrain.runtime.InterpreterOptions.defaults().withPlanner(apart));
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (Path p : inputs) {
            byte[] in = Files.readAllBytes(p);
            int off = 0;
            for (int i = 0; i < interpreter.inputCount(); i++) {
                int n = interpreter.input(i).byteSize();
                interpreter.input(i).copyFrom(java.util.Arrays.copyOfRange(in, off, off + n));
                off += n;
            }
            interpreter.invoke();
            for (int i = 0; i < interpreter.outputCount(); i++) {
                all.write(interpreter.output(i).bytes());
            }
        }
        return all.toByteArray();
    }

    private static byte[] expected(Model model, Path caseDir, List<Path> inputs) throws Exception {
        Interpreter interpreter = new Interpreter(model);
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (int k = 0; k < inputs.size(); k++) {
            byte[] in = Files.readAllBytes(inputs.get(k));
            int off = 0;
            for (int i = 0; i < interpreter.inputCount(); i++) {
                int n = interpreter.input(i).byteSize();
                interpreter.input(i).copyFrom(java.util.Arrays.copyOfRange(in, off, off + n));
                off += n;
            }
            interpreter.invoke();
            java.io.ByteArrayOutputStream one = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < interpreter.outputCount(); i++) {
                one.write(interpreter.output(i).bytes());
            }
            byte[] golden = Files.readAllBytes(caseDir.resolve("output_" + k + ".bin"));
            assertArrayEquals(golden, one.toByteArray(), "runtime vs golden, example " + k);
            all.write(one.toByteArray());
        }
        return all.toByteArray();
    }

    static byte[] runAll(Path dir, String exe, List<Path> inputs) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(dir.resolve(exe).toString());
        for (Path p : inputs) {
            cmd.add(p.toString());
        }
        HostCompiler.Result r = HostCompiler.run(cmd, dir);
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout();
    }
}
