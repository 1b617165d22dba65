package dev.littlebrain.deploy.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.deploy.HostCompiler;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.SignalSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exported sensor DSP (spectral-analysis, raw, trajectory; gcc -O2 -Werror and again under ASan/UBSan)
 * against the Java blocks, batch, streaming and (trajectory) whole paths of many lengths, on synthetic
 * accelerometer windows (gravity, gestures, noise, spikes) and drawn paths: the default precision within the 1e-4
 * contract; all-double and all-float measured and printed.
 */
class SensorDspCGeneratorTest {
    static final SignalSpec MOTION = new SignalSpec(62.5, List.of("accX", "accY", "accZ"));
    static final SignalSpec GLOVE = new SignalSpec(50, List.of("x", "y"));
    static final int MOTION_WINDOW = 125;
    static final int GLOVE_WINDOW = 100;

    static final List<String> STRICT = List.of("gcc", "-std=c99", "-O2", "-Wall", "-Wextra", "-Werror");
    static final List<String> SANITIZED = List.of("gcc", "-std=c99", "-O1", "-g", "-Wall", "-Wextra", "-Werror",
            "-fsanitize=address,undefined", "-fno-sanitize-recover=all");

    /** batch FILE: every whole window; stream FILE SLICE: pushes; path FILE N1 N2 ...: consecutive paths. */
    static final String MAIN = """
            #include <stdio.h>
            #include <stdlib.h>
            #include "lb_dsp.h"

            static float features[LB_DSP_FEATURES];

            int main(int argc, char **argv)
            {
                FILE *f;
                long bytes;
                size_t n, off;
                float *values;
                if (argc < 3 || (f = fopen(argv[2], "rb")) == NULL) {
                    return 2;
                }
                fseek(f, 0, SEEK_END);
                bytes = ftell(f);
                fseek(f, 0, SEEK_SET);
                n = (size_t) bytes / sizeof(float);
                values = (float *) malloc(n * sizeof(float) + 1);
                if (values == NULL || fread(values, sizeof(float), n, f) != n) {
                    return 2;
                }
                fclose(f);
                if (argv[1][0] == 'b') {
                    for (off = 0; off + LB_DSP_WINDOW_SAMPLES <= n; off += LB_DSP_WINDOW_SAMPLES) {
                        if (lb_dsp_process(values + off, features) != 0) {
                            return 3;
                        }
                        fwrite(features, sizeof(float), LB_DSP_FEATURES, stdout);
                    }
                } else if (argv[1][0] == 's') {
                    size_t slice = (size_t) atol(argv[3]);
                    lb_dsp_stream_reset();
                    for (off = 0; off < n; off += slice) {
                        size_t count = n - off < slice ? n - off : slice;
                        int r = lb_dsp_stream_push(values + off, count, features);
                        if (r < 0) {
                            return 3;
                        }
                        if (r == 1) {
                            fwrite(features, sizeof(float), LB_DSP_FEATURES, stdout);
                        }
                    }
                } else {
            #ifdef LB_PATHS
                    int k;
                    off = 0;
                    for (k = 3; k < argc; k++) {
                        size_t len = (size_t) atol(argv[k]);
                        if (lb_dsp_process_path(values + off, len, features) != 0) {
                            return 3;
                        }
                        fwrite(features, sizeof(float), LB_DSP_FEATURES, stdout);
                        off += len;
                    }
            #else
                    return 4;
            #endif
                }
                free(values);
                return 0;
            }
            """;

    static Stream<Arguments> motionBlocks() {
        return Stream.of(
                Arguments.of("spectral-analysis", Map.of()),
                Arguments.of("spectral-analysis", Map.of("filter_type", "low", "filter_cutoff", "8", "filter_order", "6",
                        "fft_length", "64")),
                Arguments.of("spectral-analysis", Map.of("filter_type", "high", "filter_cutoff", "3", "filter_order", "4",
                        "do_log", "false", "do_fft_overlap", "false", "scale_axes", "0.1")),
                Arguments.of("spectral-analysis", Map.of("filter_type", "low", "filter_cutoff", "3", "filter_order", "8",
                        "fft_length", "128")),
                Arguments.of("raw", Map.of()),
                Arguments.of("raw", Map.of("scale_axes", "0.5")),
                Arguments.of("raw", Map.of("scale_axes", "0.1")));
    }

