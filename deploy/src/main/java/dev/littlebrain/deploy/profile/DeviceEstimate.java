package dev.littlebrain.deploy.profile;

import dev.littlebrain.runtime.ModelSummary;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TfliteWriter;
import java.util.Optional;

/**
 * RAM, flash and latency of a model on a board, for LittleBrain's standalone C (no interpreter):
 * RAM is the tensor arena from our planner plus the input window buffer and a stack allowance
 * (measured high-water on the emulated Cortex-M4 is ≈ 150 B for the kernels, rounded up to 1 KiB);
 * flash is the weights plus the kernel code (measured 2.5–7.5 KB for the conformance models, taken as
 * 8 KiB); latency comes from {@link LatencyModel}. When the board's core can be built with
 * arm-none-eabi-gcc, {@link ArmFootprint} replaces the flash and static-RAM allowances with measured
 * figures ({@code measured}). For TensorFlow Lite Micro builds, add its interpreter (tens of KB of flash)
 * and the flatbuffer itself.
 *
 * <p>With an impulse's front end ({@link FrontEndEstimate}: the streaming DSP and the classifier wrapper) the
 * DSP keeps the window itself, so no separate window buffer is counted; its RAM and flash are added, and in
 * continuous mode one DSP update plus one inference must fit in a slice. A core without an FPU runs the DSP's
 * float arithmetic in software, 12–29 times the instructions (measured, see {@link DspLatencyModel}).
 *
 * @param windowBytes the input buffer a continuous application keeps (e.g. 1 s of int16 audio); 0 with a front end
 * @param sliceMs the deadline in continuous mode: one update and inference must finish within a slice
 * @param dspInstructions instructions of one streaming DSP update, 0 without a front end
 * @param dspMs their time on the board
 * @param dspRamBytes static RAM of the DSP and wrapper, 0 without a front end
 * @param dspFlashBytes their code and tables, 0 without a front end
 */
public record DeviceEstimate(Board board, int arenaBytes, int windowBytes, int stackBytes, int ramBytes,
        long weightsBytes, int codeBytes, long flashBytes, long modelFileBytes, long instructions,
        double inferenceMs, double sliceMs, boolean measured, long dspInstructions, double dspMs, long dspRamBytes,
        long dspFlashBytes) {

    static final int STACK_ALLOWANCE = 1024;
    static final int CODE_ALLOWANCE = 8 * 1024;

    public static DeviceEstimate of(Model model, Board board, int windowBytes, double sliceMs) {
        return of(model, board, windowBytes, sliceMs, Optional.empty());
    }

    /** With a measured footprint (flash; static RAM = arena + I/O buffers), else the allowances. */
    public static DeviceEstimate of(Model model, Board board, int windowBytes, double sliceMs,
            Optional<ArmFootprint.Footprint> footprint) {
        return of(model, board, windowBytes, sliceMs, footprint, Optional.empty());
    }

    /**
     * With an impulse's front end: {@code frontEnd} replaces the window buffer and adds the DSP's time, RAM and
     * flash; measured or estimated as it says.
     */
    public static DeviceEstimate of(Model model, Board board, int windowBytes, double sliceMs,
            Optional<ArmFootprint.Footprint> footprint, Optional<FrontEndEstimate> frontEnd) {
        ModelSummary summary = ModelSummary.of(model);
        long instructions = LatencyModel.instructions(model);
        int staticRam = footprint.map(f -> (int) f.ramBytes()).orElse(summary.arenaBytes());
        long flash = footprint.map(ArmFootprint.Footprint::flashBytes).orElse(summary.weightsBytes() + CODE_ALLOWANCE);
        int code = (int) Math.max(0, flash - summary.weightsBytes());
        int window = frontEnd.isPresent() ? 0 : windowBytes;
        long dspInstructions = frontEnd.map(f -> f.instructionsOn(board)).orElse(0L);
        long dspRam = frontEnd.map(FrontEndEstimate::ramBytes).orElse(0L);
        long dspFlash = frontEnd.map(FrontEndEstimate::flashBytes).orElse(0L);
        return new DeviceEstimate(board, summary.arenaBytes(), window, STACK_ALLOWANCE,
                (int) (staticRam + window + STACK_ALLOWANCE + dspRam), summary.weightsBytes(), code, flash + dspFlash,
                TfliteWriter.write(model).length, instructions, LatencyModel.milliseconds(instructions, board), sliceMs,
                footprint.isPresent(), dspInstructions, LatencyModel.milliseconds(dspInstructions, board), dspRam,
                dspFlash);
    }

    public boolean fitsRam() {
        return ramBytes <= board.ramKb() * 1024L;
    }

    public boolean fitsFlash() {
        return flashBytes <= board.flashKb() * 1024L;
    }

    /** Whether one DSP update and one inference finish within a slice (0 = no continuous deadline given). */
    public boolean meetsDeadline() {
        return sliceMs <= 0 || dspMs + inferenceMs <= sliceMs;
    }

    /** Whether an impulse's DSP front end is included. */
    public boolean hasFrontEnd() {
        return dspInstructions > 0;
    }
}
