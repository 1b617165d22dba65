package dev.littlebrain.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.littlebrain.cli.impulse.ImpulseProject;
import dev.littlebrain.deploy.profile.ArmFootprint;
import dev.littlebrain.deploy.profile.Board;
import dev.littlebrain.deploy.profile.Boards;
import dev.littlebrain.deploy.profile.DeviceEstimate;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TfliteReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code littlebrain profile [MODEL.tflite] [--target BOARD] [--json]}: RAM, flash and latency per board. Inside a
 * project (no MODEL) it profiles the project's int8 model with its input window and, for audio, the
 * continuous-mode deadline, on the built-in boards and the project's own ({@code boards:} in impulse.yaml).
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Estimate RAM, flash and inference time of a model (as LittleBrain's standalone C) per board;"
                + " without MODEL, the current project's int8 model, window and boards.")
public final class ProfileCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL.tflite")
    Path modelFile;

    @Option(names = "--project", paramLabel = "DIR", description = "Project folder (default: the current directory).")
    Path project;

    @Option(names = "--target", paramLabel = "BOARD",
            description = "Board id (default: all): nano33ble, nucleo-l476rg, edgebadge, teensy40, pico, esp32, or one"
                    + " of the project's boards.")
    String target;

    @Option(names = "--window-bytes", paramLabel = "BYTES",
            description = "Input buffer the application keeps, e.g. 32000 for 1 s of 16 kHz int16 audio (default: the"
                    + " project's window, else 0).")
    Integer windowBytes;

    @Option(names = "--slice-ms", paramLabel = "MS",
            description = "Continuous-mode deadline: one inference per slice, e.g. 250 (default: a quarter of an audio"
                    + " project's window, else none).")
    Double sliceMs;

    @Option(names = "--estimate-only", description = "Use the flash and RAM tables even when arm-none-eabi-gcc is"
            + " installed (by default Cortex-M boards are measured from a real build).")
    boolean estimateOnly;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<Board> known = Boards.builtIn();
        Path file = modelFile;
        int window = windowBytes == null ? 0 : windowBytes;
        double slice = sliceMs == null ? 0 : sliceMs;
        if (modelFile == null) {
            ImpulseProject p = ImpulseProject.require(project);
            known = p.config().allBoards();
            file = p.models().resolve("model_int8.tflite");
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + " is missing; run 'littlebrain train' first");
            }
            boolean audio = "audio".equals(p.config().input().type());
            // The window the application buffers: int16 audio samples, or float32 sensor values per axis.
            int bytes = p.windowSamples() * (audio ? 2 : 4 * p.config().input().axes().size());
            window = windowBytes == null ? bytes : windowBytes;
            slice = sliceMs != null ? sliceMs : audio ? p.config().input().windowMs() / 4.0 : 0;
        }
        List<Board> choices = known;
        List<Board> boards;
        if (target == null) {
            boards = choices;
        } else {
            boards = List.of(choices.stream().filter(b -> b.id().equalsIgnoreCase(target)).findFirst()
                    .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "unknown board '"
                            + target + "'; choose one of " + String.join(", ", choices.stream().map(Board::id).toList()))));
        }
        Model model = TfliteReader.read(file);
        java.util.Optional<ArmFootprint> arm = estimateOnly ? java.util.Optional.empty() : ArmFootprint.of(model);
        if (arm.isPresent() && boards.stream().anyMatch(ArmFootprint::canMeasure)) {
            spec.commandLine().getErr().println("measuring flash and RAM with arm-none-eabi-gcc (one build per core)...");
            spec.commandLine().getErr().flush();
        }
        List<DeviceEstimate> estimates = new ArrayList<>();
        for (Board b : boards) {
            java.util.Optional<ArmFootprint.Footprint> measured = arm.isPresent() ? arm.get().on(b)
                    : java.util.Optional.empty();
            estimates.add(DeviceEstimate.of(model, b, window, slice, measured));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (DeviceEstimate e : estimates) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("board", e.board().id());
                m.put("ram_bytes", e.ramBytes());
                m.put("arena_bytes", e.arenaBytes());
                m.put("flash_bytes", e.flashBytes());
                m.put("weights_bytes", e.weightsBytes());
                m.put("instructions", e.instructions());
                m.put("inference_ms", e.inferenceMs());
                m.put("fits_ram", e.fitsRam());
                m.put("fits_flash", e.fitsFlash());
                m.put("meets_deadline", e.meetsDeadline());
                m.put("footprint", e.measured() ? "measured (arm-none-eabi-gcc -O2)" : "estimated");
                list.add(m);
            }
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(
                    target == null ? list : list.get(0)));
        } else {
            out.printf("%-15s %-11s %9s %9s %10s %10s  %s%n", "board", "core", "RAM", "flash", "instr.", "ms/infer",
                    "verdict");
            boolean anyMeasured = estimates.stream().anyMatch(DeviceEstimate::measured);
            for (DeviceEstimate e : estimates) {
                String verdict = (e.fitsRam() ? "" : "RAM too small; ") + (e.fitsFlash() ? "" : "flash too small; ")
                        + (e.meetsDeadline() ? "" : "misses the " + e.sliceMs() + " ms slice; ");
                out.printf(Locale.ROOT, "%-15s %-11s %,8d%s %,8d%s %,10d %10.2f  %s%n", e.board().id(),
                        e.board().core(), e.ramBytes(), e.measured() ? "*" : " ", e.flashBytes(),
                        e.measured() ? "*" : " ", e.instructions(), e.inferenceMs(),
                        verdict.isEmpty() ? "fits" : verdict.substring(0, verdict.length() - 2));
            }
            out.println("RAM = tensor arena + input window + 1 KiB stack; flash = weights + 8 KiB kernel code;"
                    + " time from an instruction model calibrated on an emulated Cortex-M4 (see deploy/profile).");
            if (anyMeasured) {
                out.println("* measured from an arm-none-eabi-gcc -O2 build of the standalone C for the board's core:"
                        + " flash = code + weights + tables, RAM = static data (arena, I/O buffers) + window + stack.");
            }
        }
        out.flush();
        return 0;
    }
}
