package dev.littlebrain.deploy.dsp;

import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.FramewiseBlock;
import dev.littlebrain.dsp.blocks.MfccBlock;
import dev.littlebrain.dsp.blocks.MfeBlock;
import dev.littlebrain.dsp.blocks.SpectrogramBlock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The impulse's DSP block as plain C99 ({@code lb_dsp.h}, {@code lb_dsp.c}) with its parameters baked
 * in: batch ({@code lb_dsp_process}, one window) and streaming ({@code lb_dsp_stream_push}, one slice;
 * only frames not seen before are computed, as {@code StreamingFeatures} does). No malloc: static
 * buffers sized for the window. Tables (FFT twiddles, mel filterbank, DCT) are taken from the Java
 * block itself, and the arithmetic repeats the Java order of operations.
 *
 * <p>Precision, chosen at compile time: by default everything runs in float, which a Cortex-M4F's FPU does in
 * hardware, except that MFCC's pre-emphasis and FFT and the spectrogram's FFT run in float-float (hi + lo pairs of
 * floats, error-free sums and fmaf products) and MFCC keeps its rows (ln energy, CMVN input) in double: a float32
 * FFT's error, about 1e-7 of the frame's norm, put the weakest bins (low bands of loud pre-emphasised frames, bins
 * 100 dB below a tone) up to 2e-3 off, past the 1e-4 contract, and CMVN magnifies the rounding of c0 = ln energy;
 * measured on gcc and the M4 in DspCGeneratorTest and CortexM4DspTest (also with FMA contraction). MFE is float
 * throughout (its 8-bit cells hide the FFT error). {@code -DLB_DSP_DOUBLE_PRECISION}: everything in double, bit-identical
 * to Java. {@code -DLB_DSP_SINGLE_PRECISION}: everything in float, fastest, outside the contract.
 *
 * <pre>{@code
 * Map<String, String> files = DspCGenerator.generate(block, 16000, "impulse.yaml");
 * }</pre>
 */
public final class DspCGenerator {
    public static final String HEADER = "lb_dsp.h";
    public static final String SOURCE = "lb_dsp.c";

    private DspCGenerator() {
    }

    /** Most frame grids the streaming cache keeps apart; more would cost RAM for rarely useful slice sizes. */
    static final int MAX_GRID_PHASES = 4;

    /**
     * @param block         an mfcc, mfe or spectrogram block (power-of-two fft_length); a sensor block
     *                      (spectral-analysis, raw, trajectory) goes to {@link SensorDspCGenerator}
     * @param windowSamples samples per window (the impulse's window; per axis for a sensor block)
     * @param sliceSamples  samples per streaming push the device will use, or 0 when unknown: it sizes the
     *                      frame cache so that alternating frame grids are both kept (e.g. MFCC's 20 ms
     *                      stride with 250 ms slices); other push sizes stay exact but reuse fewer frames
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
        String banner = banner(block, rows, windowSamples, frames, coefficients, source);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(HEADER, header(banner, block, windowSamples, frames, coefficients));
        files.put(SOURCE, source(banner, framewise, rows, frames,
                gridPhases(framewise.framing().stride(), sliceSamples)));
        return files;
    }

    /** {@link #generate(DspBlock, int, int, String)} for an unknown slice length (one frame grid cached). */
    public static Map<String, String> generate(DspBlock block, int windowSamples, String source) {
        return generate(block, windowSamples, 0, source);
    }

    /**
     * Distinct frame grids that pushes of {@code slice} samples visit: stride / gcd(stride, slice), or 1
     * when the slice is unknown or would need more than {@link #MAX_GRID_PHASES}.
     */
    static int gridPhases(int stride, int slice) {
        if (slice <= 0) {
            return 1;
        }
        int phases = stride / java.math.BigInteger.valueOf(stride).gcd(java.math.BigInteger.valueOf(slice)).intValue();
        return phases <= MAX_GRID_PHASES ? phases : 1;
    }

