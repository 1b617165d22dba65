package dev.littlebrain.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.littlebrain.deploy.profile.Board;
import dev.littlebrain.deploy.profile.Boards;
import dev.littlebrain.deploy.profile.DeviceEstimate;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TfliteReader;
import java.io.IOException;
import java.io.PrintWriter;
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

/** {@code littlebrain profile MODEL.tflite [--target BOARD] [--json]}: RAM, flash and latency per board. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Estimate RAM, flash and inference time of a model (as LittleBrain's standalone C) per board.")
public final class ProfileCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL.tflite")
    Path modelFile;

    @Option(names = "--target", paramLabel = "BOARD",
            description = "Board id (default: all): nano33ble, nucleo-l476rg, edgebadge, teensy40, pico, esp32.")
    String target;

    @Option(names = "--window-bytes", defaultValue = "0",
            description = "Input buffer the application keeps, e.g. 32000 for 1 s of 16 kHz int16 audio (default: ${DEFAULT-VALUE}).")
    int windowBytes;

    @Option(names = "--slice-ms", defaultValue = "0",
            description = "Continuous-mode deadline: one inference per slice, e.g. 250 (default: none).")
    double sliceMs;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<Board> boards;
        if (target == null) {
            boards = Boards.builtIn();
        } else {
            boards = List.of(Boards.find(target).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), "unknown board '" + target + "'; choose one of "
                            + String.join(", ", Boards.byId().keySet()))));
        }
        Model model = TfliteReader.read(modelFile);
        List<DeviceEstimate> estimates = new ArrayList<>();
        for (Board b : boards) {
            estimates.add(DeviceEstimate.of(model, b, windowBytes, sliceMs));
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
                list.add(m);
            }
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(
                    target == null ? list : list.get(0)));
        } else {
            out.printf("%-15s %-11s %9s %9s %10s %10s  %s%n", "board", "core", "RAM", "flash", "instr.", "ms/infer",
                    "verdict");
            for (DeviceEstimate e : estimates) {
                String verdict = (e.fitsRam() ? "" : "RAM too small; ") + (e.fitsFlash() ? "" : "flash too small; ")
                        + (e.meetsDeadline() ? "" : "misses the " + e.sliceMs() + " ms slice; ");
                out.printf(Locale.ROOT, "%-15s %-11s %,9d %,9d %,10d %10.2f  %s%n", e.board().id(), e.board().core(),
                        e.ramBytes(), e.flashBytes(), e.instructions(), e.inferenceMs(),
                        verdict.isEmpty() ? "fits" : verdict.substring(0, verdict.length() - 2));
            }
            out.println("RAM = tensor arena + input window + 1 KiB stack; flash = weights + 8 KiB kernel code;"
                    + " time from an instruction model calibrated on an emulated Cortex-M4 (see deploy/profile).");
        }
        out.flush();
        return 0;
    }
}
