package dev.littlebrain.deploy.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Issue 19's rerunnable benchmark: the int8 conformance models and the MLPerf Tiny reference models of
 * {@code shared/}, each on the emulated Cortex-M4F, next to TFLM + CMSIS-NN's figures from the MLPerf Tiny README;
 * and the kws template's MFCC update.
 */
public final class DeviceBenchmark {
    /** Where the MLPerf Tiny models and the baseline tables lie, under {@code shared/}. */
    public static final String MLPERF_TINY = "benchmarks/mlperf-tiny";
    public static final String CONFORMANCE = "conformance";

    /** One model: what the device measured and, where the README has the model, TFLM's figures. */
    public record ModelResult(ModelOnCortexM4.Measurement measurement, Optional<TflmBaselines.Baseline> baseline) {
        /** Ours over TFLM + CMSIS-NN's, per instruction / flash / RAM; present with the baseline. */
        public Optional<double[]> cmsisNnRatios() {
            return baseline.map(b -> new double[] {
                    measurement.instructions() / (double) b.cmsisNn().instructions(),
                    measurement.flashBytes() / (double) b.cmsisNn().flashBytes(),
                    measurement.ramBytes() / (double) b.cmsisNn().ramBytes()});
        }
    }

    /** A model the C generator cannot compile, and why. */
    public record Skipped(String model, String reason) {
    }

    public record Report(List<ModelResult> models, List<Skipped> skipped, Optional<DspUpdateOnCortexM4.Measurement> dsp) {
    }

    private DeviceBenchmark() {
    }

    /** Which conformance cases run on the device: the int8 ones, and TFLM's micro_speech example (int8 too). */
    public static boolean isDeviceCase(Path caseDir) {
        String name = caseDir.getFileName().toString();
        return name.contains("int8") || name.equals("tflm_micro_speech");
    }

    /** The case folders of {@code dir} (those with a {@code model.tflite}), sorted; none when it is absent. */
    public static List<Path> caseFolders(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("model.tflite"))).sorted().toList();
        }
    }

    /** The device cases of {@code shared/conformance}, then the MLPerf Tiny models. */
    public static List<Path> cases(Path shared) throws IOException {
        List<Path> cases = new ArrayList<>(caseFolders(shared.resolve(CONFORMANCE)).stream()
                .filter(DeviceBenchmark::isDeviceCase).toList());
        cases.addAll(caseFolders(shared.resolve(MLPERF_TINY)));
        return cases;
    }

    /**
     * Runs every case (and, with {@code dspUpdate}, the kws template's MFCC update) in a temporary folder that is
     * removed afterwards; {@code progress} gets a line before each one.
     */
    public static Report run(List<Path> cases, TflmBaselines baselines, boolean dspUpdate, Consumer<String> progress)
            throws IOException {
        Path work = Files.createTempDirectory("littlebrain-bench-device");
        try {
            List<ModelResult> models = new ArrayList<>();
            List<Skipped> skipped = new ArrayList<>();
            int k = 0;
            for (Path c : cases) {
                String name = c.getFileName().toString();
                progress.accept("[" + ++k + "/" + cases.size() + "] " + name + ": building for the Cortex-M4F and"
                        + " running under QEMU");
                Path dir = Files.createDirectories(work.resolve(name));
                try {
                    models.add(new ModelResult(ModelOnCortexM4.measure(c, dir), baselines.forCase(name)));
                } catch (UnsupportedOperationException e) {
                    skipped.add(new Skipped(name, e.getMessage()));
                }
            }
            Optional<DspUpdateOnCortexM4.Measurement> dsp = Optional.empty();
            if (dspUpdate) {
                progress.accept("kws template MFCC: building the 250 ms streaming update and running it under QEMU");
                dsp = Optional.of(DspUpdateOnCortexM4.kwsTemplateMfcc(Files.createDirectories(work.resolve("dsp"))));
            }
            return new Report(List.copyOf(models), List.copyOf(skipped), dsp);
        } finally {
            deleteTree(work);
        }
    }

    /** Removes the benchmark's own temporary folder (it created every file in it). */
    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
