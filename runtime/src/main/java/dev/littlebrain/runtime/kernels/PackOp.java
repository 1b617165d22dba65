package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.tflite.OperatorOptions;
import java.util.Arrays;

/** PACK: stacks N same-shaped tensors along a new axis (negative counts from the end of the output). */
final class PackOp implements Op {

    @Override
    public Kernel prepare(Node node) {
        OperatorOptions.Pack options = node.options(OperatorOptions.Pack.class);
        int count = node.inputCount();
        if (count < 1 || (options.valuesCount() != 0 && options.valuesCount() != count)) {
            throw new KernelException(node, "has " + count + " inputs but values_count " + options.valuesCount());
        }
        Operands.outputCount(node, 1);
        TensorView out = node.output(0);
        TensorView first = node.input(0);
        Operands.fixedSize(node, out);
        int rank = first.rank();
        int axis = options.axis() < 0 ? options.axis() + rank + 1 : options.axis();
        if (axis < 0 || axis > rank) {
            throw new KernelException(node, "axis " + options.axis() + " is out of range for inputs of rank " + rank);
        }
        for (TensorView in : node.inputs()) {
            if (in == null) {
                throw new KernelException(node, "has an omitted input");
            }
            Operands.sameType(node, in, out);
            Operands.sameShape(node, in, first);
        }
        int[] expected = new int[rank + 1];
        for (int i = 0, j = 0; i <= rank; i++) {
            expected[i] = i == axis ? count : first.dim(j++);
        }
        if (!Arrays.equals(expected, out.shape())) {
            throw new KernelException(node, "output shape " + Arrays.toString(out.shape()) + " is not "
                    + Arrays.toString(expected));
        }
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= first.dim(d);
        }
        int inner = out.type().byteSize();
        for (int d = axis; d < rank; d++) {
            inner *= first.dim(d);
        }
        return new Pack(node.inputs().clone(), out, outer, inner);
    }

    private record Pack(TensorView[] inputs, TensorView out, int outer, int inner) implements Kernel {
        @Override
        public void eval() {
            byte[] od = out.data();
            int o = out.offset();
            for (int k = 0; k < outer; k++) {
                for (TensorView in : inputs) {
                    System.arraycopy(in.data(), in.offset() + k * inner, od, o, inner);
                    o += inner;
                }
            }
        }
    }
}
