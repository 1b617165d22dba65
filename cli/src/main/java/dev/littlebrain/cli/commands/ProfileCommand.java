package dev.littlebrain.cli.commands;

import dev.littlebrain.files.Json;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.profile.DeviceProfile;
import dev.littlebrain.impulse.profile.ProfileOptions;
import dev.littlebrain.impulse.profile.Profiling;
import dev.littlebrain.impulse.profile.UnknownBoardException;
import dev.littlebrain.impulse.report.ProfileText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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
        ProfileOptions options = ProfileOptions.DEFAULTS.withEstimateOnly(estimateOnly);
        if (target != null) {
            options = options.withTarget(target);
        }
        if (windowBytes != null) {
            options = options.withWindowBytes(windowBytes);
        }
        if (sliceMs != null) {
            options = options.withSliceMs(sliceMs);
        }
        List<DeviceProfile> profiles;
        try {
            profiles = modelFile != null ? Profiling.ofModel(modelFile, options, buildNotice(spec.commandLine().getErr()))
                    : Project.open(project).profile(options, buildNotice(spec.commandLine().getErr()));
        } catch (UnknownBoardException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.indented().writeValueAsString(
                    target == null ? profiles : profiles.get(0)));
        } else {
            ProfileText.print(profiles, out);
        }
        out.flush();
        return 0;
    }

    /** Says on stderr that the builds run; they take seconds and print nothing else. */
    static Progress buildNotice(PrintWriter err) {
        return new Progress() {
            @Override
            public void stage(String name) {
                err.println(name + "...");
                err.flush();
            }

            @Override
            public void step(long done, long total) {
            }
        };
    }
}
