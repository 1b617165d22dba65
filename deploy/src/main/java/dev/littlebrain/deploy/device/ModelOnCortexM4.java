package dev.littlebrain.deploy.device;

import dev.littlebrain.deploy.StandaloneCGenerator;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TfliteReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One model case ({@code model.tflite}, {@code input_<k>.bin}, {@code output_<k>.bin}) compiled to standalone C
 * ({@code -O2}), run on the emulated Cortex-M4F over every example, and measured.
 */
public final class ModelOnCortexM4 {
    /** The C sources of a standalone-C model, as the harness links them. */
    public static final List<String> SOURCES = List.of(StandaloneCGenerator.MODEL_SOURCE,
            StandaloneCGenerator.KERNELS_SOURCE);

    /**
     * What one model costs on the device and what it computed.
     *
     * @param ramBytes data + bss + stack high-water, as the TFLM baselines count RAM
     * @param instructions instructions per inference, the mean over the examples
     * @param outputs every example's outputs back to back
     * @param matchesGolden whether {@code outputs} equals the case's {@code output_<k>.bin} files byte for byte
     */
    public record Measurement(String model, long flashBytes, long ramBytes, long staticRamBytes, long stackBytes,
            long instructions, long instructionsMin, long instructionsMax, int examples, Map<String, Long> sections,
            byte[] outputs, boolean matchesGolden) {
    }

    private ModelOnCortexM4() {
    }

    /**
     * Generates the model's C into {@code dir} with the harness and the examples' {@code inputs.bin}, runs it and
     * measures it; {@code dir} keeps {@code model.elf} for a second (profiling) build.
     *
     * @throws UnsupportedOperationException when the C generator cannot compile the model (an op it lacks)
     */
    public static Measurement measure(Path caseDir, Path dir) throws IOException {
        String name = caseDir.getFileName().toString();
        Model model = TfliteReader.read(caseDir.resolve("model.tflite"));
        StandaloneCGenerator.write(model, name + "/model.tflite", dir);
        CortexM4Emulator.copyHarness(dir);
        ByteArrayOutputStream inputs = new ByteArrayOutputStream();
        ByteArrayOutputStream golden = new ByteArrayOutputStream();
        int examples = 0;
        for (; Files.exists(caseDir.resolve("input_" + examples + ".bin")); examples++) {
            inputs.write(Files.readAllBytes(caseDir.resolve("input_" + examples + ".bin")));
            Path out = caseDir.resolve("output_" + examples + ".bin");
            if (Files.exists(out)) {
                golden.write(Files.readAllBytes(out));
            }
        }
        if (examples == 0) {
            throw new IOException(caseDir + ": no input_0.bin");
        }
        Files.write(dir.resolve("inputs.bin"), inputs.toByteArray());

        Map<String, Long> stats = CortexM4Emulator.buildAndRun(dir, SOURCES);
        byte[] outputs = Files.readAllBytes(dir.resolve("outputs.bin"));
        if (stats.getOrDefault("examples", 0L) != examples) {
            throw new IOException(name + ": the device ran " + stats.get("examples") + " of " + examples + " examples");
        }
        Map<String, Long> sections = CortexM4Emulator.sections(dir.resolve("model.elf"));
        long staticRam = CortexM4Emulator.staticRamBytes(sections);
        long stack = stats.get("stack_bytes");
        return new Measurement(name, CortexM4Emulator.flashBytes(sections), staticRam + stack, staticRam, stack,
                stats.get("instructions_total") / examples, stats.get("instructions_min"),
                stats.get("instructions_max"), examples, Map.copyOf(sections), outputs,
                Arrays.equals(outputs, golden.toByteArray()));
    }
}
