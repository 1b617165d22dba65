package dev.littlebrain.runtime;

import dev.littlebrain.runtime.memory.InPlaceOutput;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Operator;
import dev.littlebrain.tflite.OperatorCode;
import dev.littlebrain.tflite.Subgraph;
import dev.littlebrain.tflite.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outputs a graph's operators may write over their inputs ({@link Op#inPlaceOutputs}), for the memory planner,
 * which keeps those whose input the operator reads last. A model's outputs and variables are never written over
 * (the caller reads the one after the run, the next run reads the other), nor is a graph input made an output.
 */
final class InPlaceOutputs {
    private static final byte[] NO_MEMORY = new byte[0];

    private InPlaceOutputs() {
    }

    static List<InPlaceOutput> of(Model model, Subgraph graph, OpResolver resolver) {
        List<InPlaceOutput> all = new ArrayList<>();
        List<Operator> ops = graph.operators();
        for (int i = 0; i < ops.size(); i++) {
            Operator op = ops.get(i);
            OperatorCode code = model.operatorCode(op);
            Optional<Op> kernel = code.isCustom() ? Optional.empty() : resolver.find(code.builtin());
            if (kernel.isEmpty() || op.outputs().isEmpty()) {
                continue;
            }
            Node shapes = new Node(i, code, op.options(), views(model, graph, op.inputs()),
                    views(model, graph, op.outputs()));
            for (InPlaceOutput candidate : candidates(kernel.get(), shapes)) {
                if (writable(graph, candidate.inputTensor()) && !graph.inputs().contains(candidate.outputTensor())
                        && !graph.tensor(candidate.outputTensor()).isVariable()) {
                    all.add(candidate);
                }
            }
        }
        return all;
    }

    /** A malformed operator allows nothing here; preparing its kernel reports what is wrong with it. */
    private static List<InPlaceOutput> candidates(Op op, Node shapes) {
        try {
            return op.inPlaceOutputs(shapes);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static boolean writable(Subgraph graph, int tensor) {
        return !graph.outputs().contains(tensor) && !graph.tensor(tensor).isVariable();
    }

    private static TensorView[] views(Model model, Subgraph graph, List<Integer> indices) {
        TensorView[] views = new TensorView[indices.size()];
        for (int k = 0; k < views.length; k++) {
            int t = indices.get(k);
            if (t >= 0 && t < graph.tensors().size()) {
                Tensor tensor = graph.tensor(t);
                views[k] = new TensorView(t, tensor, NO_MEMORY, 0, model.isConstant(tensor));
            }
        }
        return views;
    }
}
