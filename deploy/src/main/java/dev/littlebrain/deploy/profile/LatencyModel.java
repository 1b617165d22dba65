package dev.littlebrain.deploy.profile;

import dev.littlebrain.runtime.MacCounter;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Operator;
import dev.littlebrain.tflite.Subgraph;

/**
 * Instructions per inference of LittleBrain's standalone C, estimated per operator from its MACs and
 * output size. The coefficients are fitted to instruction counts measured on the emulated Cortex-M4
 * (QEMU {@code -icount}, {@code CortexM4Test}) for the conformance models: convolutions cost about
 * 20 instructions per MAC, fully connected layers about 7, arithmetic elementwise ops (ADD, MUL,
 * pools, clamps) about 40 per output element, TANH/LOGISTIC/SOFTMAX about 250, float conversions about 300, data movement about 2 per element, plus a
 * fixed cost per operator call; within a factor of two of the measurement on every conformance model. They hold for this generator's portable
 * C (no SIMD intrinsics); measure on the device for a final figure.
 */
public final class LatencyModel {
    static final double CONV_INSTRUCTIONS_PER_MAC = 20;
    static final double DENSE_INSTRUCTIONS_PER_MAC = 7;
    static final double MATH_INSTRUCTIONS_PER_ELEMENT = 40;
    /** Fixed-point exp/tanh/logistic and float conversions cost far more per element. */
    static final double TRANSCENDENTAL_INSTRUCTIONS_PER_ELEMENT = 250;
    static final double FLOAT_CONVERSION_INSTRUCTIONS_PER_ELEMENT = 300;
    static final double MOVE_INSTRUCTIONS_PER_ELEMENT = 2;
    static final double CALL_INSTRUCTIONS = 400;
    private static final java.util.Set<BuiltinOperator> DATA_MOVEMENT = java.util.EnumSet.of(BuiltinOperator.RESHAPE,
            BuiltinOperator.EXPAND_DIMS, BuiltinOperator.SQUEEZE, BuiltinOperator.SHAPE, BuiltinOperator.STRIDED_SLICE,
            BuiltinOperator.PACK, BuiltinOperator.CONCATENATION, BuiltinOperator.PAD, BuiltinOperator.PADV2,
            BuiltinOperator.TRANSPOSE);

    private LatencyModel() {
    }

    public static long instructions(Model model) {
        Subgraph g = model.mainSubgraph();
        double total = 0;
        for (Operator op : g.operators()) {
            BuiltinOperator b = model.operatorCode(op).builtin();
            long macs = MacCounter.count(model, op);
            long elements = g.tensor(op.output(0)).elementCount();
            if (b == BuiltinOperator.CONV_2D || b == BuiltinOperator.DEPTHWISE_CONV_2D) {
                total += CONV_INSTRUCTIONS_PER_MAC * macs;
            } else if (b == BuiltinOperator.FULLY_CONNECTED) {
                total += DENSE_INSTRUCTIONS_PER_MAC * macs;
            } else if (b == BuiltinOperator.TANH || b == BuiltinOperator.LOGISTIC || b == BuiltinOperator.SOFTMAX) {
                total += TRANSCENDENTAL_INSTRUCTIONS_PER_ELEMENT * elements;
            } else if (b == BuiltinOperator.QUANTIZE || b == BuiltinOperator.DEQUANTIZE) {
                total += FLOAT_CONVERSION_INSTRUCTIONS_PER_ELEMENT * elements;
            } else if (DATA_MOVEMENT.contains(b)) {
                total += MOVE_INSTRUCTIONS_PER_ELEMENT * elements;
            } else {
                total += MATH_INSTRUCTIONS_PER_ELEMENT * elements;
            }
            total += CALL_INSTRUCTIONS;
        }
        return Math.round(total);
    }

    public static double milliseconds(long instructions, Board board) {
        return instructions * board.cyclesPerInstruction() / (board.clockMhz() * 1000.0);
    }
}
