package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.memory.InPlaceOutput;
import dev.littlebrain.runtime.params.TanhLogisticParams;
import dev.littlebrain.runtime.quant.FixedPoint;
import dev.littlebrain.runtime.quant.GemmlowpMath;
import java.util.List;

/**
 * LOGISTIC (sigmoid). int8 follows TFLM's {@code reference_integer_ops::Logistic}: the input is
 * rescaled to Q4.27 and gemmlowp's fixed-point logistic is evaluated per element (desktop TFLite
 * uses a float-built lookup table instead). The output must have zero point -128 (scale 1/256).
 */
final class LogisticOp implements Op {

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
                Operands.quantized(node, out);
                if (out.zeroPoint() != Byte.MIN_VALUE) {
                    throw new KernelException(node, "needs int8 output zero point -128 (TFLM's fixed-point logistic),"
                            + " got " + out.zeroPoint());
                }
                yield new Int8Logistic(in, out, Q4InputScaling.of(in.zeroPoint(), in.scale()));
            }
            case FLOAT32 -> new FloatLogistic(in, out);
            default -> throw Operands.unsupportedType(node, in);
        };
    }

    private record Int8Logistic(TensorView in, TensorView out, TanhLogisticParams params) implements Kernel {
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
                    int q0 = GemmlowpMath.logistic(q4, Q4InputScaling.INPUT_INTEGER_BITS);
                    // Q0.31 to 2^-8 units, then the output zero point -128.
                    int q23 = FixedPoint.roundingDivideByPOT(q0, 31 - 8);
                    y = FixedPoint.clamp(q23 - 128, Byte.MIN_VALUE, Byte.MAX_VALUE);
                }
                od[oo + i] = (byte) y;
            }
        }
    }

    /** TFLite's float reference: saturate above ~16.6, use exp(x) below -9 where 1/(1+e^-x) loses precision. */
    private record FloatLogistic(TensorView in, TensorView out) implements Kernel {
        private static final float CUTOFF_UPPER = 16.619047164916992188f;
        private static final float CUTOFF_LOWER = -9f;

        @Override
        public void eval() {
            int n = out.elementCount();
            for (int i = 0; i < n; i++) {
                float x = in.float32(i);
                float y;
                if (x > CUTOFF_UPPER) {
                    y = 1f;
                } else if (x < CUTOFF_LOWER) {
                    y = (float) Math.exp(x);
                } else {
                    y = 1f / (1f + (float) Math.exp(-x));
                }
                out.setFloat32(i, y);
            }
        }
    }
}
