package dev.littlebrain.deploy.device;

import dev.littlebrain.deploy.dsp.DspCGenerator;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.SignalSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The keyword-spotting template's audio front end (MFCC with the block's defaults, 1 s window at 16 kHz, 250 ms
 * streaming updates) exported to C and run on the emulated Cortex-M4F: instructions of one steady-state update on
 * speech-level noise (two windows of seeded Gaussian noise; the last update is measured) and the DSP's static RAM.
 */
public final class DspUpdateOnCortexM4 {
    public static final int RATE = 16000;
    public static final int WINDOW = 16000;
    public static final int SLICE = 4000;

    /**
     * {@code lb_invoke} as a shim around {@code lb_dsp_stream_push}: output is the int32 status (1: a window,
     * 0: filling), then the features. The slice goes in as a microphone's DMA would hand it over, 64 samples at a
     * time (the harness's byte buffer need not be int16-aligned, hence the small copy). The model header defines
     * {@code LB_SLICE}.
     */
    public static final String STREAM_SHIM = """
            #include <stdint.h>
            #include <string.h>
            #include "lb_model.h"

            /* Output: int32 status of lb_dsp_stream_push (1: a window, 0: filling), then the features. The slice
             * goes in as the microphone's DMA would hand it over: 64 samples at a time (the byte buffer need not
             * be int16-aligned, hence the small copy). */
            int lb_invoke(const void *input, void *output)
            {
                static float features[LB_DSP_FEATURES];
                int16_t chunk[64];
                int32_t r = 0;
                size_t off;
                for (off = 0; off < LB_SLICE; off += 64) {
                    size_t n = LB_SLICE - off < 64 ? LB_SLICE - off : 64;
                    memcpy(chunk, (const unsigned char *) input + off * sizeof(int16_t), n * sizeof(int16_t));
                    r |= (int32_t) lb_dsp_stream_push(chunk, n, features);
                }
                memcpy(output, &r, sizeof r);
                memcpy((unsigned char *) output + sizeof r, features, sizeof features);
                return 0;
            }
            """;

    /** One update's cost and the DSP's state. */
    public record Measurement(String block, long instructionsPerUpdate, long stateBytes) {
    }

    private DspUpdateOnCortexM4() {
    }

    /** The kws template's MFCC, measured in {@code dir}. */
    public static Measurement kwsTemplateMfcc(Path dir) throws IOException {
        DspBlock block = DspBlocks.create("mfcc", SignalSpec.audio(RATE), Map.of());
        for (Map.Entry<String, String> f : DspCGenerator.generate(block, WINDOW, SLICE, "littlebrain bench device")
                .entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        Files.writeString(dir.resolve("lb_model.h"), "#include \"lb_dsp.h\"\n#define LB_SLICE " + SLICE
                + "\n#define LB_INPUT_BYTES (LB_SLICE * 2)\n#define LB_OUTPUT_BYTES (4 + LB_DSP_FEATURES * 4)\n"
                + "int lb_invoke(const void *input, void *output);\n");
        Files.writeString(dir.resolve("lb_model.c"), STREAM_SHIM);
        CortexM4Emulator.copyHarness(dir);
        Files.write(dir.resolve("inputs.bin"), speechLevelNoise(2 * WINDOW));
        long update = CortexM4Emulator.buildAndRun(dir, List.of("lb_model.c", DspCGenerator.SOURCE, "-lm"))
                .get("instructions_last");
        return new Measurement("mfcc", update, stateBytes(dir, List.of()));
    }

    /** Static RAM of the DSP alone: lb_dsp.c compiled for the M4F as the test image builds it, bss + data. */
    public static long stateBytes(Path dir, List<String> defines) throws IOException {
        Map<String, Long> s = CortexM4Emulator.sections(CortexM4Emulator.compileObject(dir, DspCGenerator.SOURCE,
                "lb_dsp_state.o", defines));
        return s.getOrDefault(".bss", 0L) + s.getOrDefault(".data", 0L);
    }

    /** int16 little-endian samples, Gaussian with a standard deviation of 3000 (seed 1): loud speech level. */
    static byte[] speechLevelNoise(int samples) {
        Random random = new Random(1);
        ByteBuffer b = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) Math.rint(random.nextGaussian() * 3000));
        }
        return b.array();
    }
}
