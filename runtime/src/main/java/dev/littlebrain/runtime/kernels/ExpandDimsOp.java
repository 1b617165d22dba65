package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.memory.InPlaceOutput;
import java.util.Arrays;
import java.util.List;

/**
 * EXPAND_DIMS: inserts a size-1 dimension at the axis given by the second input (negative counts
 * from the end of the output, as in TFLite); a byte copy once the shapes are checked.
 */
final class ExpandDimsOp implements Op {

    /** The same bytes: an output over its input needs no copy (ByteCopy and c-standalone skip it). */
    @Override
    public List<InPlaceOutput> inPlaceOutputs(Node shapes) {
        return InPlaceRules.relabelled(shapes);
    }

    @Override
    public Kernel prepare(Node node) {
        Operands.inputCount(node, 2, 2);
        Operands.outputCount(node, 1);
        TensorView in = node.input(0);
        TensorView out = node.output(0);
        int[] axisValues = Operands.constantInts(node, node.input(1), "axis");
        if (axisValues.length != 1) {
            throw new KernelException(node, "needs a single axis value, got " + Arrays.toString(axisValues));
        }
        int axis = axisValues[0] < 0 ? axisValues[0] + in.rank() + 1 : axisValues[0];
        if (axis < 0 || axis > in.rank()) {
            throw new KernelException(node, "axis " + axisValues[0] + " is out of range for input rank " + in.rank());
        }
        int[] expected = new int[in.rank() + 1];
        for (int i = 0, j = 0; i < expected.length; i++) {
            expected[i] = i == axis ? 1 : in.dim(j++);
        }
        if (!Arrays.equals(expected, out.shape())) {
            throw new KernelException(node, "output shape " + Arrays.toString(out.shape()) + " is not "
                    + Arrays.toString(expected) + " (input " + Arrays.toString(in.shape()) + " with axis "
                    + axisValues[0] + ")");
        }
        return ByteCopy.prepare(node, in, out);
    }
}
