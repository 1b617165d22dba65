package dev.littlebrain.deploy.profile;

import dev.littlebrain.runtime.ModelSummary;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TfliteWriter;

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
 * @param windowBytes the input buffer a continuous application keeps (e.g. 1 s of int16 audio)
 * @param sliceMs the deadline in continuous mode: one inference must finish within a slice
 */
public record DeviceEstimate(Board board, int arenaBytes, int windowBytes, int stackBytes, int ramBytes,
        long weightsBytes, int codeBytes, long flashBytes, long modelFileBytes, long instructions,
        double inferenceMs, double sliceMs, boolean measured) {

    static final int STACK_ALLOWANCE = 1024;
    static final int CODE_ALLOWANCE = 8 * 1024;

    public static DeviceEstimate of(Model model, Board board, int windowBytes, double sliceMs) {
        return of(model, board, windowBytes, sliceMs, java.util.Optional.empty());
    }

    /** With a measured footprint (flash; static RAM = arena + I/O buffers), else the allowances. */
    public static DeviceEstimate of(Model model, Board board, int windowBytes, double sliceMs,
            java.util.Optional<ArmFootprint.Footprint> footprint) {
        ModelSummary summary = ModelSummary.of(model);
        long instructions = LatencyModel.instructions(model);
        int staticRam = footprint.map(f -> (int) f.ramBytes()).orElse(summary.arenaBytes());
        long flash = footprint.map(ArmFootprint.Footprint::flashBytes).orElse(summary.weightsBytes() + CODE_ALLOWANCE);
        int code = (int) Math.max(0, flash - summary.weightsBytes());
        return new DeviceEstimate(board, summary.arenaBytes(), windowBytes, STACK_ALLOWANCE,
                staticRam + windowBytes + STACK_ALLOWANCE, summary.weightsBytes(), code, flash,
                TfliteWriter.write(model).length, instructions, LatencyModel.milliseconds(instructions, board), sliceMs,
                footprint.isPresent());
    }

    public boolean fitsRam() {
        return ramBytes <= board.ramKb() * 1024L;
    }

    public boolean fitsFlash() {
        return flashBytes <= board.flashKb() * 1024L;
    }

    /** Whether one inference finishes within a slice (0 = no continuous deadline given). */
    public boolean meetsDeadline() {
        return sliceMs <= 0 || inferenceMs <= sliceMs;
    }
}