    private static FrameRowCSource rowSource(DspBlock block) {
        if (block instanceof MfccBlock b) {
            return new MfccCSource(b);
        }
        if (block instanceof MfeBlock b) {
            return new MfeCSource(b);
        }
        if (block instanceof SpectrogramBlock b) {
            return new SpectrogramCSource(b);
        }
        throw new UnsupportedOperationException("DSP block '" + block.name() + "' cannot be exported to C yet;"
                + " supported: mfcc, mfe, spectrogram, spectral-analysis, raw, trajectory");
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
                + " * -DLB_DSP_DOUBLE_PRECISION bit for bit. Build as C99 (-std=c99 implies -ffp-contract=off) without\n"
                + " * -ffast-math; multiply-add contraction (e.g. -std=gnu99 on FMA hardware) moves results by a few ulps.\n"
                + " * Do not edit: re-run the export instead.\n"
                + " */\n";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    private static String header(String banner, DspBlock block, int windowSamples, int frames, int coefficients) {
        return banner
                + "#ifndef LB_DSP_H\n"
                + "#define LB_DSP_H\n\n"
                + "#include <stddef.h>\n\n"
                + "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n"
                + "#define LB_DSP_SAMPLE_RATE " + fmt(block.signal().samplingFrequency()) + "\n"
                + "#define LB_DSP_WINDOW_SAMPLES " + windowSamples + "\n"
                + "#define LB_DSP_FRAMES " + frames + "\n"
                + "#define LB_DSP_COEFFICIENTS " + coefficients + "\n"
                + "#define LB_DSP_FEATURES " + (frames * coefficients) + "\n\n"
                + "/* Input: audio as int16 sample values in float (-1234.0f, not -0.0377f), as Edge Impulse feeds its\n"
                + " * blocks. Output: LB_DSP_FEATURES floats, frame-major. Not reentrant: static buffers. */\n\n"
                + "/* Features of one window of LB_DSP_WINDOW_SAMPLES samples. Returns 0, or -1 (nothing written)\n"
                + " * when a sample is NaN or infinite. */\n"
                + "int lb_dsp_process(const float *window, float *features);\n\n"
                + "/* Forgets the stream: the next window starts filling from nothing. */\n"
                + "void lb_dsp_stream_reset(void);\n\n"
                + "/* Appends n samples (any count) and computes only frames not seen before. Returns 1 with the\n"
                + " * features of the newest window, 0 while the first window is filling, -1 (stream unchanged) for\n"
                + " * a NaN or infinite sample. Slices that are a multiple of the frame stride reuse the most frames. */\n"
                + "int lb_dsp_stream_push(const float *slice, size_t n, float *features);\n\n"
                + "#ifdef __cplusplus\n}\n#endif\n\n"
                + "#endif /* LB_DSP_H */\n";
    }

    private static String source(String banner, FramewiseBlock block, FrameRowCSource rows, int frames,
                                 int phases) {
        int frameLength = block.framing().length();
        int stride = block.framing().stride();
        int fftLength = fftLength(block);
        return banner
                + """
                #include "lb_dsp.h"

                #include <math.h>
                #include <stdint.h>
                #include <string.h>

                """
                + "/* 1: this block's default computes the frame and FFT in float-float (see below), 0: float. */\n"
                + "#define LB_FFT_DEFAULT_FLOAT_FLOAT " + (rows.needsFloatFloatFft() ? 1 : 0) + "\n"
                + "/* 1: this block's default keeps the rows (lb_row_real) in double, 0: float. */\n"
                + "#define LB_ROW_DEFAULT_DOUBLE " + (rows.needsDoubleRows() ? 1 : 0) + "\n\n"
                + """
                /* The frame and FFT: lb_fft_real, or float-float pairs (lb_ff) where LB_FFT_FLOAT_FLOAT; lb_real: the
                 * per-frame arithmetic after the power spectrum (mel, log, DCT, dB); lb_row_real: the rows kept for the
                 * window (MFCC's c0 and CMVN). Default: float, which a single-precision FPU (Cortex-M4F) does in
                 * hardware, with float-float FFT and double rows only where this block needs them for the 1e-4 contract
                 * (LB_*_DEFAULT_*). LB_DSP_DOUBLE_PRECISION: all double, bit-identical to the Java DSP.
                 * LB_DSP_SINGLE_PRECISION: all float, fastest, outside the contract. */
                #if defined(LB_DSP_DOUBLE_PRECISION) && defined(LB_DSP_SINGLE_PRECISION)
                #error "define at most one of LB_DSP_DOUBLE_PRECISION and LB_DSP_SINGLE_PRECISION"
                #endif
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
                #ifdef LB_DSP_DOUBLE_PRECISION
                typedef double lb_fft_real;
                #define LB_F(x) (x)
                #else
                typedef float lb_fft_real;
                #define LB_F(x) ((float) (x))
                #endif
                #if !defined(LB_DSP_DOUBLE_PRECISION) && !defined(LB_DSP_SINGLE_PRECISION) && LB_FFT_DEFAULT_FLOAT_FLOAT
                #define LB_FFT_FLOAT_FLOAT 1
                #else
                #define LB_FFT_FLOAT_FLOAT 0
                #endif
                /* hi + lo, |lo| <= half an ulp of hi: about 48 significant bits from float arithmetic. */
                typedef struct {
                    float hi;
                    float lo;
                } lb_ff;
                #if defined(LB_DSP_DOUBLE_PRECISION) || (!defined(LB_DSP_SINGLE_PRECISION) && LB_ROW_DEFAULT_DOUBLE)
                typedef double lb_row_real;
                #define LB_W(x) (x)
                #define LB_ROW_LOG(x) log(x)
                #else
                typedef float lb_row_real;
                #define LB_W(x) ((float) (x))
                #define LB_ROW_LOG(x) logf(x)
                #endif

                """
                + "#define LB_WINDOW_SAMPLES LB_DSP_WINDOW_SAMPLES\n"
                + "#define LB_FRAME_LENGTH " + frameLength + "\n"
                + "#define LB_FRAME_STRIDE " + stride + "\n"
                + "/* Samples of a frame that reach the FFT: frames are cropped or zero-padded to fft_length. */\n"
                + "#define LB_FRAME_USED " + Math.min(frameLength, fftLength) + "\n"
                + "/* Frames starting below this sample read the window's end (circular pre-emphasis): recomputed\n"
                + " * for every streamed window. */\n"
                + "#define LB_CIRCULAR_PREFIX " + block.circularPrefixSamples() + "\n"
                + "/* Streaming cache: frames are keyed by start / LB_CACHE_UNIT, which tells apart the " + phases + "\n"
                + " * frame grid(s) that pushes of the expected slice length visit; LB_CACHE_SLOTS spans one window. */\n"
                + "#define LB_CACHE_UNIT " + (stride / phases) + "\n"
                + "#define LB_CACHE_SLOTS " + (phases * frames) + "\n\n"
                + rows.tables()
                + "/* speechpy multiplies by 1.0 / fft_points rather than dividing; keep that rounding. */\n"
                + "#define LB_POWER_SCALE LB_F(" + CArrays.real(1.0 / fftLength) + ")\n\n"
                + """
                /* The frame being transformed; samples past LB_FRAME_USED stay zero (zero padding). */
                #if LB_FFT_FLOAT_FLOAT
                static lb_ff lb_frame[LB_FFT_LENGTH];
                #else
                static lb_fft_real lb_frame[LB_FFT_LENGTH];
                #endif
                static lb_row_real lb_rows[LB_DSP_FEATURES];

                /* Window sample i of a ring whose oldest sample is at head. */
                static float lb_at(const float *ring, int head, int i)
                {
                    int j = head + i;
                    return ring[j >= LB_WINDOW_SAMPLES ? j - LB_WINDOW_SAMPLES : j];
                }

                /* The power spectrum is rounded to lb_real only here: a relative rounding of 6e-8 per bin is harmless
                 * to the logs that follow, unlike the FFT's error, which is relative to the whole frame. */
                #if LB_FFT_FLOAT_FLOAT
                static void lb_power(const lb_ff *frame, lb_real *power)
                {
                    static lb_ff re[LB_FFT_BINS];
                    static lb_ff im[LB_FFT_BINS];
                    int k;
                    lb_rfft(frame, re, im);
                    /* The highs alone are each bin to within half an ulp: float from here on. */
                    for (k = 0; k < LB_FFT_BINS; k++) {
                        power[k] = LB_POWER_SCALE * (re[k].hi * re[k].hi + im[k].hi * im[k].hi);
                    }
                }
                #else
                static void lb_power(const lb_fft_real *frame, lb_real *power)
                {
                    static lb_fft_real re[LB_FFT_BINS];
                    static lb_fft_real im[LB_FFT_BINS];
                    int k;
                    lb_rfft(frame, re, im);
                    for (k = 0; k < LB_FFT_BINS; k++) {
                        power[k] = (lb_real) (LB_POWER_SCALE * (re[k] * re[k] + im[k] * im[k]));
                    }
                }
                #endif

                """
                + rows.frameRow()
                + rows.finish()
                + WindowCSource.emit();
    }

    /** {@code static void lb_frame_put(int i, float x)}: frame sample i := x, in the frame's type. */
    static String framePut() {
        return """
                #if LB_FFT_FLOAT_FLOAT
                static void lb_frame_put(int i, float x)
                {
                    lb_frame[i].hi = x;
                    lb_frame[i].lo = 0.0f;
                }
                #else
                static void lb_frame_put(int i, float x)
                {
                    lb_frame[i] = (lb_fft_real) x;
                }
                #endif

                """;
    }

    private static int fftLength(FramewiseBlock block) {
        if (block instanceof MfccBlock b) {
            return b.config().fftLength();
        }
        if (block instanceof MfeBlock b) {
            return b.config().fftLength();
        }
        return ((SpectrogramBlock) block).config().fftLength();
    }
}
