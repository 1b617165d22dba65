package dev.littlebrain.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.dsp.io.EdgeImpulseJson;
import dev.littlebrain.dsp.io.SensorCsv;
import dev.littlebrain.dsp.io.SensorSeries;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavReader;
import dev.littlebrain.impulse.Classifier;
import dev.littlebrain.impulse.Project;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A downloaded c-standalone zip used as a person would: unzipped, built with gcc (C99, every warning an error)
 * around a small main that classifies one window, and run; its scores must be the Java runtime's.
 */
final class CStandaloneBuild {
    private CStandaloneBuild() {
    }

    /** Reads a window of floats and prints the classifier's score per label. */
    private static final String MAIN = """
            #include <stdio.h>
            #include <stdlib.h>
            #include "lb_classifier.h"

            int main(int argc, char **argv)
            {
                static float v[1 << 16];
                size_t n;
                int c;
                lb_result_t result;
                FILE *f = argc > 1 ? fopen(argv[1], "rb") : NULL;
                if (f == NULL) {
                    return 2;
                }
                n = fread(v, sizeof(float), sizeof v / sizeof v[0], f);
                fclose(f);
                if (run_classifier(v, n, &result) != LB_OK) {
                    return 3;
                }
                for (c = 0; c < LB_LABEL_COUNT; c++) {
                    printf("%.9g\\n", result.classification[c].value);
                }
                return 0;
            }
            """;

    static boolean gccInstalled() {
        try {
            return new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Unzips {@code zip} into {@code workDir} and builds its {@code folder} with the main above; the executable. */
    static Path build(Path zip, String folder, Path workDir) throws Exception {
        Path c = unzip(zip, workDir).resolve(folder);
        Files.writeString(c.resolve("main.c"), MAIN);
        Path exe = c.resolve("impulse");
        run(c, List.of("gcc", "-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-o", exe.toString(), "main.c",
                "lb_model.c", "lb_kernels.c", "lb_dsp.c", "lb_classifier.c", "-lm"));
        return exe;
    }

    /**
     * The project's first sample, one window of it, through the built impulse and through the Java runtime: the
     * same scores. The C API takes a sensor window as it is and audio as int16 values in floats.
     */
    static void assertSameScoresAsJava(Project project, Path exe) throws Exception {
        Classifier java = project.classifier();
        Path sample;
        Path data = project.layout().data();
        try (Stream<Path> files = Files.walk(data)) { // any sample will do: the two must agree on each
            sample = files.filter(f -> data.relativize(f).getNameCount() > 1) // not data/manifest.json
                    .filter(f -> f.toString().matches(".*\\.(json|csv|wav)$")).sorted().findFirst().orElseThrow();
        }
        Signal signal;
        float[] cInput;
        if (sample.toString().endsWith(".wav")) {
            Signal clip = WavReader.read(sample).signal();
            signal = Signal.mono(clip.sampleRate(), Arrays.copyOf(clip.interleaved(), project.project().windowSamples()));
            cInput = new float[signal.interleaved().length];
            for (int i = 0; i < cInput.length; i++) {
                cInput[i] = Signal.toInt16(signal.interleaved()[i]);
            }
        } else {
            SensorSeries series = sample.toString().endsWith(".csv") ? SensorCsv.read(sample)
                    : EdgeImpulseJson.read(sample);
            int axes = series.axes().size();
            float[] window = Arrays.copyOf(series.interleaved(), project.project().windowSamples() * axes);
            signal = new Signal((int) Math.round(series.frequencyHz()), axes, window);
            cInput = window;
        }
        Path input = exe.resolveSibling("window.f32");
        ByteBuffer bytes = ByteBuffer.allocate(4 * cInput.length).order(ByteOrder.nativeOrder());
        bytes.asFloatBuffer().put(cInput);
        Files.write(input, bytes.array());
        String out = run(exe.getParent(), List.of(exe.toString(), input.toString()));
        double[] expected = java.classify(signal).scores();
        String[] printed = out.strip().split("\\s+");
        assertEquals(expected.length, printed.length, out);
        for (int k = 0; k < printed.length; k++) {
            assertEquals(expected[k], Double.parseDouble(printed[k]), 1e-6, sample + ", score " + k + ": " + out);
        }
    }

    /** Runs {@code command} in {@code dir}; its output, or a failure with it. */
    static String run(Path dir, List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ":\n" + out);
        return out;
    }

    private static Path unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                assertTrue(target.startsWith(into), "entry outside the zip's folder: " + e.getName());
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
        }
        return into;
    }
}
