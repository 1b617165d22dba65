package dev.littlebrain.deploy.dsp;

import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.FramewiseBlock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The impulse's DSP block as plain C99 ({@code lb_dsp.h}, {@code lb_dsp.c}) with its parameters baked
 * in: batch ({@code lb_dsp_process}, one window pulled frame by frame through an {@code lb_signal_t}) and
 * streaming ({@code lb_dsp_stream_push}, int16 samples in any count; each frame computed once, when its last
 * sample arrives). No malloc, and no copy of the window: the streaming state is the last frame's worth of int16
 * samples, the rows of the frames the coming windows still need, and the first samples of those windows (their
 * circular pre-emphasis reads the window's end). Tables (FFT twiddles, mel filterbank, DCT) come from the Java block.
 *
 * <p>Precision, chosen at compile time: by default the FFT runs in integers (block floating point, 28 significant
 * bits, {@link FftCSource}) and the rest in float, which a Cortex-M4F does in hardware; MFCC applies its
 * pre-emphasis to the spectrum ({@link MfccCSource}) and its CMVN uses running float-float sums
 * ({@link CmvnCSource}). Within the 1e-4 contract of the Java blocks, measured in {@code DspCGeneratorTest} and
 * {@code CortexM4DspTest}. {@code -DLB_DSP_DOUBLE_PRECISION}: the Java arithmetic in double, bit for bit.
 *
 * <pre>{@code
 * Map<String, String> files = DspCGenerator.generate(block, 16000, 4000, "impulse.yaml");
 * }</pre>
 */
public final class DspCGenerator {
    public static final String HEADER = "lb_dsp.h";
    public static final String SOURCE = "lb_dsp.c";

    private DspCGenerator() {
    }

    /**
     * @param block         an mfcc, mfe or spectrogram block (power-of-two fft_length); a sensor block
     *                      (spectral-analysis, raw, trajectory) goes to {@link SensorDspCGenerator}
     * @param windowSamples samples per window (the impulse's window; per axis for a sensor block)
     * @param sliceSamples  samples between the windows streaming produces (the impulse's slice), or 0 for one
     *                      window per windowSamples: the streaming state keeps only what windows at multiples of it
     *                      need (rows on their frame grids, the first samples of the windows to come)
     * @param source        where the settings came from, for the file banner (e.g. the impulse file)
     * @throws UnsupportedOperationException for another block, naming it
     * @throws IllegalArgumentException      for a non-power-of-two FFT or a window shorter than one frame
     */
    public static Map<String, String> generate(DspBlock block, int windowSamples, int sliceSamples, String source) {
        if (SensorDspCGenerator.supports(block)) {
            return SensorDspCGenerator.generate(block, windowSamples, source);
        }
        FrameRowCSource rows = rowSource(block);
        FramewiseBlock framewise = (FramewiseBlock) block;
        int frames = block.outputShape(windowSamples).frames();
        int coefficients = framewise.coefficientsPerFrame();
        int hop = sliceSamples > 0 ? sliceSamples : windowSamples;
        String banner = banner(block, rows, windowSamples, frames, coefficients, source);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(HEADER, header(banner, block, windowSamples, frames, coefficients, hop));
        files.put(SOURCE, source(banner, framewise, rows, windowSamples, frames, hop));
        return files;
    }

    /** {@link #generate(DspBlock, int, int, String)} with one streamed window per window length. */
    public static Map<String, String> generate(DspBlock block, int windowSamples, String source) {
        return generate(block, windowSamples, 0, source);
    }

    /**
     * The streaming state's sizes for a block, window and hop (see {@code WindowCSource}): samples of a frame that
     * reach the FFT and before it that pre-emphasis reads, the grid rows are computed on (a row every {@code grid}
     * samples) and the row slots kept, the frames recomputed per window (circular pre-emphasis) with the window
     * samples and windows they are kept for, and the int16 history ring.
     */
    public record StreamLayout(int frameUsed, int preShift, int grid, int rowSlots, int prefixFrames, int prefixSpan,
                               int pending, int history) {
        /** Frame rows one steady-state streaming update computes: one per grid step, plus the circular ones. */
        public int rowsPerUpdate(int hop) {
            return hop / grid + prefixFrames;
        }

        static StreamLayout of(FramewiseBlock block, FrameRowCSource rows, int windowSamples, int hop) {
            int stride = block.framing().stride();
            int used = Math.min(block.framing().length(), rows.work().fftLength());
            int grid = java.math.BigInteger.valueOf(stride).gcd(java.math.BigInteger.valueOf(hop)).intValue();
            int slots = (windowSamples - used) / grid + 1;
            int prefix = block.circularPrefixSamples();
            int prefixFrames = prefix == 0 ? 0 : (prefix + stride - 1) / stride;
            int span = prefixFrames == 0 ? 0 : (prefixFrames - 1) * stride + used;
            int pending = prefixFrames == 0 ? 0 : Math.max(0, windowSamples - span) / hop + 1;
            int history = Integer.highestOneBit(Math.max(Math.max(used + rows.preShift(), span), 2) - 1) << 1;
            return new StreamLayout(used, rows.preShift(), grid, slots, prefixFrames, span, pending, history);
        }
    }

    /**
     * The streaming layout {@link #generate(DspBlock, int, int, String)} emits for these settings (the cost and RAM
     * estimates of {@code deploy.profile} read it).
     */
    public static StreamLayout streamLayout(DspBlock block, int windowSamples, int sliceSamples) {
        int hop = sliceSamples > 0 ? sliceSamples : windowSamples;
        return StreamLayout.of((FramewiseBlock) block, rowSource(block), windowSamples, hop);
    }

    /**
     * What the C of {@code block} (mfcc, mfe, spectrogram) computes per row and window, for cost and RAM estimates.
     *
     * @throws UnsupportedOperationException for a block without a framewise C form, naming it
     */
    public static FrameRowWork frameRowWork(DspBlock block) {
        return rowSource(block).work();
    }

    /** Frame length in samples of a framewise block. */
    static int frameLength(FramewiseBlock block) {
        return block.framing().length();
    }

    private static FrameRowCSource rowSource(DspBlock block) {
        return DspCEmitters.framewise(block).orElseThrow(() -> new UnsupportedOperationException("DSP block '"
                + block.name() + "' cannot be exported to C yet; supported: " + String.join(", ",
                        java.util.stream.Stream.concat(DspCEmitters.framewiseNames().stream(),
                                DspCEmitters.sensorNames().stream()).toList())));
    }

    private static String banner(DspBlock block, FrameRowCSource rows, int windowSamples, int frames,
                                 int coefficients, String source) {
        return "/*\n"
                + " * Generated by LittleBrain (littlebrain deploy --project) from "
                + CArrays.comment(source) + ".\n"
                + " * DSP block " + CArrays.comment(rows.description()) + ",\n"
                + " * " + fmt(block.signal().samplingFrequency()) + " Hz, window " + windowSamples + " samples -> "
                + frames + " frames x " + coefficients + " features.\n"
                + " * Equals dev.littlebrain.dsp (same tables, same order of operations) within 1e-4 relative; with\n"
                + " * -DLB_DSP_DOUBLE_PRECISION bit for bit. Build without -ffast-math; multiply-add contraction\n"
                + " * (e.g. -std=gnu99 on FMA hardware) moves results by a few ulps.\n"
                + " * Do not edit: re-run the export instead.\n"
                + " */\n";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    private static String header(String banner, DspBlock block, int windowSamples, int frames, int coefficients,
                                 int hop) {
        return banner
                + "#ifndef LB_DSP_H\n"
                + "#define LB_DSP_H\n\n"
                + "#include <stddef.h>\n#include <stdint.h>\n\n"
                + "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n"
                + "#define LB_DSP_SAMPLE_RATE " + fmt(block.signal().samplingFrequency()) + "\n"
                + "#define LB_DSP_WINDOW_SAMPLES " + windowSamples + "\n"
                + "#define LB_DSP_FRAMES " + frames + "\n"
                + "#define LB_DSP_COEFFICIENTS " + coefficients + "\n"
                + "#define LB_DSP_FEATURES " + (frames * coefficients) + "\n\n"
                + "/* Streaming produces a window every LB_DSP_HOP_SAMPLES samples (the impulse's slice). */\n"
                + "#define LB_DSP_HOP_SAMPLES " + hop + "\n\n"
                + """
                /* Input: audio as int16 samples (Edge Impulse's blocks see the same values as floats). Output:
                 * LB_DSP_FEATURES floats, frame-major. Not reentrant: static buffers. */

                /* Samples pulled on demand, as Edge Impulse's signal_t: get_data copies samples
                 * [offset, offset + length) into out and returns 0, or nonzero to abort. */
                typedef struct lb_signal {
                    size_t total_length;
                    int (*get_data)(const struct lb_signal *signal, size_t offset, size_t length, int16_t *out);
                    const void *context; /* for get_data: the caller's buffer, file, ... */
                } lb_signal_t;

                /* A signal over n samples in memory (no copy: they must outlive the signal). */
                void lb_signal_from_buffer(lb_signal_t *signal, const int16_t *samples, size_t n);

                /* Features of one window: signal->total_length must be LB_DSP_WINDOW_SAMPLES. Pulls each frame's
                 * samples as it needs them (no copy of the window). Returns 0, or -1 (nothing written) for another
                 * length or when get_data fails. Shares the streaming state: restarts the stream. */
                int lb_dsp_process(const lb_signal_t *signal, float *features);

                /* Forgets the stream: the next window starts filling from nothing. */
                void lb_dsp_stream_reset(void);

                /* Appends n samples (any count) and computes the frames they complete. Returns 1 when a window ended
                 * within them (stream position a multiple of LB_DSP_HOP_SAMPLES, at least LB_DSP_WINDOW_SAMPLES) with
                 * the features of the newest such window, else 0 (features untouched). */
                int lb_dsp_stream_push(const int16_t *samples, size_t n, float *features);

                """
                + "#ifdef __cplusplus\n}\n#endif\n\n"
                + "#endif /* LB_DSP_H */\n";
    }

    private static String source(String banner, FramewiseBlock block, FrameRowCSource rows, int windowSamples,
                                 int frames, int hop) {
        StreamLayout layout = StreamLayout.of(block, rows, windowSamples, hop);
        int fftLength = rows.work().fftLength();
        return banner
                + """
                #include "lb_dsp.h"

                #include <math.h>
                #include <stdint.h>
                #include <string.h>

                /* Default: the FFT in integers (block floating point, see lb_rfft_q) and the rest in float, which a
                 * Cortex-M4F's FPU does in hardware; within 1e-4 of the Java DSP. LB_DSP_DOUBLE_PRECISION: the Java
                 * DSP's double arithmetic in its order, bit for bit (slow on a single-precision FPU). */
                #ifdef LB_DSP_DOUBLE_PRECISION
                typedef double lb_real;
                #define LB_R(x) (x)
                #define LB_LOG(x) log(x)
                #define LB_LOG10(x) log10(x)
                #define LB_RINT(x) rint(x)
                #else
                typedef float lb_real;
                #define LB_R(x) ((float) (x))
                #define LB_LOG(x) logf(x)
                #define LB_LOG10(x) log10f(x)
                #define LB_RINT(x) rintf(x)
                #endif

                """
                + "#define LB_WINDOW_SAMPLES LB_DSP_WINDOW_SAMPLES\n"
                + "#define LB_FRAME_LENGTH " + block.framing().length() + "\n"
                + "#define LB_FRAME_STRIDE " + block.framing().stride() + "\n"
                + "/* Samples of a frame that reach the FFT: frames are cropped or zero-padded to fft_length. */\n"
                + "#define LB_FRAME_USED " + layout.frameUsed() + "\n"
                + "/* Samples before a frame that its pre-emphasis reads. */\n"
                + "#define LB_PRE_SHIFT " + layout.preShift() + "\n"
                + "#define LB_HOP LB_DSP_HOP_SAMPLES\n"
                + "/* Frames of the windows streaming produces start at multiples of LB_GRID = gcd(stride, hop); the\n"
                + " * row of the frame at p lives in slot (p / LB_GRID) mod LB_ROW_SLOTS, enough for one window. */\n"
                + "#define LB_GRID " + layout.grid() + "\n"
                + "#define LB_ROW_SLOTS " + layout.rowSlots() + "\n"
                + "/* Frames whose pre-emphasis reads the window's end (circular, np.roll): recomputed per window from\n"
                + " * the window's first LB_PREFIX_SPAN samples, kept for the LB_PENDING windows still to come. */\n"
                + "#define LB_PREFIX_FRAMES " + layout.prefixFrames() + "\n"
                + "#define LB_PREFIX_SPAN " + layout.prefixSpan() + "\n"
                + "#define LB_PENDING " + layout.pending() + "\n"
                + "/* The last samples (a power of two): enough for a frame and its pre-emphasis. */\n"
                + "#define LB_HISTORY " + layout.history() + "\n\n"
                + rows.tables()
                + "/* speechpy multiplies by 1.0 / fft_points rather than dividing; keep that rounding. */\n"
                + "#define LB_POWER_SCALE LB_R(" + CArrays.real(1.0 / fftLength) + ")\n\n"
                + """
                #ifdef LB_DSP_DOUBLE_PRECISION
                static void lb_power(const double *frame, double *power)
                {
                    static double re[LB_FFT_BINS];
                    static double im[LB_FFT_BINS];
                    int k;
                    lb_rfft(frame, re, im);
                    for (k = 0; k < LB_FFT_BINS; k++) {
                        power[k] = LB_POWER_SCALE * (re[k] * re[k] + im[k] * im[k]);
                    }
                }
                #else
                /* The power spectrum of frame * 2^exponent (frame in int32), rounded to float per bin (a relative 6e-8,
                 * harmless to the logs that follow, unlike an FFT's error, which is relative to the whole frame). */
                static inline void lb_power_q(const int32_t *frame, int exponent, float *power)
                {
                    static int32_t re[LB_FFT_BINS];
                    static int32_t im[LB_FFT_BINS];
                    float scale = ldexpf(1.0f, lb_rfft_q(frame, re, im) + exponent);
                    int k;
                    for (k = 0; k < LB_FFT_BINS; k++) {
                        float a = (float) re[k] * scale;
                        float b = (float) im[k] * scale;
                        power[k] = LB_POWER_SCALE * (a * a + b * b);
                    }
                }
                #endif

                """
                + rows.frameRow()
                + rows.finish(frames)
                + WindowCSource.emit(layout);
    }
}
