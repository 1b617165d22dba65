package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.memory.InPlaceOutput;
import dev.littlebrain.runtime.params.Relu6Params;
import java.util.List;

/**
 * RELU6. int8 as TFLM's {@code Relu6Quantized}: no requantization — the raw input is clamped to
 * [zp_in, quantize(6.0)] computed with the <em>input's</em> scale and zero point (the converter
 * gives RELU6 the same quantization on both sides). float32 clamps to [0, 6].
 */
final class Relu6Op implements Op {

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
                int zero = in.zeroPoint();
                // FloatToQuantizedType<int8_t>(6.0f, scale, zp): round(6 / scale) + zp, clamped to int8.
                int six = int8Six(in.scale(), zero);
                if (zero < Byte.MIN_VALUE || zero > Byte.MAX_VALUE) {
                    throw new KernelException(node, "has an int8 zero point out of range: " + zero);
                }
                yield new Int8Relu6(in, out, new Relu6Params(zero, six));
            }
            case FLOAT32 -> new FloatRelu6(in, out);
            default -> throw Operands.unsupportedType(node, in);
        };
    }

    /** The int8 upper clamp: {@code FloatToQuantizedType<int8_t>(6.0f, scale, zp)}, round(6 / scale) + zp clamped to int8. */
    private static int int8Six(float scale, int zeroPoint) {
        int six = (int) TfliteRounding.round(6.0f / scale) + zeroPoint;
        return Math.max(Byte.MIN_VALUE, Math.min(Byte.MAX_VALUE, six));
    }

    private record Int8Relu6(TensorView in, TensorView out, Relu6Params params) implements Kernel {
        @Override
        public void eval() {
            byte zero = (byte) params.min();
            byte six = (byte) params.max();
            byte[] id = in.data();
            byte[] od = out.data();
            int io = in.offset();
            int oo = out.offset();
            int n = out.elementCount();
            for (int i = 0; i < n; i++) {
                byte v = id[io + i];
                od[oo + i] = v > six ? six : (v < zero ? zero : v);
            }
        }
    }

    private record FloatRelu6(TensorView in, TensorView out) implements Kernel {
        @Override
        public void eval() {
            int n = out.elementCount();
            for (int i = 0; i < n; i++) {
                float v = in.float32(i);
                out.setFloat32(i, v > 6f ? 6f : (v < 0f ? 0f : v));
            }
        }
    }
}