    @Tag("toolchain")
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("motionBlocks")
    void motionFeaturesEqualJava(String name, Map<String, String> parameters, @TempDir Path dir) throws Exception {
        HostCompiler.requireAvailable("gcc");
        DspBlock block = DspBlocks.create(name, MOTION, parameters);
        float[] stream = motion(24, 11);
        float[] javaBatch = javaBatch(block, stream, MOTION_WINDOW * 3);
        String what = name + " " + parameters;
        for (List<String> compiler : List.of(STRICT, SANITIZED)) {
            Program p = Program.build(block, MOTION_WINDOW, dir.resolve(compiler == STRICT ? "o2" : "san"), compiler);
            FeatureError batch = new FeatureError();
            batch.add(p.run(stream, "batch", "0"), javaBatch, what + " batch");
            FeatureError streaming = new FeatureError();
            for (int slice : new int[] {25 * 3, 37}) {
                streaming.add(p.run(stream, "stream", Integer.toString(slice)),
                        javaStream(block, stream, MOTION_WINDOW * 3, 3, slice), what + " stream " + slice);
            }
            System.out.println("C sensor DSP " + what + " [" + (compiler == STRICT ? "O2" : "asan/ubsan")
                    + ", default precision]: batch " + batch + "; streaming " + streaming);
            batch.requireWithinTolerance(what + " batch");
            streaming.requireWithinTolerance(what + " streaming");
        }
        for (String precision : List.of("-DLB_DSP_DOUBLE_PRECISION", "-DLB_DSP_SINGLE_PRECISION")) {
            List<String> compiler = new ArrayList<>(STRICT);
            compiler.add(precision);
            Program p = Program.build(block, MOTION_WINDOW, dir.resolve(precision.substring(9)), compiler);
            FeatureError e = new FeatureError();
            e.add(p.run(stream, "batch", "0"), javaBatch, what + " " + precision);
            System.out.println("C sensor DSP " + what + " [" + precision + "]: " + e);
            if (precision.contains("DOUBLE")) {
                e.requireWithinTolerance(what + " double");
            }
        }
    }

    static Stream<Arguments> trajectoryBlocks() {
        return Stream.of(Arguments.of(Map.of()), Arguments.of(Map.of("normalize", "false", "points", "50")),
                Arguments.of(Map.of("points", "2")));
    }

    @Tag("toolchain")
    @ParameterizedTest(name = "trajectory {0}")
    @MethodSource("trajectoryBlocks")
    void trajectoryFeaturesEqualJava(Map<String, String> parameters, @TempDir Path dir) throws Exception {
        HostCompiler.requireAvailable("gcc");
        DspBlock block = DspBlocks.create("trajectory", GLOVE, parameters);
        Random random = new Random(5);
        List<float[]> paths = new ArrayList<>();
        for (int len : new int[] {1, 2, 3, 7, 40, 100, 240, 1000, 33, 160, 20000}) {
            paths.add(path(random, len));
        }
        paths.add(new float[] {3, 4, 3, 4, 3, 4}); // standing still
        float[] all = concat(paths);
        List<String> lengths = paths.stream().map(p -> Integer.toString(p.length)).toList();
        float[] javaPaths = concat(paths.stream().map(block::process).toList());
        float[] stream = concat(paths.subList(5, 8));
        String what = "trajectory " + parameters;
        List<String> single = withFlag(STRICT, "-DLB_DSP_SINGLE_PRECISION");
        for (List<String> base : List.of(STRICT, SANITIZED, withFlag(STRICT, "-DLB_DSP_DOUBLE_PRECISION"), single)) {
            List<String> compiler = withFlag(base, "-DLB_PATHS");
            String tag = base == STRICT ? "O2" : base == SANITIZED ? "asan/ubsan" : base == single ? "float" : "double";
            Program p = Program.build(block, GLOVE_WINDOW, dir.resolve(tag.replace('/', '_')), compiler);
            List<String> args = new ArrayList<>(List.of("path"));
            FeatureError e = new FeatureError();
            e.add(p.run(all, args.get(0), lengths.toArray(new String[0])), javaPaths, what + " paths");
            FeatureError s = new FeatureError();
            s.add(p.run(stream, "stream", "31"), javaStream(block, stream, GLOVE_WINDOW * 2, 2, 31), what + " stream");
            FeatureError b = new FeatureError();
            b.add(p.run(stream, "batch", "0"), javaBatch(block, stream, GLOVE_WINDOW * 2), what + " batch");
            System.out.println("C sensor DSP " + what + " [" + tag + "]: paths " + e + "; stream " + s + "; batch " + b);
            if (tag.equals("float")) {
                continue;
            }
            e.requireWithinTolerance(what);
            s.requireWithinTolerance(what);
            b.requireWithinTolerance(what);
            // The default is double here (see TrajectoryCSource): Java's own order of operations, bit for bit.
            assertEquals(0, e.unequal + s.unequal + b.unequal, what + " [" + tag + "]: double is bit-equal to Java");
        }
    }

    @Test
    void headerDescribesTheInterleavedWindow() {
        DspBlock block = DspBlocks.create("spectral-analysis", MOTION, Map.of());
        Map<String, String> files = DspCGenerator.generate(block, MOTION_WINDOW, 0, "motion/impulse.yaml");
        String h = files.get(DspCGenerator.HEADER);
        assertTrue(h.contains("#define LB_DSP_AXES 3\n") && h.contains("#define LB_DSP_SAMPLES_PER_AXIS 125\n")
                && h.contains("#define LB_DSP_FEATURES 39\n") && h.contains("accX0, accY0, accZ0"), h);
        assertTrue(files.get(DspCGenerator.SOURCE).contains("motion/impulse.yaml"));
        assertTrue(!h.contains("lb_dsp_process_path"), "fixed windows only");
        String glove = DspCGenerator.generate(DspBlocks.create("trajectory", GLOVE, Map.of()), GLOVE_WINDOW, 0, "g")
                .get(DspCGenerator.HEADER);
        assertTrue(glove.contains("int lb_dsp_process_path(const float *path, size_t n, float *features);"), glove);
    }

