package dev.littlebrain.deploy.profile;

import dev.littlebrain.dsp.blocks.DspBlock;
import java.util.Optional;

/**
 * What an impulse's exported front end (the streaming DSP and the {@code run_classifier_continuous} wrapper) adds
 * to the model on a device: instructions per streaming update ({@link DspLatencyModel}), static RAM and flash.
 *
 * <p>RAM is dominated by the DSP's window of float samples (the ring it recomputes frames from, 64 KB for 1 s
 * at 16 kHz) and two float slices (the application's capture buffer, which the measured build holds too, and the
 * wrapper's accumulator); the rest is per output value (the window's rows, the cache of computed rows, the
 * normalised features, CMVN's float-float sums, the wrapper's copy and the int8 input) and per FFT point (frame,
 * spectrum and scratch). Without an ARM toolchain RAM and flash come from that rule and a code allowance (the
 * rule gives 128 KB for the MFCC keyword spotter, measured 127.7 KB); with one, {@code profile} measures them from
 * a real build ({@link ArmFootprint#ofImpulse}) and this only supplies the instructions.
 *
 * @param instructionsPerUpdate instructions of one streaming DSP update (default precision, Cortex-M4F)
 * @param softFloatFactor       how many times that a core without an FPU needs
 * @param ramBytes              static RAM of the DSP and the wrapper
 * @param flashBytes            code and tables of the DSP and the wrapper
 * @param measured              whether RAM and flash come from a build
 */
public record FrontEndEstimate(long instructionsPerUpdate, double softFloatFactor, long ramBytes, long flashBytes,
                               boolean measured) {
    /** Static RAM per output value of the window (see above). */
    static final int RAM_PER_FEATURE = 40;
    /** Frame, spectrum and FFT scratch per FFT point (float-float complex in MFCC's default). */
    static final int RAM_PER_FFT_POINT = 20;
    /** The C library's state that the DSP's maths functions pull in. */
    static final int LIBRARY_RAM = 1024;
    /** Code of the DSP and wrapper, measured 4–10 KB for the three blocks at -O2, rounded up. */
    static final int CODE_ALLOWANCE = 12 * 1024;
    /** Tables per FFT point: twiddles, bit reversal, window, mel weights. */
    static final int TABLE_BYTES_PER_FFT_POINT = 24;

    /**
     * The front end of {@code block} over {@code windowSamples} in updates of {@code sliceSamples}, from the rules
     * above; empty for a block with no exported C form.
     */
    public static Optional<FrontEndEstimate> of(DspBlock block, int windowSamples, int sliceSamples) {
        Optional<Long> instructions = DspLatencyModel.instructionsPerUpdate(block, windowSamples, sliceSamples);
        if (instructions.isEmpty()) {
            return Optional.empty();
        }
        int fft = DspLatencyModel.fftLength(block);
        long features = block.outputShape(windowSamples).size();
        long ram = 4L * windowSamples + 2 * 4L * sliceSamples + RAM_PER_FEATURE * features + (long) RAM_PER_FFT_POINT * fft
                + LIBRARY_RAM;
        long flash = CODE_ALLOWANCE + (long) TABLE_BYTES_PER_FFT_POINT * fft;
        return Optional.of(new FrontEndEstimate(instructions.get(), DspLatencyModel.softFloatFactor(block).orElseThrow(),
                ram, flash, false));
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
