package dev.littlebrain.cli.commands;

import dev.littlebrain.files.Json;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.bench.DeviceBench;
import dev.littlebrain.impulse.bench.DeviceBenchReport;
import dev.littlebrain.impulse.bench.UnknownCaseException;
import dev.littlebrain.impulse.report.DeviceBenchText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code littlebrain bench device}: every int8 conformance model and MLPerf Tiny model of {@code shared/} built
 * as standalone C for an emulated Cortex-M4F (QEMU {@code mps2-an386}), with flash, RAM and instructions per
 * inference next to TFLM + CMSIS-NN, and the kws template's MFCC update. The work is {@link DeviceBench}'s;
 * this class parses the options and renders the report.
 */
@Command(name = "device", mixinStandardHelpOptions = true,
        description = "Build each int8 conformance and MLPerf Tiny model of ../shared for the emulated Cortex-M4F"
                + " (arm-none-eabi-gcc -O2, QEMU mps2-an386) and print flash, RAM (data + bss + stack) and"
                + " instructions per inference, with the ratio to TFLM + CMSIS-NN where"
                + " benchmarks/mlperf-tiny/README.md gives it, and the kws template's MFCC update.")
public final class BenchDeviceCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print JSON: {\"models\": [one object per model], \"dsp_update\": {...}}.")
    boolean json;

    @Option(names = "--shared", paramLabel = "DIR",
            description = "The shared folder with conformance/ and benchmarks/mlperf-tiny/ (default: shared, ../shared"
                    + " or ../../shared).")
    Path shared;

    @Option(names = "--model", paramLabel = "NAME",
            description = "Only this case (repeatable; the folder name, e.g. conv1d_kws_int8); skips the DSP update.")
    List<String> models = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> missing = DeviceBench.missingTools();
        if (missing.isPresent()) {
            err.println("error: bench device: " + missing.get());
            err.flush();
            return 1;
        }
        Path root = shared != null ? shared : DeviceBench.findShared(Path.of("")).orElseThrow(() ->
                new IllegalArgumentException("no --shared given and no shared/ folder with conformance/ found here,"
                        + " in .. or in ../.."));
        DeviceBenchReport report;
        try {
            report = DeviceBench.run(root, models, linesOn(err));
        } catch (UnknownCaseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--model " + e.getMessage());
        }
        if (json) {
            out.println(Json.indented().writeValueAsString(report));
        } else {
            DeviceBenchText.print(report, out);
        }
        out.flush();
        List<String> wrong = report.mismatches();
        if (!wrong.isEmpty()) {
            err.println("error: outputs on the device differ from the golden files: " + String.join(", ", wrong));
            err.flush();
            return 1;
        }
        return 0;
    }

    /** Each case's stage as a line on stderr. */
    private static Progress linesOn(PrintWriter err) {
        return new Progress() {
            @Override
            public void stage(String line) {
                err.println(line);
                err.flush();
            }

            @Override
            public void step(long done, long total) {
            }
        };
    }
}
