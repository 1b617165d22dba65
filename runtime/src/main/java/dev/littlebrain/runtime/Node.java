package dev.littlebrain.runtime;

import dev.littlebrain.tflite.OperatorCode;
import dev.littlebrain.tflite.OperatorOptions;

/**
 * One operator of the graph with its tensors bound to memory: what a kernel sees at preparation.
 * An omitted optional input (index -1 in the file) is {@code null} in {@link #inputs()}.
 */
public record Node(int index, OperatorCode code, OperatorOptions options, TensorView[] inputs, TensorView[] outputs) {

    public TensorView input(int i) {
        return i < inputs.length ? inputs[i] : null;
    }

    public TensorView output(int i) {
        return outputs[i];
    }

    public int inputCount() {
        return inputs.length;
    }

    public int outputCount() {
        return outputs.length;
    }

    /** "operator 3 (CONV_2D)", for error messages. */
    public String describe() {
        return "operator " + index + " (" + code.displayName() + ")";
    }

    /** Options of the expected record type; a clear error when the file carries none or others. */
    public <T extends OperatorOptions> T options(Class<T> type) {
        if (!type.isInstance(options)) {
            throw new KernelException(this, "has no " + type.getSimpleName() + " options (found "
                    + options.getClass().getSimpleName() + ")");
        }
        return type.cast(options);
    }
}
