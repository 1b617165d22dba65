package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.memory.InPlaceOutput;
import dev.littlebrain.tflite.OperatorOptions;
import java.util.Arrays;
import java.util.List;

/** SQUEEZE: removes size-1 dimensions (the listed ones, or all); a byte copy once the shapes are checked. */
final class SqueezeOp implements Op {

    /** The same bytes: an output over its input needs no copy (ByteCopy and c-standalone skip it). */
    @Override
    public List<InPlaceOutput> inPlaceOutputs(Node shapes) {
        return InPlaceRules.relabelled(shapes);
    }

    @Override
    public Kernel prepare(Node node) {
        Operands.inputCount(node, 1, 1);
        Operands.outputCount(node, 1);
        TensorView in = node.input(0);
        TensorView out = node.output(0);
        List<Integer> dims = node.options() instanceof OperatorOptions.Squeeze s ? s.squeezeDims() : List.of();
        int rank = in.rank();
        boolean[] squeeze = new boolean[rank];
        for (int d : dims) {
            int axis = d < 0 ? d + rank : d;
            if (axis < 0 || axis >= rank || in.dim(axis) != 1) {
                throw new KernelException(node, "cannot squeeze dimension " + d + " of shape "
                        + Arrays.toString(in.shape()));
            }
            squeeze[axis] = true;
        }
        int[] expected = new int[rank];
        int n = 0;
        for (int i = 0; i < rank; i++) {
            boolean drop = dims.isEmpty() ? in.dim(i) == 1 : squeeze[i];
            if (!drop) {
                expected[n++] = in.dim(i);
            }
        }
        expected = Arrays.copyOf(expected, n);
        if (!Arrays.equals(expected, out.shape())) {
            throw new KernelException(node, "output shape " + Arrays.toString(out.shape()) + " is not "
                    + Arrays.toString(expected) + ", the squeeze of " + Arrays.toString(in.shape()));
        }
        return ByteCopy.prepare(node, in, out);
    }
}
