package dev.littlebrain.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.littlebrain.deploy.device.CortexM4Emulator;
import dev.littlebrain.deploy.device.DeviceBenchmark;
import dev.littlebrain.deploy.device.DspUpdateOnCortexM4;
import dev.littlebrain.deploy.device.ModelOnCortexM4;
import dev.littlebrain.deploy.device.TflmBaselines;
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
import picocli.CommandLine.Spec;

/**
 * {@code littlebrain bench device}: every int8 conformance model and MLPerf Tiny model of {@code shared/} built
 * as standalone C for an emulated Cortex-M4F (QEMU {@code mps2-an386}), with flash, RAM and instructions per
 * inference next to TFLM + CMSIS-NN, and the kws template's MFCC update. The work is {@link DeviceBenchmark}'s;
 * this class finds the folder and renders the report.
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
        Optional<String> missing = CortexM4Emulator.missingTools();
        if (missing.isPresent()) {
            err.println("error: bench device: " + missing.get());
            err.flush();
            return 1;
        }
        Path root = shared != null ? shared : findShared().orElseThrow(() -> new IllegalArgumentException(
                "no --shared given and no shared/ folder with conformance/ found here, in .. or in ../.."));
        if (!Files.isDirectory(root.resolve(DeviceBenchmark.CONFORMANCE))
                && !Files.isDirectory(root.resolve(DeviceBenchmark.MLPERF_TINY))) {
            throw new IllegalArgumentException(root + ": neither " + DeviceBenchmark.CONFORMANCE + "/ nor "
                    + DeviceBenchmark.MLPERF_TINY + "/ in it");
        }
        List<Path> cases = DeviceBenchmark.cases(root);
        if (!models.isEmpty()) {
            List<Path> chosen = new ArrayList<>();
            for (String name : models) {
                chosen.add(cases.stream().filter(c -> c.getFileName().toString().equals(name)).findFirst()
                        .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "--model " + name
                                + ": no such device case in " + root + " (int8 conformance or MLPerf Tiny)")));
            }
            cases = chosen;
        }
        TflmBaselines baselines = TflmBaselines.read(root.resolve(DeviceBenchmark.MLPERF_TINY).resolve("README.md"));
        DeviceBenchmark.Report report = DeviceBenchmark.run(cases, baselines, models.isEmpty(), line -> {
            err.println(line);
            err.flush();
        });
        if (json) {
            printJson(report, out);
        } else {
            printText(report, out);
        }
        out.flush();
        List<String> wrong = report.models().stream().filter(r -> !r.measurement().matchesGolden())
                .map(r -> r.measurement().model()).toList();
        if (!wrong.isEmpty()) {
            err.println("error: outputs on the device differ from the golden files: " + String.join(", ", wrong));
            err.flush();
            return 1;
        }
        return 0;
    }

    private static void printText(DeviceBenchmark.Report report, PrintWriter out) {
        out.printf("%-26s %10s %9s %14s  %s%n", "model", "flash B", "RAM B", "instructions",
                "vs TFLM+CMSIS-NN: instructions / flash / RAM");
        for (DeviceBenchmark.ModelResult r : report.models()) {
            ModelOnCortexM4.Measurement m = r.measurement();
            String ratios = r.cmsisNnRatios().map(q -> String.format(Locale.ROOT, "%.2fx / %.2fx / %.2fx", q[0], q[1],
                    q[2])).orElse("-");
            out.printf(Locale.ROOT, "%-26s %,10d %,9d %,14d  %s%s%n", m.model(), m.flashBytes(), m.ramBytes(),
                    m.instructions(), ratios, m.matchesGolden() ? "" : "  OUTPUTS DIFFER FROM GOLDEN");
        }
        for (DeviceBenchmark.Skipped s : report.skipped()) {
            out.printf("%-26s skipped: %s%n", s.model(), s.reason());
        }
        report.dsp().ifPresent(d -> out.printf(Locale.ROOT,
                "kws template MFCC: %,d instructions per 250 ms update, DSP state %,d B%n",
                d.instructionsPerUpdate(), d.stateBytes()));
        out.println("Cortex-M4F under QEMU mps2-an386 (-icount shift=0), arm-none-eabi-gcc -O2; RAM = data + bss +"
                + " stack high-water; instructions per inference, mean over the case's examples.");
    }

    private static void printJson(DeviceBenchmark.Report report, PrintWriter out) throws IOException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (DeviceBenchmark.ModelResult r : report.models()) {
            ModelOnCortexM4.Measurement m = r.measurement();
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("model", m.model());
            o.put("flash_bytes", m.flashBytes());
            o.put("ram_bytes", m.ramBytes());
            o.put("instructions", m.instructions());
            o.put("stack_bytes", m.stackBytes());
            o.put("examples", m.examples());
            o.put("matches_golden", m.matchesGolden());
            r.baseline().ifPresent(b -> {
                o.put("tflm_cmsis_nn", figures(b.cmsisNn()));
                o.put("tflm_reference", figures(b.reference()));
                double[] q = r.cmsisNnRatios().orElseThrow();
                o.put("instructions_ratio_cmsis_nn", round(q[0]));
                o.put("flash_ratio_cmsis_nn", round(q[1]));
                o.put("ram_ratio_cmsis_nn", round(q[2]));
            });
            list.add(o);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("models", list);
        all.put("skipped", report.skipped().stream().map(s -> Map.of("model", s.model(), "reason", s.reason())).toList());
        Optional<DspUpdateOnCortexM4.Measurement> dsp = report.dsp();
        if (dsp.isPresent()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("block", "kws template " + dsp.get().block());
            d.put("instructions_per_update", dsp.get().instructionsPerUpdate());
            d.put("update_ms", DspUpdateOnCortexM4.SLICE * 1000 / DspUpdateOnCortexM4.RATE);
            d.put("state_bytes", dsp.get().stateBytes());
            all.put("dsp_update", d);
        }
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all));
    }

    private static Map<String, Object> figures(TflmBaselines.Figures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("flash_bytes", f.flashBytes());
        m.put("ram_bytes", f.ramBytes());
        m.put("instructions", f.instructions());
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static Optional<Path> findShared() {
        for (String base : new String[] {"shared", "../shared", "../../shared"}) {
            Path d = Path.of(base);
            if (Files.isDirectory(d.resolve(DeviceBenchmark.CONFORMANCE))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
