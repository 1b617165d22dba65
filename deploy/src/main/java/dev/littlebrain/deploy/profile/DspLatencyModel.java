package dev.littlebrain.deploy.profile;

import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.FramewiseBlock;
import dev.littlebrain.dsp.blocks.Framing;
import dev.littlebrain.dsp.blocks.MfccBlock;
import dev.littlebrain.dsp.blocks.MfeBlock;
import dev.littlebrain.dsp.blocks.SpectrogramBlock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Instructions of one streaming update of the exported DSP ({@code lb_dsp_stream_push}, default precision):
 * the frame rows the update must compute, times a cost per row, plus a cost per output value for the
 * window-level step (sliding CMVN for MFCC, normalisation and clamping for MFE and spectrogram).
 *
 * <p>Which rows an update computes follows the exported code's row cache exactly: a row is reused when a frame
 * with the same absolute start sample was computed for an earlier window that still holds it, and rows that
 * depend on the window's end (the circular pre-emphasis prefix) are always recomputed. So a 250 ms slice with a
 * 20 ms stride (12.5 frames) reuses the rows of the window two slices back and computes 25 new ones per update;
 * {@link #rowsPerUpdate} simulates that rather than assuming it.
 *
 * <p>A row costs {@code a·N·log2 N + b·L} instructions (N the FFT length, L the frame length): the FFT plus
 * the per-sample framing, windowing and spectrum work. The coefficients per block were fitted to instruction
 * counts of the generated C on the emulated Cortex-M4F ({@code arm-none-eabi-gcc -O2}, QEMU {@code -icount},
 * {@code DspLatencyModelTest}, which checks them against fresh measurements of default and non-default
 * settings). MFCC rows are the dearest because its default FFT and DCT run in float-float arithmetic to stay
 * within the 1e-4 feature contract on a single-precision FPU. Other cores scale with their clock and CPI, as
 * for the network.
 */
public final class DspLatencyModel {
    /**
     * Per-block coefficients: per FFT unit N·log2 N, per frame sample, per output value; and how many times more
     * instructions the same C takes on a core without a floating-point unit (measured: Cortex-M3 soft-float
     * under QEMU {@code mps2-an385} over the M4F; a Cortex-M0+'s Thumb-1 needs at least as many).
     */
    record Coefficients(double perFftUnit, double perFrameSample, double perFeature, double softFloatFactor) {
    }

    static final Coefficients MFCC = new Coefficients(46.5, 77, 150, 23.2);
    /** The sliding CMVN of MFCC (win_size > 0) per output value, on top of {@link #MFCC}'s. */
    static final double MFCC_CMVN_PER_FEATURE = 4035;
    static final Coefficients MFE = new Coefficients(10.4, 54, 9, 11.7);
    static final Coefficients SPECTROGRAM = new Coefficients(46, 17, 11, 29.4);

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
        Coefficients c = coefficients.get();
        int fft = fftLength(block);
        double cmvn = block instanceof MfccBlock b && b.config().winSize() > 0 ? MFCC_CMVN_PER_FEATURE : 0;
        FramewiseBlock framewise = (FramewiseBlock) block;
        double rows = rowsPerUpdate(framewise.framing(), framewise.circularPrefixSamples(), windowSamples, sliceSamples);
        double perRow = c.perFftUnit() * fft * log2(fft) + c.perFrameSample() * framewise.framing().length();
        long features = block.outputShape(windowSamples).size();
        return Optional.of(Math.round(rows * perRow + features * (c.perFeature() + cmvn)));
    }

    /** How many times more instructions {@code block}'s C takes without an FPU; empty for a block with no C form. */
    public static Optional<Double> softFloatFactor(DspBlock block) {
        return coefficients(block).map(Coefficients::softFloatFactor);
    }

    private static Optional<Coefficients> coefficients(DspBlock block) {
        if (block instanceof MfccBlock) {
            return Optional.of(MFCC);
        }
        if (block instanceof MfeBlock) {
            return Optional.of(MFE);
        }
        if (block instanceof SpectrogramBlock) {
            return Optional.of(SPECTROGRAM);
        }
        return Optional.empty();
    }

    /** The FFT length of an exported block (mfcc, mfe, spectrogram). */
    static int fftLength(DspBlock block) {
        if (block instanceof MfccBlock b) {
            return b.config().fftLength();
        }
        if (block instanceof MfeBlock b) {
            return b.config().fftLength();
        }
        return ((SpectrogramBlock) block).config().fftLength();
    }

    /**
     * Frame rows one streaming update computes, averaged over the updates after the first window (the pattern
     * repeats with the period of slice and stride): frames whose absolute start no earlier window computed,
     * plus the frames in the circular prefix.
     */
    static double rowsPerUpdate(Framing framing, int circularPrefix, int windowSamples, int sliceSamples) {
        if (sliceSamples <= 0 || windowSamples <= 0) {
            throw new IllegalArgumentException("window and slice must be positive");
        }
        int frames = framing.frameCount(windowSamples);
        int warmUp = (windowSamples + sliceSamples - 1) / sliceSamples;
        int measured = 64;
        Set<Long> computed = new HashSet<>();
        long rows = 0;
        for (int update = 0; update < warmUp + measured; update++) {
            long windowStart = (long) update * sliceSamples;
            for (int t = 0; t < frames; t++) {
                int start = t * framing.stride();
                boolean fresh = start < circularPrefix || computed.add(windowStart + start);
                if (fresh && update >= warmUp) {
                    rows++;
                }
            }
            // Frames that left the window are never asked for again; forgetting them keeps the set small.
            computed.removeIf(s -> s < windowStart);
        }
        return rows / (double) measured;
    }

    private static double log2(int n) {
        return Math.log(n) / Math.log(2);
    }
}
