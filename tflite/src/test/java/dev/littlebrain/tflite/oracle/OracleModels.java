package dev.littlebrain.tflite.oracle;

import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Operator;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.Subgraph;
import dev.littlebrain.tflite.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Model edits that let an oracle runtime and ours be compared on the same graph. */
public final class OracleModels {
    private OracleModels() {
    }

    /** Drops shape signatures, so runtimes that cannot resize inputs see the static shapes. */
    public static Model withStaticShapes(Model m) {
        List<Subgraph> graphs = new ArrayList<>();
        for (Subgraph g : m.subgraphs()) {
            List<Tensor> tensors = new ArrayList<>();
            for (Tensor t : g.tensors()) {
                tensors.add(new Tensor(t.name(), t.shape(), List.of(), t.type(), t.buffer(), t.quantization(),
                        t.isVariable()));
            }
            graphs.add(new Subgraph(g.name(), tensors, g.inputs(), g.outputs(), g.operators()));
        }
        return new Model(m.version(), m.operatorCodes(), graphs, m.description(), m.buffers(), m.metadata(), List.of());
    }

    /** Adds tensors to the main graph's outputs (after the existing ones), e.g. to observe logits. */
    public static Model exposing(Model m, List<Integer> tensors) {
        Subgraph g = m.mainSubgraph();
        Set<Integer> outputs = new LinkedHashSet<>(g.outputs());
        outputs.addAll(tensors);
        List<Subgraph> graphs = new ArrayList<>(m.subgraphs());
        graphs.set(0, new Subgraph(g.name(), g.tensors(), g.inputs(), List.copyOf(outputs), g.operators()));
        return new Model(m.version(), m.operatorCodes(), graphs, m.description(), m.buffers(), m.metadata(),
                m.signatureDefs());
    }

    /** Inputs of SOFTMAX operators that produce graph outputs: the logits before normalisation. */
    public static List<Integer> preSoftmaxTensors(Model m) {
        Subgraph g = m.mainSubgraph();
        List<Integer> out = new ArrayList<>();
        for (Operator op : g.operators()) {
            if (m.operatorCode(op).builtin() == BuiltinOperator.SOFTMAX && g.outputs().contains(op.output(0))) {
                out.add(op.input(0));
            }
        }
        return out;
    }
}
