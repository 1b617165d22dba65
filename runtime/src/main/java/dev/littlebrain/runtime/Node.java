package dev.littlebrain.runtime;

import dev.littlebrain.tflite.OperatorCode;
import dev.littlebrain.tflite.OperatorOptions;

/**
 * One operator of the graph with its tensors bound to memory: what a kernel sees at preparation.
 * An omitted optional input (index -1 in the file) is {@code null} in {@link #inputs()}; kernels
 * read required inputs with {@link #input(int)}, which rejects a missing one with a clear error, and
 * optional ones (a bias, PADV2's constant) with {@link #optionalInput(int)}.
 */
public record Node(int index, OperatorCode code, OperatorOptions options, TensorView[] inputs, TensorView[] outputs) {

    /** A required input; a {@link KernelException} when the operator lacks it or the file omits it (-1). */
    public TensorView input(int i) {
        if (i >= inputs.length || inputs[i] == null) {
            throw new KernelException(this, "is missing its required input " + i + " (it has " + inputs.length
                    + " inputs" + (i < inputs.length ? ", input " + i + " is marked omitted" : "") + ")");
        }
        return inputs[i];
    }

    /** An optional input, or {@code null} when absent or omitted. */
    public TensorView optionalInput(int i) {
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
