package dev.littlebrain.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.deploy.tflm.TflmArenaEstimate;
import dev.littlebrain.deploy.tflm.TflmTarget;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.ConformanceCases;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Operator;
import dev.littlebrain.tflite.TfliteReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code tflm-cpp} library for every int8 conformance model, built with g++ {@code -std=c++17 -Wall
 * -Wextra -Werror} against the TFLM stand-in in {@code src/test/resources/.../tflm-standin} (see its
 * README: TFLM's API, computed by the standalone C): it registers exactly the model's operators, moves
 * the bytes in and out correctly (outputs equal TFLM's golden files), and reports a too-small arena.
 */
@Execution(ExecutionMode.CONCURRENT)
class TflmLibraryExportTest {

    static Stream<Path> int8Cases() {
        return StandaloneCGeneratorTest.int8Cases();
    }

    @Tag("toolchain")
    @ParameterizedTest
    @MethodSource("int8Cases")
    void libraryBuildsRegistersTheModelsOpsAndGivesTheGoldenOutputs(Path caseDir, @TempDir Path dir) throws Exception {
        HostCompiler.requireAvailable("g++");
        Model model = TfliteReader.read(caseDir.resolve("model.tflite"));
        Path binary = build(model, caseDir, dir, null);
        for (int k = 0; Files.exists(caseDir.resolve("input_" + k + ".bin")); k++) {
            Path out = dir.resolve("out_" + k + ".bin");
            HostCompiler.Result r = HostCompiler.run(List.of(binary.toString(),
                    caseDir.resolve("input_" + k + ".bin").toString(), out.toString()), dir);
            assertEquals(0, r.exitCode(), r.stderr());
            assertArrayEquals(Files.readAllBytes(caseDir.resolve("output_" + k + ".bin")), Files.readAllBytes(out),
                    caseDir.getFileName() + " example " + k);
            List<String> registered = r.stderr().lines().filter(l -> l.startsWith("registered "))
                    .map(l -> l.substring("registered ".length())).sorted().toList();
            assertEquals(expectedRegistrations(model), registered, caseDir.getFileName().toString());
            assertTrue(r.stderr().contains("arena used: "), r.stderr());
        }
    }

    /** tflm-cpp exports what TFLM runs, not only what LittleBrain's runtime runs. */
    @Test
    void operatorsTflmHasButTheRuntimeLacksAreRegistered() throws IOException {
        Model model = TfliteReader.read(conv1d().resolve("model.tflite"));
        List<dev.littlebrain.tflite.OperatorCode> codes = new ArrayList<>(model.operatorCodes());
        java.util.Map<BuiltinOperator, String> expected = java.util.Map.of(BuiltinOperator.DIV, "AddDiv",
                BuiltinOperator.SQUARED_DIFFERENCE, "AddSquaredDifference", BuiltinOperator.RESIZE_NEAREST_NEIGHBOR,
                "AddResizeNearestNeighbor", BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM, "AddUnidirectionalSequenceLSTM");
        for (var e : expected.entrySet()) {
            assertTrue(dev.littlebrain.runtime.kernels.BuiltinOps.resolver().find(e.getKey()).isEmpty(),
                    e.getKey() + " is one the runtime lacks");
            codes.set(0, dev.littlebrain.tflite.OperatorCode.builtin(e.getKey()));
            Model changed = new Model(model.version(), codes, model.subgraphs(), model.description(), model.buffers(),
                    model.metadata(), model.signatureDefs());
            assertTrue(TflmLibraryExport.registrations(changed).contains(e.getValue()),
                    TflmLibraryExport.registrations(changed).toString());
        }
    }

    @Tag("toolchain")
    @Test
    void aTooSmallArenaIsReportedNotCrashedOn(@TempDir Path dir) throws Exception {
        HostCompiler.requireAvailable("g++");
        Path caseDir = conv1d();
        Model model = TfliteReader.read(caseDir.resolve("model.tflite"));
        Path binary = build(model, caseDir, dir, 64);
        HostCompiler.Result r = HostCompiler.run(List.of(binary.toString(),
                caseDir.resolve("input_0.bin").toString()), dir);
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("lb_invoke failed (-1)"), r.stderr());
    }

    @Tag("toolchain")
    @Test
    void setupFailureIsReportedWithItsCauseOnEveryTryNotAsADuplicateRegistration(@TempDir Path dir) throws Exception {
        HostCompiler.requireAvailable("g++");
        Path caseDir = conv1d();
        Model model = TfliteReader.read(caseDir.resolve("model.tflite"));
        build(model, caseDir, dir, 64);
        Path main = dir.resolve("retry.cpp");
        Files.writeString(main, "#include <stdio.h>\n#include \"lb_model.h\"\n"
                + "static unsigned char in[LB_INPUT_BYTES], out[LB_OUTPUT_BYTES];\n"
                + "int main(void) {\n"
                + "    int first = lb_invoke(in, out);\n"
                + "    int second = lb_invoke(in, out);\n"
                + "    printf(\"%d %d\\n\", first, second);\n"
                + "    return 0;\n}\n");
        compile(dir, List.of("g++", "-std=c++17", "-Wall", "-Wextra", "-Werror", "-I", dir.resolve("lib").toString()),
                "-c", main.toString(), "-o", "retry.o");
        compile(dir, List.of("g++"), "-o", "retry", "lb_tflm.o", "retry.o", "model_data.o", "ref_model.o",
                "ref_kernels.o", "-lm");
        HostCompiler.Result r = HostCompiler.run(List.of(dir.resolve("retry").toString()), dir);
        assertEquals("-1 -1\n", new String(r.stdout(), StandardCharsets.UTF_8), r.stderr());
        // Both tries fail for the real reason; neither re-registers ops nor reuses the failed interpreter.
        assertEquals(2, r.stderr().lines().filter(l -> l.startsWith("Failed to allocate memory")).count(), r.stderr());
        assertFalse(r.stderr().contains("more than once"), r.stderr());
        assertFalse(r.stderr().contains("started before finishing"), r.stderr());
    }

    @Test
    void arenaIsTflmsEstimatedNeedForThePointerWidth() throws Exception {
        for (Path caseDir : int8Cases().toList()) {
            Model model = TfliteReader.read(caseDir.resolve("model.tflite"));
            String header = new String(generatedHeader(model), StandardCharsets.UTF_8);
            int arena32 = define(header, "LB_TFLM_ARENA_BYTES_32BIT");
            int arena64 = define(header, "LB_TFLM_ARENA_BYTES_64BIT");
            String name = caseDir.getFileName().toString();
            assertEquals(TflmArenaEstimate.of(model, TflmTarget.CORTEX_M).bytes(), arena32, name);
            assertEquals(TflmArenaEstimate.of(model, TflmTarget.HOST_64).bytes(), arena64, name);
            // TFLM's structures hold pointers: a 64-bit host needs more than the MCU.
            assertTrue(arena64 > arena32, name + ": " + arena64 + " <= " + arena32);
            // Its activations alone need TFLM's greedy plan.
            assertTrue(arena32 >= new Interpreter(model).greedyArenaBytes(), name);
            assertFalse(header.contains("trim LB_TFLM_ARENA_BYTES"), "no advice to trim the arena to the used bytes");
        }
    }

    @Test
    void exportCarriesBuildNotesWithTheFlagsTflmNeeds(@TempDir Path dir) throws Exception {
        Model model = TfliteReader.read(conv1d().resolve("model.tflite"));
        TflmLibraryExport.write(model, "kws.tflite", dir);
        String notes = Files.readString(dir.resolve(TflmLibraryExport.BUILD_NOTES));
        for (String flag : List.of("-DTF_LITE_STATIC_MEMORY", "-isystem", "-fno-threadsafe-statics", "--format tflm-cpp")) {
            assertTrue(notes.contains(flag), flag + " missing from\n" + notes);
        }
        String header = Files.readString(dir.resolve(TflmLibraryExport.MODEL_HEADER));
        assertTrue(header.contains("-DTF_LITE_STATIC_MEMORY") && header.contains("-fno-threadsafe-statics"), header);
    }

    private static int define(String header, String name) {
        Matcher m = Pattern.compile("#define " + name + " (\\d+)\n").matcher(header);
        assertTrue(m.find(), name + " missing");
        return Integer.parseInt(m.group(1));
    }

    private static Path conv1d() {
        return ConformanceCases.stream().filter(p -> p.getFileName().toString().equals("conv1d_kws_int8"))
                .findFirst().orElseThrow();
    }

    private static byte[] generatedHeader(Model model) throws IOException {
        Path tmp = Files.createTempDirectory("tflm");
        try {
            TflmLibraryExport.write(model, "m.tflite", tmp);
            return Files.readAllBytes(tmp.resolve(TflmLibraryExport.MODEL_HEADER));
        } finally {
            try (Stream<Path> w = Files.walk(tmp)) {
                for (Path p : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** TFLM's registration name derived here from the operator's schema name: Add + CamelCase. */
    private static List<String> expectedRegistrations(Model model) {
        TreeSet<String> names = new TreeSet<>();
        for (Operator op : model.mainSubgraph().operators()) {
            BuiltinOperator b = model.operatorCode(op).builtin();
            StringBuilder camel = new StringBuilder("Add");
            for (String word : b.name().split("_")) {
                camel.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
            }
            names.add(b == BuiltinOperator.PADV2 ? "AddPadV2" : camel.toString().replace("2d", "2D"));
        }
        return List.copyOf(names);
    }

    /** Generates both libraries and links the example with the TFLM stand-in; returns the binary. */
    private static Path build(Model model, Path caseDir, Path dir, Integer arenaOverride) throws Exception {
        Path lib = dir.resolve("lib");
        Path ref = dir.resolve("ref");
        TflmLibraryExport.write(model, caseDir.getFileName() + "/model.tflite", lib);
        StandaloneCGenerator.write(model, caseDir.getFileName() + "/model.tflite", ref);
        Path standin = standinHeaders();
        Interpreter interpreter = new Interpreter(model);
        int inputBytes = 0;
        for (int i = 0; i < interpreter.inputCount(); i++) {
            inputBytes += interpreter.input(i).byteSize();
        }
        int outputBytes = 0;
        for (int i = 0; i < interpreter.outputCount(); i++) {
            outputBytes += interpreter.output(i).byteSize();
        }
        List<String> defines = new ArrayList<>(List.of("-DSTANDIN_INPUT_BYTES=" + inputBytes,
                "-DSTANDIN_OUTPUT_BYTES=" + outputBytes, "-DSTANDIN_MIN_ARENA=" + TflmArenaEstimate.of(model, TflmTarget.HOST_64).bytes()));
        if (arenaOverride != null) {
            defines.add("-DLB_TFLM_ARENA_BYTES=" + arenaOverride);
        }
        List<String> cxx = new ArrayList<>(List.of("g++", "-std=c++17", "-O2", "-Wall", "-Wextra", "-Werror",
                "-I", standin.toString(), "-I", lib.toString()));
        cxx.addAll(defines);
        compile(dir, cxx, "-c", lib.resolve("lb_tflm.cpp").toString(), "-o", "lb_tflm.o");
        compile(dir, cxx, "-c", lib.resolve("example/main.cpp").toString(), "-o", "main.o");
        List<String> c = List.of("gcc", "-std=c99", "-O2", "-Wall", "-Wextra", "-Werror");
        compile(dir, c, "-c", lib.resolve("model_data.c").toString(), "-o", "model_data.o");
        // The reference model's lb_invoke is renamed so that the library's own lb_invoke is the one called.
        compile(dir, c, "-Dlb_invoke=lb_reference_invoke", "-c", ref.resolve("lb_model.c").toString(), "-o", "ref_model.o");
        compile(dir, c, "-c", ref.resolve("lb_kernels.c").toString(), "-o", "ref_kernels.o");
        compile(dir, List.of("g++"), "-o", "example", "lb_tflm.o", "main.o", "model_data.o", "ref_model.o",
                "ref_kernels.o", "-lm");
        return dir.resolve("example");
    }

    private static void compile(Path dir, List<String> base, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(base);
        cmd.addAll(List.of(args));
        HostCompiler.compile(dir, cmd);
    }

    private static Path standinHeaders() throws URISyntaxException {
        return Path.of(TflmLibraryExportTest.class.getResource("tflm-standin/README.md").toURI()).getParent();
    }
}
