package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.memory.InPlaceOutput;
import dev.littlebrain.runtime.params.LeakyReluParams;
import dev.littlebrain.runtime.quant.FixedPoint;
import dev.littlebrain.runtime.quant.QuantizedMultiplier;
import dev.littlebrain.tflite.OperatorOptions;
import java.util.List;

/**
 * LEAKY_RELU. int8 as TFLM's {@code QuantizeLeakyRelu}: non-negative inputs are rescaled by
 * {@code s_in / s_out}, negative ones by {@code s_in * alpha / s_out}; both multipliers are computed
 * in float (as {@code leaky_relu_common.cc} does) before {@code QuantizeMultiplier}.
 */
final class LeakyReluOp implements Op {

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
        float alpha = node.options(OperatorOptions.LeakyRelu.class).alpha();
        return switch (in.type()) {
            case INT8 -> {
                Operands.quantized(node, in);
                Operands.quantized(node, out);
                yield new Int8LeakyRelu(in, out, int8Params(in, out, alpha));
            }
            case FLOAT32 -> new FloatLeakyRelu(in, out, alpha);
            default -> throw Operands.unsupportedType(node, in);
        };
    }

    /** The int8 kernel's two multipliers. */
    private static LeakyReluParams int8Params(TensorView in, TensorView out, float alpha) {
        // Float products as leaky_relu_common.cc computes them, widened to double only for QuantizeMultiplier.
        return new LeakyReluParams(in.zeroPoint(), QuantizedMultiplier.of(in.scale() / out.scale()),
                QuantizedMultiplier.of(in.scale() * alpha / out.scale()), out.zeroPoint());
    }

    private record Int8LeakyRelu(TensorView in, TensorView out, LeakyReluParams params) implements Kernel {
        @Override
        public void eval() {
            byte[] id = in.data();
            byte[] od = out.data();
            int io = in.offset();
            int oo = out.offset();
            int inZp = params.inputZeroPoint();
            int outZp = params.outputZeroPoint();
            QuantizedMultiplier identity = params.identity();
            QuantizedMultiplier alpha = params.alpha();
            int n = out.elementCount();
            for (int i = 0; i < n; i++) {
                int x = id[io + i] - inZp;
                QuantizedMultiplier m = x >= 0 ? identity : alpha;
                int v = outZp + FixedPoint.multiplyByQuantizedMultiplier(x, m.multiplier(), m.shift());
                od[oo + i] = (byte) FixedPoint.clamp(v, Byte.MIN_VALUE, Byte.MAX_VALUE);
            }
        }
    }

    private record FloatLeakyRelu(TensorView in, TensorView out, float alpha) implements Kernel {
        @Override
        public void eval() {
            int n = out.elementCount();
            for (int i = 0; i < n; i++) {
                float v = in.float32(i);
                out.setFloat32(i, v > 0f ? v : v * alpha);
            }
        }
    }
}
