package dev.littlebrain.impulse;

import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Subgraph;
import dev.littlebrain.tflite.Tensor;
import dev.littlebrain.tflite.TensorType;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * A project's int8 model ({@link ProjectLayout#int8Model()}) is reported as int8 only when it is: its computed
 * (non-constant) tensors are int8. A float model copied there by hand, or weights-only quantization, would otherwise
 * be evaluated and labelled "int8" in tables and reports. ({@code test} and {@code profile} check it before they
 * report.)
 */
public final class Int8ModelCheck {
    private Int8ModelCheck() {
    }

    /** @throws IllegalArgumentException naming the file and what it really holds, when its activations are not int8 */
    public static void require(Path file, Model model) {
        Subgraph graph = model.mainSubgraph();
        Set<String> computed = new TreeSet<>();
        boolean int8Weights = false;
        for (Tensor t : graph.tensors()) {
            if (model.isConstant(t)) {
                int8Weights |= t.type() == TensorType.INT8;
            } else {
                computed.add(t.type().dtypeName());
            }
        }
        if (computed.contains(TensorType.INT8.dtypeName())) {
            return;
        }
        throw new IllegalArgumentException(file + " holds a " + String.join("/", computed) + " model"
                + (int8Weights ? " with int8 weights only" : "") + ", not an int8 one; run 'littlebrain train'"
                + " to write the int8 model there");
    }
}
