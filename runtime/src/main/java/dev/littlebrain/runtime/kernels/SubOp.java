package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.memory.InPlaceOutput;
import dev.littlebrain.tflite.OperatorOptions;
import java.util.List;

/** SUB with NumPy broadcasting and a fused activation: int8 (TFLM's rescaled difference), float32, int32. */
final class SubOp implements Op {

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
        OperatorOptions.AddSub options = node.options(OperatorOptions.AddSub.class);
        Broadcast broadcast = Broadcast.of(node, a.shape(), b.shape(), out.shape());
        return switch (out.type()) {
            case INT8 -> AddOp.QuantizedSum.prepare(node, a, b, out, options.activation(), broadcast, true);
            case FLOAT32 -> ElementwiseKernels.float32(a, b, out, broadcast,
                    FloatActivationRange.of(node, options.activation()), (x, y) -> x - y);
            case INT32 -> ElementwiseKernels.int32(a, b, out, broadcast,
                    QuantizedActivationRange.int32(node, options.activation()), (x, y) -> x - y);
            default -> throw Operands.unsupportedType(node, out);
        };
    }
}
