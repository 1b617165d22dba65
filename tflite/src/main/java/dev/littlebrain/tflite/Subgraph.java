package dev.littlebrain.tflite;

import java.util.List;

/** A graph of tensors and operators; subgraph 0 is the model's main graph. */
public record Subgraph(String name, List<Tensor> tensors, List<Integer> inputs, List<Integer> outputs,
        List<Operator> operators) {

    public Subgraph {
        name = name == null ? "" : name;
        tensors = List.copyOf(tensors);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        operators = List.copyOf(operators);
    }

    public Tensor tensor(int index) {
        return tensors.get(index);
    }

    public Tensor inputTensor(int i) {
        return tensors.get(inputs.get(i));
    }

    public Tensor outputTensor(int i) {
        return tensors.get(outputs.get(i));
    }
}
