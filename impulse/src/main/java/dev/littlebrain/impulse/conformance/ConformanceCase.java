package dev.littlebrain.impulse.conformance;

import java.util.Locale;

/**
 * One conformance model run in the LittleBrain runtime against TensorFlow Lite Micro's recorded outputs.
 *
 * @param model              the case's folder name
 * @param ops                operators in the main subgraph
 * @param arenaBytes         the planned tensor arena
 * @param greedyArenaBytes   the arena a greedy (TFLM-style) plan needs
 * @param macs               multiply-accumulates per inference
 * @param microsPerInference a quick timing of one inference (the JMH benchmark gives the careful one)
 * @param examples           recorded input/output pairs
 * @param exact              of them, outputs equal byte for byte
 * @param floatModel         whether the outputs are float32 (then a difference up to {@link #FLOAT_TOLERANCE} passes)
 * @param worstFloatDiff     the largest difference of a float output that was not byte-identical
 */
public record ConformanceCase(String model, int ops, int arenaBytes, int greedyArenaBytes, long macs,
        double microsPerInference, int examples, int exact, boolean floatModel, double worstFloatDiff) {

    /** Float models agree with TFLite within this (architecture.md's contract); int8 models to the bit. */
    public static final double FLOAT_TOLERANCE = 1e-5;

    public boolean passed() {
        return exact == examples || (floatModel && worstFloatDiff <= FLOAT_TOLERANCE);
    }

    /** "PASS 3/3 byte-identical", with the float difference where not every output was identical. */
    public String verdict() {
        return (passed() ? "PASS " : "FAIL ") + exact + "/" + examples + " byte-identical"
                + (floatModel && exact < examples
                        ? String.format(Locale.ROOT, ", rest within %.1e", worstFloatDiff) : "");
    }
}