    private static List<String> withFlag(List<String> base, String flag) {
        List<String> c = new ArrayList<>(base);
        c.add(flag);
        return c;
    }

    /** Interleaved 3-axis accelerometer windows in m/s^2: gravity, a gesture per window, noise, spikes. */
    static float[] motion(int windows, long seed) {
        Random r = new Random(seed);
        float[] out = new float[windows * MOTION_WINDOW * 3];
        int i = 0;
        for (int w = 0; w < windows; w++) {
            double f = 0.5 + 4 * r.nextDouble();
            double amp = w % 4 == 0 ? 0.02 : 1 + 8 * r.nextDouble();
            // Every fourth window from 1 is a clean tone on a 16-bit accelerometer's grid (no noise floor): the
            // widest dynamic range a spectrum gets, where float rounding shows most.
            boolean clean = w % 4 == 1;
            for (int t = 0; t < MOTION_WINDOW; t++) {
                double time = t / 62.5;
                for (int a = 0; a < 3; a++) {
                    double v = (a == 2 ? 9.81 : 0.3 * a) + amp * Math.sin(2 * Math.PI * f * time + a);
                    if (clean) {
                        v = Math.rint(v * 4096 / 9.81) * 9.81 / 4096;
                    } else {
                        v += 0.05 * r.nextGaussian() + (r.nextInt(200) == 0 ? 6 * r.nextGaussian() : 0);
                    }
                    out[i++] = (float) v;
                }
            }
        }
        return out;
    }

    /** A wobbly drawn path of {@code n} x, y positions, some repeated (the pen resting). */
    static float[] path(Random r, int n) {
        float[] p = new float[n * 2];
        double x = 100 * r.nextDouble();
        double y = 100 * r.nextDouble();
        double heading = r.nextDouble() * 6.28;
        for (int i = 0; i < n; i++) {
            if (r.nextInt(8) != 0) {
                heading += 0.4 * r.nextGaussian();
                x += 2 * Math.cos(heading);
                y += 2 * Math.sin(heading);
            }
            p[2 * i] = (float) x;
            p[2 * i + 1] = (float) y;
        }
        return p;
    }

    static float[] javaBatch(DspBlock block, float[] stream, int window) {
        List<float[]> rows = new ArrayList<>();
        for (int off = 0; off + window <= stream.length; off += window) {
            rows.add(block.process(Arrays.copyOfRange(stream, off, off + window)));
        }
        return concat(rows);
    }

    /** The features of the last window after every push that fills it and ends on a whole sample. */
    static float[] javaStream(DspBlock block, float[] stream, int window, int axes, int slice) {
        List<float[]> rows = new ArrayList<>();
        for (int off = 0; off < stream.length; off += slice) {
            int end = Math.min(stream.length, off + slice);
            if (end >= window && end % axes == 0) {
                rows.add(block.process(Arrays.copyOfRange(stream, end - window, end)));
            }
        }
        return concat(rows);
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

    /** The generated DSP behind {@link #MAIN}. */
    record Program(Path dir) {
        static Program build(DspBlock block, int window, Path dir, List<String> compiler) throws IOException {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> e : DspCGenerator.generate(block, window, 0, "SensorDspCGeneratorTest")
                    .entrySet()) {
                Files.writeString(dir.resolve(e.getKey()), e.getValue());
            }
            Files.writeString(dir.resolve("main.c"), MAIN);
            List<String> cmd = new ArrayList<>(compiler);
            cmd.addAll(List.of("-o", "dsp", "main.c", DspCGenerator.SOURCE, "-lm"));
            HostCompiler.compile(dir, cmd);
            return new Program(dir);
        }

        float[] run(float[] values, String mode, String... args) throws IOException {
            Path in = dir.resolve("values.f32");
            ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : values) {
                b.putFloat(v);
            }
            Files.write(in, b.array());
            List<String> cmd = new ArrayList<>(List.of(dir.resolve("dsp").toString(), mode, in.toString()));
            cmd.addAll(List.of(args));
            HostCompiler.Result r = HostCompiler.run(cmd, dir);
            assertEquals(0, r.exitCode(), mode + ": " + r.stderr());
            ByteBuffer out = ByteBuffer.wrap(r.stdout()).order(ByteOrder.LITTLE_ENDIAN);
            float[] f = new float[r.stdout().length / 4];
            for (int i = 0; i < f.length; i++) {
                f[i] = out.getFloat();
            }
            return f;
        }
    }
}
