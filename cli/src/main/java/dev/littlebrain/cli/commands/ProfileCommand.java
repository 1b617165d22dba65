package dev.littlebrain.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.Int8ModelCheck;
import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.deploy.profile.ArmFootprint;
import dev.littlebrain.deploy.profile.Board;
import dev.littlebrain.deploy.profile.Boards;
import dev.littlebrain.deploy.ImpulseCExport;
import dev.littlebrain.deploy.profile.DeviceEstimate;
import dev.littlebrain.deploy.profile.FrontEndEstimate;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.runtime.stream.ContinuousConfig;
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
import java.util.Optional;
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
            description = "Continuous-mode deadline: one inference per slice, e.g. 250 (default: an audio project's"
                    + " window over its continuous.slices, else none).")
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
        ImpulseProject impulse = null;
        if (modelFile == null) {
            ImpulseProject p = ImpulseProject.require(project);
            impulse = p;
            known = p.config().allBoards();
            file = p.layout().int8Model();
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + " is missing; run 'littlebrain train' first");
            }
            boolean audio = "audio".equals(p.config().input().type());
            // The window the application buffers: int16 audio samples, or float32 sensor values per axis.
            int bytes = p.windowSamples() * (audio ? 2 : 4 * p.config().input().axes().size());
            window = windowBytes == null ? bytes : windowBytes;
            slice = sliceMs != null ? sliceMs
                    : audio ? p.config().input().windowMs() / (double) p.config().continuous().slices() : 0;
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
        if (impulse != null) {
            Int8ModelCheck.require(file, model);
        }
        // What 'run' refuses, profile refuses with the same words: preparing every kernel is the one test of support.
        new dev.littlebrain.runtime.Interpreter(model);
        Optional<FrontEnd> frontEnd = impulse == null ? Optional.empty() : frontEnd(impulse, model, slice);
        Optional<ArmFootprint> arm = estimateOnly ? Optional.empty() : ArmFootprint.of(model);
        Optional<ArmFootprint> armImpulse = estimateOnly || frontEnd.isEmpty() ? Optional.empty()
                : ArmFootprint.ofImpulse(model, frontEnd.get().files());
        if (arm.isPresent() && boards.stream().anyMatch(ArmFootprint::canMeasure)) {
            spec.commandLine().getErr().println("measuring flash and RAM with arm-none-eabi-gcc (one build per core)...");
            spec.commandLine().getErr().flush();
        }
        List<DeviceEstimate> estimates = new ArrayList<>();
        for (Board b : boards) {
            Optional<ArmFootprint.Footprint> measured = arm.isPresent() ? arm.get().on(b) : Optional.empty();
            Optional<FrontEndEstimate> dsp = frontEnd.map(FrontEnd::estimate);
            if (dsp.isPresent() && measured.isPresent() && armImpulse.isPresent()) {
                // The front end's share: the whole impulse's build less the model's.
                ArmFootprint.Footprint whole = armImpulse.get().on(b).orElseThrow();
                dsp = Optional.of(dsp.get().withMeasured(whole.ramBytes() - measured.get().ramBytes(),
                        whole.flashBytes() - measured.get().flashBytes()));
            }
            estimates.add(DeviceEstimate.of(model, b, window, slice, measured, dsp));
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
                if (e.hasFrontEnd()) {
                    m.put("dsp_instructions_per_update", e.dspInstructions());
                    m.put("dsp_ms_per_update", e.dspMs());
                    m.put("dsp_ram_bytes", e.dspRamBytes());
                    m.put("dsp_flash_bytes", e.dspFlashBytes());
                }
                m.put("slice_ms", e.sliceMs());
                m.put("meets_deadline", e.meetsDeadline());
                m.put("footprint", e.measured() ? "measured (arm-none-eabi-gcc -O2)" : "estimated");
                list.add(m);
            }
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(
                    target == null ? list : list.get(0)));
        } else {
            boolean dsp = estimates.stream().anyMatch(DeviceEstimate::hasFrontEnd);
            if (dsp) {
                out.printf("%-15s %-11s %9s %9s %10s %8s %9s %9s  %s%n", "board", "core", "RAM", "flash", "NN instr.",
                        "NN ms", "DSP ms", "of slice", "verdict");
            } else {
                out.printf("%-15s %-11s %9s %9s %10s %10s  %s%n", "board", "core", "RAM", "flash", "instr.",
                        "ms/infer", "verdict");
            }
            boolean anyMeasured = estimates.stream().anyMatch(DeviceEstimate::measured);
            for (DeviceEstimate e : estimates) {
                String verdict = (e.fitsRam() ? "" : "RAM too small; ") + (e.fitsFlash() ? "" : "flash too small; ")
                        + (e.meetsDeadline() ? "" : "misses the " + e.sliceMs() + " ms slice; ");
                verdict = verdict.isEmpty() ? "fits" : verdict.substring(0, verdict.length() - 2);
                String mark = e.measured() ? "*" : " ";
                if (dsp) {
                    String share = e.sliceMs() > 0
                            ? String.format(Locale.ROOT, "%.0f %%", 100 * (e.dspMs() + e.inferenceMs()) / e.sliceMs())
                            : "-";
                    out.printf(Locale.ROOT, "%-15s %-11s %,8d%s %,8d%s %,10d %8.2f %9.2f %9s  %s%n", e.board().id(),
                            e.board().core(), e.ramBytes(), mark, e.flashBytes(), mark, e.instructions(),
                            e.inferenceMs(), e.dspMs(), share, verdict);
                } else {
                    out.printf(Locale.ROOT, "%-15s %-11s %,8d%s %,8d%s %,10d %10.2f  %s%n", e.board().id(),
                            e.board().core(), e.ramBytes(), mark, e.flashBytes(), mark, e.instructions(),
                            e.inferenceMs(), verdict);
                }
            }
            if (dsp) {
                DeviceEstimate first = estimates.get(0);
                out.printf(Locale.ROOT, "Impulse in continuous mode: one DSP update (%,d instructions) and one inference"
                        + " per %.0f ms slice. RAM = tensor arena + DSP (window ring, rows, features: %,d B) + 1 KiB"
                        + " stack; flash = weights + kernel code + DSP code and tables.%n", first.dspInstructions(),
                        first.sliceMs(), first.dspRamBytes());
                out.println("Times from instruction models calibrated on an emulated Cortex-M4 (see deploy/profile),"
                        + " scaled by each board's clock and cycles per instruction.");
            } else {
                out.println("RAM = tensor arena + input window + 1 KiB stack; flash = weights + 8 KiB kernel code;"
                        + " time from an instruction model calibrated on an emulated Cortex-M4 (see deploy/profile).");
            }
            if (anyMeasured) {
                out.println("* measured from an arm-none-eabi-gcc -O2 build of the standalone C for the board's core:"
                        + " flash = code + weights + tables, RAM = static data (arena, I/O buffers"
                        + (dsp ? ", DSP state" : "") + ") + " + (dsp ? "" : "window + ") + "stack.");
            }
        }
        out.flush();
        return 0;
    }

    /** The model's labels, or (a model copied in and no labels known) one placeholder per model output. */
    private static List<String> labels(ImpulseProject p, Model model) throws IOException {
        Optional<List<String>> known = p.modelLabels();
        if (known.isPresent()) {
            return known.get();
        }
        long outputs = model.mainSubgraph().outputTensor(0).elementCount();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            labels.add("class" + i);
        }
        return labels;
    }

    /** An audio impulse's exported front end: its estimate and its C files (for a measured build). */
    private record FrontEnd(FrontEndEstimate estimate, Map<String, String> files) {
    }

    /**
     * The project's DSP and classifier wrapper as {@code deploy --project} exports them, for a slice of
     * {@code sliceMs}; empty for an impulse whose DSP has no C form (sensor blocks) or without a slice.
     */
    private static Optional<FrontEnd> frontEnd(ImpulseProject p, Model model, double sliceMs) throws IOException {
        if (!"audio".equals(p.config().input().type()) || sliceMs <= 0) {
            return Optional.empty();
        }
        DspBlock block = p.block();
        int rate = (int) Math.round(p.config().input().frequencyHz());
        int windowSamples = p.windowSamples();
        int sliceSamples = (int) Math.round(rate * sliceMs / 1000);
        if (sliceSamples <= 0 || sliceSamples > windowSamples) {
            return Optional.empty();
        }
        Optional<FrontEndEstimate> estimate = FrontEndEstimate.of(block, windowSamples, sliceSamples);
        if (estimate.isEmpty()) {
            return Optional.empty();
        }
        // The wrapper's settings do not change its size or speed; the keyword-spotting defaults with this slice.
        ImpulseConfig.Continuous defaults = ImpulseConfig.Continuous.DEFAULTS;
        ContinuousConfig config = new ContinuousConfig(rate, sliceSamples, defaults.average(),
                (float) defaults.threshold(), defaults.suppressionMs(), labels(p, model), ContinuousConfig.SILENT_LABELS);
        return Optional.of(new FrontEnd(estimate.get(), ImpulseCExport.frontEnd(model, ProjectLayout.INT8_MODEL,
                block, windowSamples, config, p.layout().config().toString())));
    }
}
