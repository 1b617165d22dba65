package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.params.ConcatenationParams;
import dev.littlebrain.runtime.params.IntArray;
import dev.littlebrain.tflite.Activation;
import dev.littlebrain.tflite.OperatorOptions;
import java.util.Arrays;

/**
 * CONCATENATION along any axis (negative counts from the end) for every fixed-size element type.
 *
 * <p>int8 inputs are copied as raw bytes even when their scales or zero points differ from the
 * output's: that is what TFLM's {@code concatenation.cc} does (it stores the scales but calls the
 * unquantized {@code reference_ops::Concatenation}); the converter normally gives all operands one
 * scale. Requantizing here would diverge from TFLM's bytes.
 */
final class ConcatenationOp implements Op {

    @Override
    public Kernel prepare(Node node) {
        if (node.inputCount() < 1) {
            throw new KernelException(node, "has no inputs");
        }
        Operands.outputCount(node, 1);
        OperatorOptions.Concatenation options = node.options(OperatorOptions.Concatenation.class);
        if (options.activation() != Activation.NONE) {
            throw new KernelException(node, "does not support fused activation " + options.activation()
                    + " (TFLM supports none)");
        }
        TensorView out = node.output(0);
        Operands.fixedSize(node, out);
        int rank = out.rank();
        int axis = options.axis() < 0 ? options.axis() + rank : options.axis();
        if (axis < 0 || axis >= rank) {
            throw new KernelException(node, "axis " + options.axis() + " is out of range for rank " + rank);
        }
        TensorView[] inputs = node.inputs().clone();
        int axisTotal = 0;
        for (TensorView in : inputs) {
            if (in == null) {
                throw new KernelException(node, "has an omitted input");
            }
            Operands.sameType(node, in, out);
            if (in.rank() != rank) {
                throw new KernelException(node, "input '" + in.name() + "' has rank " + in.rank() + ", output has "
                        + rank);
            }
            for (int d = 0; d < rank; d++) {
                if (d != axis && in.dim(d) != out.dim(d)) {
                    throw new KernelException(node, "input '" + in.name() + "' " + Arrays.toString(in.shape())
                            + " does not match output " + Arrays.toString(out.shape()) + " outside axis " + axis);
                }
            }
            axisTotal += in.dim(axis);
        }
        if (axisTotal != out.dim(axis)) {
            throw new KernelException(node, "inputs sum to " + axisTotal + " along axis " + axis + " but the output has "
                    + out.dim(axis));
        }
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= out.dim(d);
        }
        int inner = out.type().byteSize();
        for (int d = axis + 1; d < rank; d++) {
            inner *= out.dim(d);
        }
        int[] chunk = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            chunk[i] = inputs[i].dim(axis) * inner;
        }
        return new Concat(inputs, out, outer, chunk, new ConcatenationParams(outer, IntArray.of(chunk)));
    }

    /** For each outer index, each input contributes one contiguous chunk of its axis slice. */
    private record Concat(TensorView[] inputs, TensorView out, int outer, int[] chunk, ConcatenationParams params)
            implements Kernel {
        @Override
        public void eval() {
            byte[] od = out.data();
            int o = out.offset();
            for (int k = 0; k < outer; k++) {
                for (int i = 0; i < inputs.length; i++) {
                    TensorView in = inputs[i];
                    int size = chunk[i];
                    System.arraycopy(in.data(), in.offset() + k * size, od, o, size);
                    o += size;
                }
            }
        }
    }
}
