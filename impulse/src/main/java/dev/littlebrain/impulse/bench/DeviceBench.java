package dev.littlebrain.impulse.bench;

import dev.littlebrain.deploy.device.CortexM4Emulator;
import dev.littlebrain.deploy.device.DeviceBenchmark;
import dev.littlebrain.deploy.device.DspUpdateOnCortexM4;
import dev.littlebrain.deploy.device.ModelOnCortexM4;
import dev.littlebrain.deploy.device.TflmBaselines;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.SharedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The device benchmark as a service: the int8 conformance and MLPerf Tiny models of a shared folder built as
 * standalone C for the emulated Cortex-M4F (QEMU {@code mps2-an386}), with TFLM + CMSIS-NN's figures where the
 * MLPerf Tiny README gives them, and the kws template's MFCC update ({@link DeviceBenchmark} does the work).
 */
public final class DeviceBench {
    private DeviceBench() {
    }

    /** What is missing to build and run on the emulated device (arm-none-eabi-gcc, QEMU), if anything. */
    public static Optional<String> missingTools() {
        return CortexM4Emulator.missingTools();
    }

    /** The nearest {@link SharedFolder shared folder} at or above {@code base} with conformance/. */
    public static Optional<Path> findShared(Path base) {
        return SharedFolder.find(base, DeviceBenchmark.CONFORMANCE).map(Path::getParent);
    }

    /**
     * Measures the cases of {@code shared} named in {@code models} (all of them, and the DSP update, when empty);
     * each case is a stage of {@code progress}, named as a line a person reads.
     *
     * @throws UnknownCaseException when a name in {@code models} is no device case of {@code shared}
     */
    public static DeviceBenchReport run(Path shared, List<String> models, Progress progress) throws IOException {
        if (!Files.isDirectory(shared.resolve(DeviceBenchmark.CONFORMANCE))
                && !Files.isDirectory(shared.resolve(DeviceBenchmark.MLPERF_TINY))) {
            throw new IllegalArgumentException(shared + ": neither " + DeviceBenchmark.CONFORMANCE + "/ nor "
                    + DeviceBenchmark.MLPERF_TINY + "/ in it");
        }
        List<Path> cases = DeviceBenchmark.cases(shared);
        if (!models.isEmpty()) {
            List<Path> chosen = new ArrayList<>();
            for (String name : models) {
                chosen.add(cases.stream().filter(c -> c.getFileName().toString().equals(name)).findFirst()
                        .orElseThrow(() -> new UnknownCaseException(name, shared)));
            }
            cases = chosen;
        }
        TflmBaselines baselines = TflmBaselines.read(shared.resolve(DeviceBenchmark.MLPERF_TINY).resolve("README.md"));
        DeviceBenchmark.Report report = DeviceBenchmark.run(cases, baselines, models.isEmpty(), line -> {
            progress.checkCancelled();
            progress.stage(line);
        });
        return new DeviceBenchReport(report.models().stream().map(DeviceBench::model).toList(),
                report.skipped().stream().map(s -> new DeviceBenchReport.Skipped(s.model(), s.reason())).toList(),
                report.dsp().map(d -> new DeviceBenchReport.DspUpdate(d.block(), d.instructionsPerUpdate(),
                        DspUpdateOnCortexM4.SLICE * 1000 / DspUpdateOnCortexM4.RATE, d.stateBytes())));
    }

    private static DeviceBenchReport.Model model(DeviceBenchmark.ModelResult r) {
        ModelOnCortexM4.Measurement m = r.measurement();
        return new DeviceBenchReport.Model(m.model(), m.flashBytes(), m.ramBytes(), m.instructions(), m.stackBytes(),
                m.examples(), m.matchesGolden(), r.baseline().map(b -> new DeviceBenchReport.Tflm(figures(b.reference()),
                        figures(b.cmsisNn()))));
    }

    private static DeviceBenchReport.Figures figures(TflmBaselines.Figures f) {
        return new DeviceBenchReport.Figures(f.flashBytes(), f.ramBytes(), f.instructions());
    }
}
