package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.memory.InPlaceOutput;
import dev.littlebrain.runtime.params.TanhLogisticParams;
import dev.littlebrain.runtime.quant.FixedPoint;
import dev.littlebrain.runtime.quant.GemmlowpMath;
import java.util.List;

/**
 * TANH. int8 follows TFLM's {@code reference_integer_ops::Tanh}: the input is rescaled to Q4.27 and
 * gemmlowp's fixed-point tanh is evaluated per element (desktop TFLite uses a float-built lookup
 * table instead, which differs by a few LSB). The output is implicitly scale 1/128, zero point 0.
 */
final class TanhOp implements Op {

    /** Element i is read before element i is written (here and in lb_kernels.c). */
    @Override
    public List<InPlaceOutput> inPlaceOutputs(Node shapes) {
        return InPlaceRules.sameIndex(shapes, 0);
    }

    @Override
    public Kernel prepare(Node node) {
        Operands.inputCount(node, 1, 1);
        Operands.outputCount(node, 1);
        TensorView in = node.input(0);
        TensorView out = node.output(0);
        Operands.sameType(node, in, out);
        Operands.sameElementCount(node, in, out);
        return switch (in.type()) {
            case INT8 -> {
                Operands.quantized(node, in);
                yield new Int8Tanh(in, out, Q4InputScaling.of(in.zeroPoint(), in.scale()));
            }
            case FLOAT32 -> new FloatTanh(in, out);
            default -> throw Operands.unsupportedType(node, in);
        };
    }

    private record Int8Tanh(TensorView in, TensorView out, TanhLogisticParams params) implements Kernel {
        @Override
        public void eval() {
            byte[] id = in.data();
            byte[] od = out.data();
            int io = in.offset();
            int oo = out.offset();
            int zp = params.inputZeroPoint();
            int radius = params.inputRangeRadius();
            int n = out.elementCount();
            for (int i = 0; i < n; i++) {
                int x = id[io + i] - zp;
                int y;
                if (x <= -radius) {
                    y = Byte.MIN_VALUE;
                } else if (x >= radius) {
                    y = Byte.MAX_VALUE;
                } else {
                    int q4 = FixedPoint.multiplyByQuantizedMultiplier(x, params.inputMultiplier(),
                            params.inputLeftShift());
                    int q0 = GemmlowpMath.tanh(q4, Q4InputScaling.INPUT_INTEGER_BITS);
                    // Q0.31 to the int8 output's 2^-7 units.
                    y = FixedPoint.clamp(FixedPoint.roundingDivideByPOT(q0, 31 - 7), Byte.MIN_VALUE, Byte.MAX_VALUE);
                }
                od[oo + i] = (byte) y;
            }
        }
    }

    private record FloatTanh(TensorView in, TensorView out) implements Kernel {
        @Override
        public void eval() {
            int n = out.elementCount();
            for (int i = 0; i < n; i++) {
                out.setFloat32(i, (float) Math.tanh(in.float32(i)));
            }
        }
    }
}
