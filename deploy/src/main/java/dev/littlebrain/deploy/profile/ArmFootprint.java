package dev.littlebrain.deploy.profile;

import dev.littlebrain.deploy.StandaloneCGenerator;
import dev.littlebrain.tflite.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Flash and static RAM of a model's standalone C measured from a real build: the generated files and a
 * one-call {@code main} cross-compiled with {@code arm-none-eabi-gcc -O2} for the board's core, linked with
 * newlib's {@code nosys} stubs and {@code --gc-sections}, sized with {@code arm-none-eabi-size}; an empty
 * program built the same way is subtracted, so the figures are the model's own: flash = text (code, weights,
 * tables) + initialised data, RAM = data + bss (the tensor arena and the I/O buffers). Cores without an ARM
 * toolchain (Xtensa) are not measured. One build per core, cached. {@link #ofImpulse} builds a whole impulse
 * (DSP, classifier wrapper and model) the same way.
 */
public final class ArmFootprint {
    /** A measured footprint, in bytes. */
    public record Footprint(long flashBytes, long ramBytes) {
    }

    private static final Map<String, List<String>> CORE_FLAGS = Map.of(
            "cortex-m4f", List.of("-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16"),
            "cortex-m7", List.of("-mcpu=cortex-m7", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv5-d16"),
            "cortex-m0+", List.of("-mcpu=cortex-m0plus", "-mthumb", "-mfloat-abi=soft"));
    private static final String MAIN = "#include \"lb_model.h\"\n"
            + "static unsigned char input[LB_INPUT_BYTES];\n"
            + "static unsigned char output[LB_OUTPUT_BYTES];\n"
            + "int main(void) {\n    return lb_invoke(input, output);\n}\n";
    private static final String EMPTY = "int main(void) {\n    return 0;\n}\n";

    /**
     * A whole impulse: one {@code run_classifier_continuous} call, so the DSP's streaming state, the classifier's
     * slice buffer and the model are all linked in, with the application's own buffer of one slice.
     */
    private static final String IMPULSE_MAIN = "#include \"lb_classifier.h\"\n"
            + "static float slice[LB_SLICE_SAMPLES];\n"
            + "int main(void) {\n    lb_result_t result;\n"
            + "    return run_classifier_continuous(slice, LB_SLICE_SAMPLES, &result);\n}\n";

    private final Map<String, String> files;
    private final String main;
    private final List<String> units;
    private final Map<String, Optional<Footprint>> byCore = new HashMap<>();

    private ArmFootprint(Map<String, String> files, String main, List<String> units) {
        this.files = files;
        this.main = main;
        this.units = units;
    }

    /** A measurer for {@code model}'s standalone C, or empty when arm-none-eabi-gcc is not on the PATH. */
    public static Optional<ArmFootprint> of(Model model) {
        return toolchainPresent() ? Optional.of(new ArmFootprint(StandaloneCGenerator.generate(model, "profile"), MAIN,
                List.of("main.c", StandaloneCGenerator.MODEL_SOURCE, StandaloneCGenerator.KERNELS_SOURCE)))
                : Optional.empty();
    }

    /**
     * A measurer for a whole impulse: {@code model}'s standalone C with {@code frontEnd}, the DSP and classifier
     * files of {@link dev.littlebrain.deploy.ImpulseCExport#frontEnd}; or empty without the toolchain.
     */
    public static Optional<ArmFootprint> ofImpulse(Model model, Map<String, String> frontEnd) {
        if (!toolchainPresent()) {
            return Optional.empty();
        }
        Map<String, String> all = new java.util.LinkedHashMap<>(StandaloneCGenerator.generate(model, "profile"));
        all.putAll(frontEnd);
        List<String> units = new ArrayList<>(List.of("main.c", StandaloneCGenerator.MODEL_SOURCE,
                StandaloneCGenerator.KERNELS_SOURCE));
        frontEnd.keySet().stream().filter(f -> f.endsWith(".c")).forEach(units::add);
        return Optional.of(new ArmFootprint(all, IMPULSE_MAIN, units));
    }

    private static boolean toolchainPresent() {
        try {
            return run(List.of("arm-none-eabi-gcc", "--version"), null).exitCode == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the toolchain builds for {@code board}'s core. */
    public static boolean canMeasure(Board board) {
        return CORE_FLAGS.containsKey(board.core().toLowerCase(java.util.Locale.ROOT));
    }

    /** The footprint on {@code board}'s core, or empty for a core this toolchain does not build for. */
    public Optional<Footprint> on(Board board) throws IOException {
        String core = board.core().toLowerCase(java.util.Locale.ROOT);
        if (!byCore.containsKey(core)) {
            byCore.put(core, CORE_FLAGS.containsKey(core) ? Optional.of(build(CORE_FLAGS.get(core)))
                    : Optional.empty());
        }
        return byCore.get(core);
    }

    private Footprint build(List<String> coreFlags) throws IOException {
        Path dir = Files.createTempDirectory("littlebrain-arm");
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue());
            }
            Files.writeString(dir.resolve("main.c"), main);
            Files.writeString(dir.resolve("empty.c"), EMPTY);
            long[] withModel = sizes(dir, coreFlags, "model.elf", units);
            long[] empty = sizes(dir, coreFlags, "empty.elf", List.of("empty.c"));
            long text = withModel[0] - empty[0];
            long data = withModel[1] - empty[1];
            long bss = withModel[2] - empty[2];
            return new Footprint(text + data, data + bss);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** text, data and bss of the linked program. */
    private static long[] sizes(Path dir, List<String> coreFlags, String elf, List<String> sources) throws IOException {
        List<String> cc = new ArrayList<>(List.of("arm-none-eabi-gcc"));
        cc.addAll(coreFlags);
        cc.addAll(List.of("-O2", "-std=c99", "-ffunction-sections", "-fdata-sections", "-Wl,--gc-sections",
                "--specs=nosys.specs", "-o", elf));
        cc.addAll(sources);
        cc.add("-lm");
        Result built = run(cc, dir);
        if (built.exitCode != 0) {
            throw new IOException("arm-none-eabi-gcc failed measuring the model's footprint: " + built.output.strip());
        }
        Result size = run(List.of("arm-none-eabi-size", "-B", elf), dir);
        String[] lines = size.output.strip().split("\n");
        if (size.exitCode != 0 || lines.length < 2) {
            throw new IOException("arm-none-eabi-size failed: " + size.output.strip());
        }
        String[] fields = lines[1].trim().split("\\s+");
        return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2])};
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Path dir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new Result(p.exitValue(), out);
    }
}
