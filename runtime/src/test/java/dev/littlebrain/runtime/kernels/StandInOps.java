package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.OpResolver;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.TensorType;

/**
 * Test-only stand-ins for the graph plumbing around this branch's kernels, so that whole conformance
 * models run here: RESHAPE/EXPAND_DIMS copy bytes (the output shape is the one the converter wrote),
 * SHAPE/STRIDED_SLICE/PACK do nothing (they only compute RESHAPE's ignored shape operand), SOFTMAX is a
 * plain float softmax (exact enough for float cases, within an LSB or so for int8 ones).
 */
final class StandInOps {
    private StandInOps() {
    }

    static OpResolver resolverWithBuiltins() {
        OpResolver builtins = BuiltinOps.resolver();
        OpResolver.Builder b = OpResolver.builder();
        for (BuiltinOperator op : builtins.supported()) {
            b.add(op, builtins.find(op).orElseThrow());
        }
        Op copy = node -> {
            TensorView in = node.input(0);
            TensorView out = node.output(0);
            return () -> System.arraycopy(in.data(), in.offset(), out.data(), out.offset(), out.byteSize());
        };
        Op nothing = node -> () -> { };
        b.add(BuiltinOperator.RESHAPE, copy);
        b.add(BuiltinOperator.EXPAND_DIMS, copy);
        b.add(BuiltinOperator.SHAPE, nothing);
        b.add(BuiltinOperator.STRIDED_SLICE, nothing);
        b.add(BuiltinOperator.PACK, nothing);
        b.add(BuiltinOperator.SOFTMAX, node -> softmax(node.input(0), node.output(0)));
        return b.build();
    }

    private static Kernel softmax(TensorView in, TensorView out) {
        int depth = in.dim(in.rank() - 1);
        int rows = in.elementCount() / depth;
        return () -> {
            for (int r = 0; r < rows; r++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < depth; i++) {
                    max = Math.max(max, in.real(r * depth + i));
                }
                double sum = 0;
                for (int i = 0; i < depth; i++) {
                    sum += Math.exp(in.real(r * depth + i) - max);
                }
                for (int i = 0; i < depth; i++) {
                    double p = Math.exp(in.real(r * depth + i) - max) / sum;
                    if (out.type() == TensorType.FLOAT32) {
                        out.setFloat32(r * depth + i, (float) p);
                    } else {
                        long q = Math.round(p / out.scale()) + out.zeroPoint();
                        out.setInt8(r * depth + i, (int) Math.max(-128, Math.min(127, q)));
                    }
                }
            }
        };
    }
}
