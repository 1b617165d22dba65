package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.deploy.StandaloneCGenerator;
import dev.littlebrain.deploy.tflm.TflmArenaEstimate;
import dev.littlebrain.deploy.tflm.TflmTarget;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.io.EdgeImpulseJson;
import dev.littlebrain.dsp.io.SensorCsv;
import dev.littlebrain.dsp.io.SensorSeries;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.runtime.stream.StreamingClassifier;
import dev.littlebrain.runtime.stream.WindowScores;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TfliteReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy --project} of the motion (spectral-analysis) and glove (trajectory) templates, trained by
 * {@link SensorImpulse}, in all three formats: the C builds with gcc {@code -Wall -Wextra -Werror} and under
 * ASan/UBSan, and on every test-split sample {@code run_classifier} gives the Java runtime's scores (the int8
 * model's output, dequantised: equal bytes) from features within 1e-4 of Java's; {@code run_classifier_continuous}
 * gives {@code StreamingClassifier}'s averaged scores on the test samples joined into one stream. The tflm-cpp and
 * arduino front ends are the same files, built against the TFLM stand-in of the deploy module's tests.
 */
@Tag("slow")
@Tag("toolchain")
class SensorDeployProjectTest {
    static final List<String> STRICT = List.of("gcc", "-std=c99", "-O2", "-Wall", "-Wextra", "-Werror");
    static final List<String> SANITIZED = List.of("gcc", "-std=c99", "-O1", "-g", "-Wall", "-Wextra", "-Werror",
            "-fsanitize=address,undefined", "-fno-sanitize-recover=all");
    static final List<String> STANDALONE = List.of("lb_model.c", "lb_kernels.c", "lb_dsp.c", "lb_classifier.c");

    /**
     * w FILE: windows of LB_DSP_WINDOW_SAMPLES; p FILE N...: whole paths of N floats; c FILE: the file in slices
     * of LB_SLICE_SAMPLES. Records: features (w, p) then scores, or int32 time_ms then averaged scores (c).
     */
    static final String MAIN = """
            #include <stdio.h>
            #include <stdlib.h>
            #include <stdint.h>
            #include "lb_classifier.h"

            static float features[LB_DSP_FEATURES];

            static void scores(const lb_result_t *r)
            {
                int c;
                for (c = 0; c < LB_LABEL_COUNT; c++) {
                    fwrite(&r->classification[c].value, sizeof(float), 1, stdout);
                }
            }

            int main(int argc, char **argv)
            {
                FILE *f;
                long bytes;
                size_t n, off;
                float *v;
                lb_result_t result;
                if (argc < 3 || (f = fopen(argv[2], "rb")) == NULL) {
                    return 2;
                }
                fseek(f, 0, SEEK_END);
                bytes = ftell(f);
                fseek(f, 0, SEEK_SET);
                n = (size_t) bytes / sizeof(float);
                v = (float *) malloc(n * sizeof(float) + 1);
                if (v == NULL || fread(v, sizeof(float), n, f) != n) {
                    return 2;
                }
                fclose(f);
                if (argv[1][0] == 'w') {
                    for (off = 0; off + LB_DSP_WINDOW_SAMPLES <= n; off += LB_DSP_WINDOW_SAMPLES) {
                        if (lb_dsp_process(v + off, features) != 0 || run_classifier(v + off, LB_DSP_WINDOW_SAMPLES,
                                &result) != LB_OK) {
                            return 3;
                        }
                        fwrite(features, sizeof(float), LB_DSP_FEATURES, stdout);
                        scores(&result);
                    }
                } else if (argv[1][0] == 'p') {
            #ifdef LB_PATHS
                    int k;
                    off = 0;
                    for (k = 3; k < argc; k++) {
                        size_t len = (size_t) atol(argv[k]);
                        if (lb_dsp_process_path(v + off, len, features) != 0 || run_classifier(v + off, len,
                                &result) != LB_OK) {
                            return 3;
                        }
                        fwrite(features, sizeof(float), LB_DSP_FEATURES, stdout);
                        scores(&result);
                        off += len;
                    }
            #else
                    return 4;
            #endif
                } else {
                    run_classifier_init();
                    for (off = 0; off + LB_SLICE_SAMPLES <= n; off += LB_SLICE_SAMPLES) {
                        if (run_classifier_continuous(v + off, LB_SLICE_SAMPLES, &result) != LB_OK) {
                            return 3;
                        }
                        if (result.runs > 0) {
                            int32_t t = (int32_t) result.time_ms;
                            fwrite(&t, sizeof t, 1, stdout);
                            scores(&result);
                        }
                    }
                }
                free(v);
                return 0;
            }
            """;

