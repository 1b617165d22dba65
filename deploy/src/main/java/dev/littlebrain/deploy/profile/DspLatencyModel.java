package dev.littlebrain.deploy.profile;

import dev.littlebrain.deploy.dsp.DspCGenerator;
import dev.littlebrain.deploy.dsp.FrameRowWork;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.FramewiseBlock;
import java.util.Map;
import java.util.Optional;

/**
 * Instructions of one steady-state streaming update of the exported DSP ({@code lb_dsp_stream_push}, default
 * precision: integer FFT, float elsewhere), following the structure of the generated C:
 *
 * <ul>
 * <li>the frame rows the update computes, read from the layout the generator emits
 * ({@link DspCGenerator.StreamLayout#rowsPerUpdate}): one per {@code gcd(stride, slice)} samples (rows on the grids
 * of all the windows to come: 25 for a 250 ms slice with a 20 ms stride, whose windows alternate between two
 * grids), plus the frames whose circular pre-emphasis reads the window's end, recomputed per window;</li>
 * <li>per row: the FFT ({@code a·N·log2 N + b·N}, N the FFT length), the spectrum, mel and log work per bin and
 * per filter, MFCC's DCT per filter and cepstrum, and the history copy and call overhead;</li>
 * <li>per window: MFCC's sliding CMVN (per coefficient, per window row and per frame: exact integer running
 * sums), or a plain copy per output value;</li>
 * <li>per sample pushed: the copy into the int16 history ring and the push loop.</li>
 * </ul>
 *
 * <p>The coefficients were fitted to instruction counts of the generated C on the emulated Cortex-M4F
 * ({@code arm-none-eabi-gcc -O2}, QEMU {@code -icount}, speech-level noise), function by function, and
 * {@code DspLatencyModelTest} checks the totals against fresh measurements of default and non-default settings
 * (within 15 %). Other cores scale with their clock and CPI, as for the network; cores without an FPU take the
 * block's {@link #softFloatFactor}.
 */
public final class DspLatencyModel {
    /**
     * Per-block coefficients: instructions per spectrum bin (power, and MFCC's per-bin pre-emphasis; the mel
     * weights and spectrogram's log are per bin too), per mel filter (the log, MFE's dB scaling and clamping), per
     * DCT multiply-add (filters × cepstra), per output value of the window step; and how many times more
     * instructions the same C takes on a core without a floating-point unit (measured: Cortex-M3 soft-float under
     * QEMU {@code mps2-an385} over the M4F, default settings; a Cortex-M0+'s Thumb-1 needs at least as many).
     */
    record Coefficients(double perBin, double perFilter, double perDctTerm, double perFeature,
                        double softFloatFactor) {
    }

    static final Coefficients MFCC = new Coefficients(70.0, 16.0, 4, 4.2, 6.6);
    static final Coefficients MFE = new Coefficients(42.2, 328, 0, 4.2, 6.4);
    static final Coefficients SPECTROGRAM = new Coefficients(138.5, 0, 0, 4.2, 5.9);
    /** The fitted coefficients by block name: a block without them has no estimate. */
    private static final Map<String, Coefficients> BY_BLOCK = Map.of("mfcc", MFCC, "mfe", MFE,
            "spectrogram", SPECTROGRAM);

    /** The FFT: per N·log2 N (the butterflies) and per point (normalising, bit reversal, the real split). */
    static final double FFT_PER_BUTTERFLY_UNIT = 6.32;
    static final double FFT_PER_POINT = 35.5;
    /** Per row beyond its spectrum: copying the frame out of the history ring, calls. */
    static final double PER_ROW = 300;
    /** MFCC's sliding CMVN, per coefficient: per row of the CMVN window (the sums' start) and per frame. */
    static final double CMVN_PER_WINDOW_ROW = 17.8;
    static final double CMVN_PER_FRAME = 127.5;
    /** Per sample pushed: the copy into the history ring and the push loop's bookkeeping. */
    static final double PER_SAMPLE = 5;

    private DspLatencyModel() {
    }

    /**
     * Instructions of one steady-state streaming update of {@code sliceSamples} for {@code block} over a window of
     * {@code windowSamples}, or empty for a block that has no exported C form.
     */
    public static Optional<Long> instructionsPerUpdate(DspBlock block, int windowSamples, int sliceSamples) {
        Optional<Coefficients> coefficients = coefficients(block);
        if (coefficients.isEmpty()) {
            return Optional.empty();
        }
        if (sliceSamples <= 0 || windowSamples <= 0) {
            throw new IllegalArgumentException("window and slice must be positive");
        }
        Coefficients c = coefficients.get();
        FramewiseBlock framewise = (FramewiseBlock) block;
        DspCGenerator.StreamLayout layout = DspCGenerator.streamLayout(block, windowSamples, sliceSamples);
        FrameRowWork work = DspCGenerator.frameRowWork(block);
        int fft = work.fftLength();
        int bins = fft / 2 + 1;
        int filters = work.melFilters();
        int dctTerms = filters * work.cepstra();
        double perRow = FFT_PER_BUTTERFLY_UNIT * fft * log2(fft) + FFT_PER_POINT * fft + c.perBin() * bins
                + c.perFilter() * filters + c.perDctTerm() * dctTerms + PER_ROW;
        int frames = block.outputShape(windowSamples).frames();
        int coefficientsPerFrame = framewise.coefficientsPerFrame();
        double window = work.cmvnWindow() > 0
                ? coefficientsPerFrame * (CMVN_PER_WINDOW_ROW * work.cmvnWindow() + CMVN_PER_FRAME * frames)
                : c.perFeature() * frames * coefficientsPerFrame;
        return Optional.of(Math.round(layout.rowsPerUpdate(sliceSamples) * perRow + window
                + PER_SAMPLE * sliceSamples));
    }

    /** How many times more instructions {@code block}'s C takes without an FPU; empty for a block with no C form. */
    public static Optional<Double> softFloatFactor(DspBlock block) {
        return coefficients(block).map(Coefficients::softFloatFactor);
    }

    private static Optional<Coefficients> coefficients(DspBlock block) {
        return Optional.ofNullable(BY_BLOCK.get(block.name()));
    }

    private static double log2(int n) {
        return Math.log(n) / Math.log(2);
    }
}
