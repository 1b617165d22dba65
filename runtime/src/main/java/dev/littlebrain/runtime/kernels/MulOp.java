package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.memory.InPlaceOutput;
import dev.littlebrain.runtime.params.MulParams;
import dev.littlebrain.runtime.quant.FixedPoint;
import dev.littlebrain.runtime.quant.QuantizedMultiplier;
import dev.littlebrain.tflite.OperatorOptions;
import java.util.List;

/** MUL with NumPy broadcasting and a fused activation: int8, float32, int32. */
final class MulOp implements Op {

    /** Element i of each input is read before element i is written (here and in lb_kernels.c). */
    @Override
    public List<InPlaceOutput> inPlaceOutputs(Node shapes) {
        return InPlaceRules.sameIndex(shapes, 0, 1);
    }

    @Override
    public Kernel prepare(Node node) {
        Operands.inputCount(node, 2, 2);
        Operands.outputCount(node, 1);
        TensorView a = node.input(0);
        TensorView b = node.input(1);
        TensorView out = node.output(0);
        Operands.sameType(node, a, b);
        Operands.sameType(node, a, out);
        OperatorOptions.MulDiv options = node.options(OperatorOptions.MulDiv.class);
        Broadcast broadcast = Broadcast.of(node, a.shape(), b.shape(), out.shape());
        return switch (out.type()) {
            case INT8 -> {
                Operands.quantized(node, a);
                Operands.quantized(node, b);
                Operands.quantized(node, out);
                yield new Int8Mul(a, b, out, broadcast, new MulParams(-a.zeroPoint(), -b.zeroPoint(),
                        int8Multiplier(a, b, out), out.zeroPoint(),
                        QuantizedActivationRange.of(node, options.activation(), out), broadcast.index()));
            }
            case FLOAT32 -> ElementwiseKernels.float32(a, b, out, broadcast,
                    FloatActivationRange.of(node, options.activation()), (x, y) -> x * y);
            case INT32 -> ElementwiseKernels.int32(a, b, out, broadcast,
                    QuantizedActivationRange.int32(node, options.activation()), (x, y) -> x * y);
            default -> throw Operands.unsupportedType(node, out);
        };
    }

    /** mul_common.cc: one multiplier {@code s_a * s_b / s_out}, in double, applied to the raw product. */
    private static QuantizedMultiplier int8Multiplier(TensorView a, TensorView b, TensorView out) {
        return QuantizedMultiplier.of((double) a.scale() * (double) b.scale() / (double) out.scale());
    }

    /** {@code out = zp_out + MultiplyByQuantizedMultiplier((a - zp_a) * (b - zp_b))}, clamped to the activation. */
    private static final class Int8Mul implements Kernel {
        private final MulParams params;
        private final TensorView a;
        private final TensorView b;
        private final TensorView out;
        private final Broadcast broadcast;
        private final int multiplier;
        private final int shift;
        private final int aZeroPoint;
        private final int bZeroPoint;
        private final int outZeroPoint;
        private final int min;
        private final int max;

        Int8Mul(TensorView a, TensorView b, TensorView out, Broadcast broadcast, MulParams params) {
            this.params = params;
            this.a = a;
            this.b = b;
            this.out = out;
            this.broadcast = broadcast;
            this.multiplier = params.multiplier().multiplier();
            this.shift = params.multiplier().shift();
            this.aZeroPoint = -params.inputOffsetA();
            this.bZeroPoint = -params.inputOffsetB();
            this.outZeroPoint = params.outputZeroPoint();
            this.min = params.range().min();
            this.max = params.range().max();
        }

        @Override
        public MulParams params() {
            return params;
        }

        @Override
        public void eval() {
            byte[] ad = a.data();
            byte[] bd = b.data();
            byte[] od = out.data();
            int ao = a.offset();
            int bo = b.offset();
            int oo = out.offset();
            int n = out.elementCount();
            for (int i = 0; i < n; i++) {
                int x = ad[ao + broadcast.indexA(i)] - aZeroPoint;
                int y = bd[bo + broadcast.indexB(i)] - bZeroPoint;
                int v = outZeroPoint + FixedPoint.multiplyByQuantizedMultiplier(x * y, multiplier, shift);
                od[oo + i] = (byte) FixedPoint.clamp(v, min, max);
            }
        }
    }
}