    @Test
    void motionImpulseInCEqualsJava(@TempDir Path tmp) throws Exception {
        Path p = SensorImpulse.build(tmp, "motion", "[accX, accY, accZ] at 62.5 Hz",
                "spectral-analysis features for 240 samples", "idle", "wave", "circle", "updown").project();
        checkAllFormats(tmp, p, false);
        classifiesEveryWindow(tmp, p);
    }

    @Test
    void gloveImpulseInCEqualsJava(@TempDir Path tmp) throws Exception {
        Path p = SensorImpulse.build(tmp, "glove", "[x, y] at 50.0 Hz",
                "trajectory features for 240 samples: 32 x 2", "circle", "triangle", "zigzag", "check").project();
        checkAllFormats(tmp, p, true);
        classifiesTheWholePath(p);
    }

    /**
     * {@code classify} of a recording three test samples long (a .csv): every 2 s window from the start, one every
     * continuous slice (400 ms), each with the Java runtime's scores of that window; JSON lists them all.
     */
    private static void classifiesEveryWindow(Path tmp, Path project) throws Exception {
        ImpulseProject impulse = ImpulseProject.require(project);
        ImpulseProject.Split test = impulse.features(ProgressListener.NONE).split(Split.TEST);
        List<float[]> parts = new ArrayList<>();
        SensorSeries first = null;
        for (int k = 0; k < 3; k++) {
            Path f = test.files().get(k * 7);
            SensorSeries s = f.toString().endsWith(".csv") ? SensorCsv.read(f) : EdgeImpulseJson.read(f);
            first = first == null ? s : first;
            parts.add(s.interleaved());
        }
        float[] values = concat(parts);
        Path csv = tmp.resolve("long.csv");
        SensorCsv.write(csv, new SensorSeries(first.deviceType(), first.axes(), first.units(), first.intervalMs(),
                values));
        CliRun r = CliRun.of("classify", csv.toString(), "--project", project.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        com.fasterxml.jackson.databind.JsonNode list = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        int frames = values.length / 3;
        int window = impulse.windowSamples();
        int stride = window / impulse.config().continuous().slices();
        assertEquals((frames - window) / stride + 1, list.size(), r.out());
        Interpreter interpreter = new Interpreter(TfliteReader.read(project.resolve("models/model_int8.tflite")));
        List<String> labels = impulse.trainedLabels();
        for (int w = 0; w < list.size(); w++) {
            float[] java = WindowScores.of(interpreter, impulse.block().process(
                    Arrays.copyOfRange(values, w * stride * 3, (w * stride + window) * 3)));
            assertEquals(Math.floor(w * stride * 1000 / 62.5), list.get(w).get("time_ms").asDouble(), r.out());
            for (int c = 0; c < labels.size(); c++) {
                assertEquals(java[c], list.get(w).get("scores").get(labels.get(c)).floatValue(), "window " + w);
            }
        }
        CliRun text = CliRun.of("classify", csv.toString(), "--project", project.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().startsWith(csv + ": " + list.size() + " window(s) of 2000 ms in "), text.out());
        assertEquals(list.size() + 1, text.out().strip().lines().count(), text.out());
        assertTrue(text.out().contains("    0.40 s  " + list.get(1).get("label").asText()), text.out());

        CliRun wav = CliRun.of("classify", project.resolve("impulse.yaml").toString(), "--project", project.toString());
        assertEquals(1, wav.exitCode());
        assertTrue(wav.err().contains(".csv or Edge Impulse .json"), wav.err());
    }

    /** {@code classify} of a glove path: the whole path at once, with the Java runtime's scores. */
    private static void classifiesTheWholePath(Path project) throws Exception {
        ImpulseProject impulse = ImpulseProject.require(project);
        ImpulseProject.Split test = impulse.features(ProgressListener.NONE).split(Split.TEST);
        Path f = test.files().get(0);
        SensorSeries s = f.toString().endsWith(".csv") ? SensorCsv.read(f) : EdgeImpulseJson.read(f);
        CliRun r = CliRun.of("classify", f.toString(), "--project", project.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        com.fasterxml.jackson.databind.JsonNode list = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertEquals(1, list.size(), r.out());
        float[] java = WindowScores.of(new Interpreter(TfliteReader.read(project.resolve("models/model_int8.tflite"))),
                impulse.block().process(s.interleaved()));
        List<String> labels = impulse.trainedLabels();
        for (int c = 0; c < labels.size(); c++) {
            assertEquals(java[c], list.get(0).get("scores").get(labels.get(c)).floatValue(), labels.get(c));
        }
    }

    private static void checkAllFormats(Path tmp, Path project, boolean paths) throws Exception {
        ImpulseProject impulse = ImpulseProject.require(project);
        Model model = TfliteReader.read(project.resolve("models/model_int8.tflite"));
        Path c = tmp.resolve("c");
        CliRun r = CliRun.of("deploy", "--project", project.toString(), "--format", "c-standalone", "--out",
                c.toString());
        assertEquals(0, r.exitCode(), r.err());
        Files.writeString(c.resolve("main.c"), MAIN);
        List<String> flags = paths ? List.of("-DLB_PATHS") : List.of();
        build(c, STRICT, flags, "impulse", STANDALONE);
        build(c, SANITIZED, flags, "impulse_san", STANDALONE);
        Expected java = expected(impulse, model, paths);
        for (String exe : List.of("impulse", "impulse_san")) {
            java.check(c, exe, paths, "c-standalone " + exe);
        }

        // tflm-cpp: the same front end on TFLM (here its stand-in), the same answers.
        Path tflm = tmp.resolve("tflm");
        r = CliRun.of("deploy", "--project", project.toString(), "--format", "tflm-cpp", "--out", tflm.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String f : List.of("lb_dsp.h", "lb_dsp.c", "lb_classifier.h", "lb_classifier.c")) {
            assertEquals(Files.readString(c.resolve(f)), Files.readString(tflm.resolve(f)), f);
        }
        linkOnTflmStandIn(model, c, tflm, flags, "impulse_tflm");
        java.check(c, "impulse_tflm", paths, "tflm-cpp");

        Path ard = tmp.resolve("ard");
        r = CliRun.of("deploy", "--project", project.toString(), "--format", "arduino", "--out", ard.toString());
        assertEquals(0, r.exitCode(), r.err());
        String name = "LittleBrain_" + project.getFileName();
        Path lib = unzip(ard.resolve(name + ".zip"), ard.resolve("unzipped")).resolve(name);
        for (String f : List.of("lb_dsp.c", "lb_classifier.c")) {
            assertEquals(Files.readString(c.resolve(f)), Files.readString(lib.resolve("src").resolve(f)), f);
        }
        String sketch = Files.readString(lib.resolve("examples/" + name + "/" + name + ".ino"));
        assertTrue(sketch.contains(paths ? "run_classifier(signal_buffer, n, &result)" : "run_classifier_continuous"),
                sketch);
        linkOnTflmStandIn(model, c, lib.resolve("src"), flags, "impulse_arduino");
        java.check(c, "impulse_arduino", paths, "arduino");
    }

    /** What the Java runtime computes: per test sample its features and scores; the stream's averaged scores. */
    private record Expected(float[] inputs, List<String> lengths, float[] features, float[] scores, float[] stream,
                            List<String> streamRecords) {

        void check(Path dir, String exe, boolean paths, String what) throws IOException {
            int labels = scores.length / lengths.size();
            int perSample = features.length / lengths.size();
            List<String> args = new ArrayList<>();
            args.add(paths ? "p" : "w");
            args.add(write(dir, "inputs.f32", inputs).toString());
            if (paths) {
                args.addAll(lengths);
            }
            float[] out = run(dir, exe, args);
            assertEquals(lengths.size() * (perSample + labels), out.length, what);
            double maxError = 0;
            for (int k = 0; k < lengths.size(); k++) {
                int at = k * (perSample + labels);
                for (int i = 0; i < perSample; i++) {
                    float j = features[k * perSample + i];
                    maxError = Math.max(maxError, Math.abs(out[at + i] - j) / Math.max(1, Math.abs(j)));
                }
                assertArrayEquals(Arrays.copyOfRange(scores, k * labels, (k + 1) * labels),
                        Arrays.copyOfRange(out, at + perSample, at + perSample + labels),
                        what + ": scores of test sample " + k);
            }
            System.out.printf("%s: %d test samples, scores equal to Java's, features max error %.2e%n", what,
                    lengths.size(), maxError);
            assertTrue(maxError <= 1e-4, what + ": feature error " + maxError);
            if (!paths) {
                float[] s = run(dir, exe, List.of("c", write(dir, "stream.f32", stream).toString()));
                List<String> records = new ArrayList<>();
                ByteBuffer b = ByteBuffer.allocate(s.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (float v : s) {
                    b.putFloat(v);
                }
                b.flip();
                while (b.hasRemaining()) {
                    StringBuilder line = new StringBuilder().append(b.getInt());
                    for (int c = 0; c < labels; c++) {
                        line.append(' ').append(b.getFloat());
                    }
                    records.add(line.toString());
                }
                assertEquals(streamRecords, records, what + ": run_classifier_continuous");
            }
        }
    }

    private static Expected expected(ImpulseProject p, Model model, boolean paths) throws IOException {
        DspBlock block = p.block();
        int axes = block.signal().axisCount();
        int window = p.windowSamples() * axes;
        ImpulseProject.Split test = p.features(ProgressListener.NONE).split(Split.TEST);
        Interpreter interpreter = new Interpreter(model);
        List<float[]> inputs = new ArrayList<>();
        List<String> lengths = new ArrayList<>();
        List<float[]> features = new ArrayList<>();
        List<float[]> scores = new ArrayList<>();
        for (int k = 0; k < test.size(); k++) {
            Path file = test.files().get(k);
            SensorSeries series = file.toString().endsWith(".csv") ? SensorCsv.read(file) : EdgeImpulseJson.read(file);
            float[] values = paths ? series.interleaved() : Arrays.copyOf(series.interleaved(), window);
            float[] f = block.process(values);
            assertArrayEquals(test.features()[k], f, "the project's own features of " + file);
            inputs.add(values);
            lengths.add(Integer.toString(values.length));
            features.add(f);
            scores.add(WindowScores.of(interpreter, f));
        }
        float[] stream = concat(inputs);
        List<String> records = new ArrayList<>();
        if (!paths) {
            // StreamingClassifier counts floats; its slices are the export's (the project's continuous.slices).
            int sliceFloats = window / p.config().continuous().slices();
            ContinuousConfig config = new ContinuousConfig(1000, sliceFloats, p.config().continuous().average(), 1f,
                    0, p.trainedLabels(), Set.of());
            float[] ring = new float[window];
            int[] filled = {0};
            StreamingClassifier classifier = new StreamingClassifier(interpreter, slice -> {
                System.arraycopy(ring, slice.length, ring, 0, window - slice.length);
                System.arraycopy(slice, 0, ring, window - slice.length, slice.length);
                filled[0] = Math.min(window, filled[0] + slice.length);
                return filled[0] < window ? Optional.empty() : Optional.of(block.process(ring.clone()));
            }, config);
            long[] seen = {0};
            classifier.onScores(s -> {
                StringBuilder line = new StringBuilder().append(
                        (long) Math.floor(seen[0] / axes * 1000 / p.config().input().frequencyHz()));
                for (float v : s.averaged()) {
                    line.append(' ').append(v);
                }
                records.add(line.toString());
            });
            for (int off = 0; off + sliceFloats <= stream.length; off += sliceFloats) {
                seen[0] = off + sliceFloats;
                classifier.accept(Arrays.copyOfRange(stream, off, off + sliceFloats));
            }
            assertTrue(records.size() > 10, "runs to compare: " + records.size());
        }
        return new Expected(stream, lengths, concat(features), concat(scores), stream, records);
    }

    /** The front end in {@code lib} with the tflm glue, on the stand-in whose Invoke runs the standalone C. */
    private static void linkOnTflmStandIn(Model model, Path dir, Path lib, List<String> flags, String exe)
            throws Exception {
        Path deployTests = Path.of("..", "deploy", "src", "test", "resources", "dev", "littlebrain", "deploy")
                .toAbsolutePath().normalize();
        Path standIn = deployTests.resolve("tflm-standin");
        Path arduino = deployTests.resolve("arduino-standin");
        assertTrue(Files.isDirectory(standIn), "the TFLM stand-in of the deploy module's tests: " + standIn);
        Path ref = Files.createDirectories(dir.resolve(exe + "-ref"));
        StandaloneCGenerator.write(model, "model_int8.tflite", ref);
        Interpreter runtime = new Interpreter(model);
        List<String> c = new ArrayList<>(STRICT);
        c.addAll(flags);
        List<String> objects = new ArrayList<>();
        for (String f : List.of("lb_dsp.c", "lb_classifier.c", "model_data.c")) {
            String o = exe + "-" + f.replace(".c", ".o");
            compile(dir, c, "-c", lib.resolve(f).toString(), "-o", o);
            objects.add(o);
        }
        compile(dir, c, "-Dlb_invoke=lb_reference_invoke", "-c", ref.resolve("lb_model.c").toString(), "-o",
                exe + "-ref.o");
        compile(dir, c, "-c", ref.resolve("lb_kernels.c").toString(), "-o", exe + "-kernels.o");
        List<String> cxx = new ArrayList<>(List.of("g++", "-std=c++17", "-O2", "-Wall", "-Wextra", "-Werror",
                "-I", standIn.toString(), "-I", lib.toString(), "-I", arduino.toString(),
                "-DSTANDIN_INPUT_BYTES=" + runtime.input(0).byteSize(),
                "-DSTANDIN_OUTPUT_BYTES=" + runtime.output(0).byteSize(),
                "-DSTANDIN_MIN_ARENA=" + TflmArenaEstimate.of(model, TflmTarget.HOST_64).bytes()));
        compile(dir, cxx, "-c", lib.resolve("lb_tflm.cpp").toString(), "-o", exe + "-tflm.o");
        List<String> link = new ArrayList<>(List.of("-o", exe, "-x", "c", "-std=c99"));
        link.addAll(flags);
        link.addAll(List.of("-I", lib.toString(), dir.resolve("main.c").toString(), "-x", "none", exe + "-tflm.o",
                exe + "-ref.o", exe + "-kernels.o"));
        link.addAll(objects);
        link.add("-lm");
        compile(dir, List.of("g++", "-O2", "-Wall", "-Wextra", "-Werror"), link.toArray(new String[0]));
    }

    private static void build(Path dir, List<String> compiler, List<String> flags, String exe, List<String> sources)
            throws Exception {
        List<String> cmd = new ArrayList<>(compiler);
        cmd.addAll(flags);
        cmd.addAll(List.of("-o", exe, "main.c"));
        cmd.addAll(sources);
        cmd.add("-lm");
        compile(dir, cmd);
    }

    private static void compile(Path dir, List<String> base, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(base);
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + log);
        assertEquals("", log.strip(), "warnings: " + String.join(" ", cmd));
    }

    private static Path write(Path dir, String name, float[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return Files.write(dir.resolve(name), b.array());
    }

    private static float[] run(Path dir, String exe, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(dir.resolve(exe).toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        assertEquals(0, p.exitValue(), exe + " " + args.get(0));
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        float[] f = new float[out.length / 4];
        for (int i = 0; i < f.length; i++) {
            f[i] = b.getFloat();
        }
        return f;
    }

    private static Path unzip(Path zip, Path root) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = root.resolve(e.getName());
                Files.createDirectories(target.getParent());
                Files.write(target, in.readAllBytes());
            }
        }
        return root;
    }

    static float[] concat(List<float[]> rows) {
        int n = rows.stream().mapToInt(r -> r.length).sum();
        float[] out = new float[n];
        int at = 0;
        for (float[] r : rows) {
            System.arraycopy(r, 0, out, at, r.length);
            at += r.length;
        }
        return out;
    }
}
