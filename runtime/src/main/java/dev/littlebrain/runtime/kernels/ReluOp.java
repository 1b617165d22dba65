package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.memory.InPlaceOutput;
import dev.littlebrain.runtime.params.RequantizeParams;
import dev.littlebrain.runtime.quant.FixedPoint;
import dev.littlebrain.runtime.quant.QuantizedMultiplier;
import java.util.List;

/**
 * RELU. int8 as TFLM's {@code ReluQuantized}: the input is requantized to the output's scale and
 * zero point ({@code MultiplyByQuantizedMultiplier} by {@code s_in / s_out}) and clamped at the
 * output's zero point. float32 clamps at 0.
 */
final class ReluOp implements Op {

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
                yield new Int8Relu(in, out, int8Params(in, out));
            }
            case FLOAT32 -> new FloatRelu(in, out);
            default -> throw Operands.unsupportedType(node, in);
        };
    }

    /** The requantization {@code s_in / s_out} and the clamp. */
    private static RequantizeParams int8Params(TensorView in, TensorView out) {
        QuantizedMultiplier m = QuantizedMultiplier.of((double) in.scale() / (double) out.scale());
        // TFLM: max(qmin, zp_out + (int) roundf(0 / s_out)), i.e. the output zero point.
        return new RequantizeParams(-in.zeroPoint(), m, out.zeroPoint(), Math.max(Byte.MIN_VALUE, out.zeroPoint()),
                Byte.MAX_VALUE);
    }

    /** Shared with nothing else on purpose: RELU6's int8 path in TFLM does not requantize (see {@link Relu6Op}). */
    private record Int8Relu(TensorView in, TensorView out, RequantizeParams params) implements Kernel {
        @Override
        public void eval() {
            byte[] id = in.data();
            byte[] od = out.data();
            int io = in.offset();
            int oo = out.offset();
            int inZp = -params.inputOffset();
            int outZp = params.outputZeroPoint();
            int multiplier = params.multiplier().multiplier();
            int shift = params.multiplier().shift();
            int min = params.min();
            int max = params.max();
            int n = out.elementCount();
            for (int i = 0; i < n; i++) {
                int v = outZp + FixedPoint.multiplyByQuantizedMultiplier(id[io + i] - inZp, multiplier, shift);
                od[oo + i] = (byte) FixedPoint.clamp(v, min, max);
            }
        }
    }

    private record FloatRelu(TensorView in, TensorView out) implements Kernel {
        @Override
        public void eval() {
            int n = out.elementCount();
            for (int i = 0; i < n; i++) {
                float v = in.float32(i);
                out.setFloat32(i, v < 0f ? 0f : v);
            }
        }
    }
}
