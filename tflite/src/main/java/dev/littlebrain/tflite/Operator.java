package dev.littlebrain.tflite;

import java.util.List;

/**
 * One operator of a subgraph, in execution order.
 *
 * @param opcodeIndex index into {@link Model#operatorCodes()}
 * @param inputs tensor indices; -1 marks an omitted optional input (e.g. a missing bias)
 * @param customOptions raw custom options bytes (flexbuffer) of custom ops; empty otherwise
 */
public record Operator(
        int opcodeIndex,
        List<Integer> inputs,
        List<Integer> outputs,
        OperatorOptions options,
        byte[] customOptions,
        List<Integer> intermediates) {

    public Operator {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        intermediates = List.copyOf(intermediates);
        options = options == null ? new OperatorOptions.None() : options;
        customOptions = customOptions == null ? new byte[0] : customOptions.clone();
    }

    public Operator(int opcodeIndex, int[] inputs, int[] outputs, OperatorOptions options) {
        this(opcodeIndex, Tensor.boxed(inputs), Tensor.boxed(outputs), options, null, List.of());
    }

    public int input(int i) {
        return inputs.get(i);
    }

    public int output(int i) {
        return outputs.get(i);
    }

    @Override
    public byte[] customOptions() {
        return customOptions.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Operator other
                && opcodeIndex == other.opcodeIndex
                && inputs.equals(other.inputs)
                && outputs.equals(other.outputs)
                && options.equals(other.options)
                && java.util.Arrays.equals(customOptions, other.customOptions)
                && intermediates.equals(other.intermediates);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(opcodeIndex, inputs, outputs, options, intermediates)
                * 31 + java.util.Arrays.hashCode(customOptions);
    }
}
