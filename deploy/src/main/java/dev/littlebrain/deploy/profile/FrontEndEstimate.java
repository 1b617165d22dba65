package dev.littlebrain.deploy.profile;

import dev.littlebrain.deploy.dsp.DspCGenerator;
import dev.littlebrain.deploy.dsp.FrameRowWork;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.FramewiseBlock;
import java.util.Optional;

/**
 * What an impulse's exported front end (the streaming DSP and the {@code run_classifier_continuous} wrapper) adds
 * to the model on a device: instructions per streaming update ({@link DspLatencyModel}), static RAM and flash.
 *
 * <p>RAM follows the DSP's static state as the generator lays it out ({@link DspCGenerator#streamLayout}): the
 * int16 history ring, the float rows of the frames the coming windows still need (one slot per grid step of a
 * window), the first samples of the windows whose circular pre-emphasis is still to come and their recomputed
 * rows, one frame of int16 samples, the window's row pointers, and per FFT point the int32 frame, spectrum and
 * float power (and mel energies per filter). MFCC's CMVN keeps no state: its exact integer running sums live on the
 * stack during the window step. On top come the wrapper's float features and the application's float slice (which
 * the measured build holds too). The rule gives 30,424 B for the MFCC keyword spotter (250 ms slices), measured
 * 30,428 B (DSP state alone 11,728 B, {@code CortexM4DspTest}). Flash is a code allowance plus the tables (FFT
 * twiddles and bit reversal, pre-emphasis, mel weights per FFT point; the DCT; CMVN's mirror indices). Without an
 * ARM toolchain RAM and flash come from these rules; with one, {@code profile} measures them from a real build
 * ({@link ArmFootprint#ofImpulse}) and this only supplies the instructions.
 *
 * @param instructionsPerUpdate instructions of one streaming DSP update (default precision, Cortex-M4F)
 * @param softFloatFactor       how many times that a core without an FPU needs
 * @param ramBytes              static RAM of the DSP and the wrapper, with the application's slice
 * @param flashBytes            code and tables of the DSP and the wrapper
 * @param measured              whether RAM and flash come from a build
 */
public record FrontEndEstimate(long instructionsPerUpdate, double softFloatFactor, long ramBytes, long flashBytes,
                               boolean measured) {
    /** The DSP's scalars (stream position, countdowns, slots) and the wrapper's (averages, counters). */
    static final int SCALAR_RAM = 150;
    /** Per FFT point of the DSP's scratch: the int32 frame (4), re and im (4), float power (2): per bin. */
    static final int RAM_PER_FFT_POINT = 10;
    /** Code of the DSP and wrapper, and the maths functions they call, at -O2. */
    static final int CODE_ALLOWANCE = 8 * 1024;
    /** Tables per FFT point: twiddles, bit reversal, pre-emphasis, mel weights. */
    static final int TABLE_BYTES_PER_FFT_POINT = 16;

    /**
     * The front end of {@code block} over {@code windowSamples} in updates of {@code sliceSamples}, from the rules
     * above; empty for a block with no exported C form.
     */
    public static Optional<FrontEndEstimate> of(DspBlock block, int windowSamples, int sliceSamples) {
        Optional<Long> instructions = DspLatencyModel.instructionsPerUpdate(block, windowSamples, sliceSamples);
        if (instructions.isEmpty()) {
            return Optional.empty();
        }
        DspCGenerator.StreamLayout layout = DspCGenerator.streamLayout(block, windowSamples, sliceSamples);
        FrameRowWork work = DspCGenerator.frameRowWork(block);
        int fft = work.fftLength();
        int filters = work.melFilters();
        int frames = block.outputShape(windowSamples).frames();
        int coefficients = ((FramewiseBlock) block).coefficientsPerFrame();
        long dspState = 2L * layout.history()
                + 4L * layout.rowSlots() * coefficients
                + 2L * layout.pending() * layout.prefixSpan() + 4L * layout.prefixFrames() * coefficients
                + 2L * (layout.preShift() + layout.frameUsed())
                + 4L * frames
                + (long) RAM_PER_FFT_POINT * fft + 4L * filters;
        long wrapper = 4L * frames * coefficients;
        long applicationSlice = 4L * sliceSamples;
        long ram = dspState + wrapper + applicationSlice + SCALAR_RAM;
        long tables = (long) TABLE_BYTES_PER_FFT_POINT * fft;
        // The DCT's weights, and CMVN's mirror indices over its window.
        tables += 4L * filters * work.cepstra();
        if (work.cmvnWindow() > 0) {
            tables += 2L * (frames + work.cmvnWindow() - 1);
        }
        return Optional.of(new FrontEndEstimate(instructions.get(), DspLatencyModel.softFloatFactor(block).orElseThrow(),
                ram, CODE_ALLOWANCE + tables, false));
    }

    /** The same instructions with RAM and flash measured from a build. */
    public FrontEndEstimate withMeasured(long measuredRamBytes, long measuredFlashBytes) {
        return new FrontEndEstimate(instructionsPerUpdate, softFloatFactor, measuredRamBytes, measuredFlashBytes, true);
    }

    /** Instructions of one update on {@code board}'s core: the M4F figure, times the soft-float factor without an FPU. */
    public long instructionsOn(Board board) {
        return board.hasFpu() ? instructionsPerUpdate : Math.round(instructionsPerUpdate * softFloatFactor);
    }
}
