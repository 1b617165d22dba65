package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.memory.InPlaceOutput;
import java.util.List;

/**
 * RESHAPE: the output shape is the output tensor's static shape in the file. The optional shape
 * input (often computed at run time by the Keras Flatten pattern SHAPE → STRIDED_SLICE → PACK) is
 * not read; only the element counts must agree.
 */
final class ReshapeOp implements Op {

    /** The same bytes: an output over its input needs no copy (ByteCopy and c-standalone skip it). */
    @Override
    public List<InPlaceOutput> inPlaceOutputs(Node shapes) {
        return InPlaceRules.relabelled(shapes);
    }

    @Override
    public Kernel prepare(Node node) {
        Operands.inputCount(node, 1, 2);
        Operands.outputCount(node, 1);
        return ByteCopy.prepare(node, node.input(0), node.output(0));
    }
}
