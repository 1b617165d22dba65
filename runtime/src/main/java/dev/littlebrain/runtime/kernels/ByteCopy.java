package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.TensorView;

/**
 * The kernel of the ops that only relabel a shape (RESHAPE, SQUEEZE, EXPAND_DIMS): row-major bytes are
 * unchanged, so the output is a byte copy of the input. TFLM may share the buffer instead; with the
 * planner's separate buffers the copy gives the same bytes.
 */
record ByteCopy(TensorView in, TensorView out) implements Kernel {

    static ByteCopy prepare(Node node, TensorView in, TensorView out) {
        Operands.sameType(node, in, out);
        Operands.fixedSize(node, in);
        Operands.sameElementCount(node, in, out);
        return new ByteCopy(in, out);
    }

    @Override
    public void eval() {
        if (in.data() == out.data() && in.offset() == out.offset()) {
            return;
        }
        System.arraycopy(in.data(), in.offset(), out.data(), out.offset(), out.byteSize());
    }
}
