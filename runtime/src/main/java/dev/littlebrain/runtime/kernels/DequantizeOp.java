package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.params.DequantizeParams;
import dev.littlebrain.tflite.TensorType;

/**
 * DEQUANTIZE int8/uint8/int16 → float32 as TFLite's reference: {@code (float) (scale * (q - zp))}
 * with the scale widened to double, so the product is rounded to float once.
 */
final class DequantizeOp implements Op {

    @Override
    public Kernel prepare(Node node) {
        Operands.inputCount(node, 1, 1);
        Operands.outputCount(node, 1);
        TensorView in = node.input(0);
        TensorView out = node.output(0);
        Operands.sameElementCount(node, in, out);
        if (out.type() != TensorType.FLOAT32) {
            throw Operands.unsupportedType(node, out);
        }
        if (!in.type().isQuantizedInteger()) {
            throw Operands.unsupportedType(node, in);
        }
        Operands.quantized(node, in);
        return new Dequantize(in, out, new DequantizeParams(in.scale(), in.zeroPoint()));
    }

    private record Dequantize(TensorView in, TensorView out, DequantizeParams params) implements Kernel {
        @Override
        public void eval() {
            double scale = params.scale();
            int zeroPoint = params.zeroPoint();
            int n = out.elementCount();
            for (int i = 0; i < n; i++) {
                out.setFloat32(i, (float) (scale * ((int) in.integer(i) - zeroPoint)));
            }
        }
    }
}
