package dev.littlebrain.runtime;

import dev.littlebrain.runtime.kernels.BuiltinOps;
import dev.littlebrain.runtime.memory.ArenaRequests;
import dev.littlebrain.runtime.memory.BestOfPlanner;
import dev.littlebrain.runtime.memory.BufferRequest;
import dev.littlebrain.runtime.memory.GreedyPlanner;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.ModelValidator;
import dev.littlebrain.tflite.Operator;
import dev.littlebrain.tflite.Subgraph;
import dev.littlebrain.tflite.Tensor;
import dev.littlebrain.tflite.TensorType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a person wants to know about a model before deploying it: its ops, size, compute and memory.
 * Computed from the file alone — it does not need every op to be supported.
 *
 * @param parameters weights and biases (elements of constant float/int8/int16 tensors and of
 *     int32 bias tensors)
 * @param weightsBytes bytes of those constants
 * @param arenaBytes tensor arena LittleBrain's planner needs
 * @param greedyArenaBytes what TFLite Micro's greedy planner needs for the same lifetimes
 */
public record ModelSummary(
        List<String> ops,
        List<String> unsupportedOps,
        List<Tensor> tensors,
        List<Integer> inputs,
        List<Integer> outputs,
        long parameters,
        long weightsBytes,
        long macs,
        int arenaBytes,
        int greedyArenaBytes) {

    public static ModelSummary of(Model model) {
        ModelValidator.validate(model);
        Subgraph g = model.mainSubgraph();
        List<String> ops = new ArrayList<>();
        Set<String> unsupported = new LinkedHashSet<>();
        OpResolver resolver = BuiltinOps.resolver();
        for (Operator op : g.operators()) {
            var code = model.operatorCode(op);
            ops.add(code.displayName());
            if (code.isCustom() || resolver.find(code.builtin()).isEmpty()) {
                unsupported.add(code.displayName());
            }
        }
        Set<Integer> biases = new LinkedHashSet<>();
        for (Operator op : g.operators()) {
            BuiltinOperator b = model.operatorCode(op).builtin();
            if ((b == BuiltinOperator.CONV_2D || b == BuiltinOperator.DEPTHWISE_CONV_2D
                    || b == BuiltinOperator.FULLY_CONNECTED) && op.inputs().size() > 2 && op.input(2) >= 0) {
                biases.add(op.input(2));
            }
        }
        long parameters = 0;
        long weightBytes = 0;
        for (int t = 0; t < g.tensors().size(); t++) {
            Tensor tensor = g.tensor(t);
            if (!model.isConstant(tensor)) {
                continue;
            }
            TensorType type = tensor.type();
            boolean weight = type == TensorType.FLOAT32 || type == TensorType.INT8 || type == TensorType.UINT8
                    || type == TensorType.INT16 || biases.contains(t);
            if (weight) {
                parameters += tensor.elementCount();
                weightBytes += model.bufferOf(tensor).size();
            }
        }
        List<BufferRequest> requests = ArenaRequests.of(model, g);
        int ours = new BestOfPlanner().plan(requests, InPlaceOutputs.of(model, g, BuiltinOps.resolver())).arenaBytes();
        int greedy = GreedyPlanner.tflmOrder().plan(requests).arenaBytes();
        return new ModelSummary(ops, List.copyOf(unsupported), g.tensors(), g.inputs(), g.outputs(), parameters,
                weightBytes, MacCounter.total(model), ours, greedy);
    }
}
