package dev.littlebrain.deploy.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.littlebrain.deploy.HostCompiler;
import dev.littlebrain.dsp.blocks.DspBlock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The generated DSP compiled with the host gcc behind a small harness: {@code batch FILE} prints the
 * features of every whole window of FILE (float32 int16 values, pulled through {@code lb_signal_from_buffer}),
 * {@code stream FILE SLICE} pushes FILE as int16 in slices and prints the features after every push in which a
 * window ended (every {@link #STREAM_SLICE} samples), both as raw float32.
 */
final class CDspProgram {
    /** The hop the streaming state is generated for (250 ms): pushes of any length give the windows ending at its multiples. */
    static final int STREAM_SLICE = 4000;
    static final List<String> STRICT = List.of("gcc", "-std=c99", "-O2", "-Wall", "-Wextra", "-Werror");
    static final List<String> SANITIZED = List.of("gcc", "-std=c99", "-O1", "-g", "-Wall", "-Wextra", "-Werror",
            "-fsanitize=address,undefined", "-fno-sanitize-recover=all");

    static final String MAIN = """
            #include <stdio.h>
            #include <stdlib.h>
            #include "lb_dsp.h"

            static float features[LB_DSP_FEATURES];

            int main(int argc, char **argv)
            {
                FILE *f;
                long bytes;
                size_t n, i, off;
                float *raw;
                int16_t *samples;
                if (argc < 3 || (f = fopen(argv[2], "rb")) == NULL) {
                    return 2;
                }
                fseek(f, 0, SEEK_END);
                bytes = ftell(f);
                fseek(f, 0, SEEK_SET);
                n = (size_t) bytes / sizeof(float);
                raw = (float *) malloc(n * sizeof(float) + 1);
                samples = (int16_t *) malloc(n * sizeof(int16_t) + 1);
                if (raw == NULL || samples == NULL || fread(raw, sizeof(float), n, f) != n) {
                    return 2;
                }
                fclose(f);
                for (i = 0; i < n; i++) {
                    samples[i] = (int16_t) raw[i];
                }
                if (argv[1][0] == 'b') {
                    for (off = 0; off + LB_DSP_WINDOW_SAMPLES <= n; off += LB_DSP_WINDOW_SAMPLES) {
                        lb_signal_t signal;
                        lb_signal_from_buffer(&signal, samples + off, LB_DSP_WINDOW_SAMPLES);
                        if (lb_dsp_process(&signal, features) != 0) {
                            return 3;
                        }
                        fwrite(features, sizeof(float), LB_DSP_FEATURES, stdout);
                    }
                } else {
                    size_t slice = (size_t) atol(argv[3]);
                    lb_dsp_stream_reset();
                    for (off = 0; off < n; off += slice) {
                        size_t count = n - off < slice ? n - off : slice;
                        if (lb_dsp_stream_push(samples + off, count, features) == 1) {
                            fwrite(features, sizeof(float), LB_DSP_FEATURES, stdout);
                        }
                    }
                }
                free(raw);
                free(samples);
                return 0;
            }
            """;

    private final Path dir;
    private final String exe;

    private CDspProgram(Path dir, String exe) {
        this.dir = dir;
        this.exe = exe;
    }

    /** Generates the block's C into {@code dir} and compiles it with {@code compiler} (+ extra flags). */
    static CDspProgram build(DspBlock block, int windowSamples, Path dir, String exe, List<String> compiler)
            throws IOException {
        Files.createDirectories(dir);
        Map<String, String> files = DspCGenerator.generate(block, windowSamples, STREAM_SLICE, "DspCGeneratorTest");
        for (Map.Entry<String, String> e : files.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
        Files.writeString(dir.resolve("dsp_main.c"), MAIN);
        List<String> cmd = new ArrayList<>(compiler);
        cmd.addAll(List.of("-o", exe, "dsp_main.c", DspCGenerator.SOURCE, "-lm"));
        HostCompiler.compile(dir, cmd);
        return new CDspProgram(dir, exe);
    }

    float[] batch(float[] samples) throws IOException {
        return run(samples, "batch", "0");
    }

    float[] stream(float[] samples, int slice) throws IOException {
        return run(samples, "stream", Integer.toString(slice));
    }

    private float[] run(float[] samples, String mode, String slice) throws IOException {
        Path in = dir.resolve("samples.f32");
        ByteBuffer b = ByteBuffer.allocate(samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : samples) {
            b.putFloat(v);
        }
        Files.write(in, b.array());
        HostCompiler.Result r = HostCompiler.run(List.of(dir.resolve(exe).toString(), mode, in.toString(), slice), dir);
        assertEquals(0, r.exitCode(), exe + " " + mode + ": " + r.stderr());
        ByteBuffer out = ByteBuffer.wrap(r.stdout()).order(ByteOrder.LITTLE_ENDIAN);
        float[] f = new float[r.stdout().length / 4];
        for (int i = 0; i < f.length; i++) {
            f[i] = out.getFloat();
        }
        return f;
    }
}
