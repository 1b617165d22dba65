package dev.littlebrain.runtime.memory;

/**
 * An operator's output that may share bytes with one of its inputs: placed exactly {@code offsetFromInput} bytes
 * from the input's first byte (negative: below it), the kernel never writes a byte of the input before it has read
 * it for the last time. The kernel proves this for its own access order ({@code Op#inPlaceOutput}); the planner only
 * keeps the two at that distance. Valid only where the operator is the input's last reader, so the two tensors'
 * lifetimes touch at that one step.
 */
public record InPlaceOutput(int outputTensor, int inputTensor, int offsetFromInput) {

    public InPlaceOutput {
        if (outputTensor == inputTensor) {
            throw new IllegalArgumentException("tensor " + outputTensor + " cannot be its own input");
        }
    }

    /** The output over the input, byte for byte: elementwise kernels that read element i before writing element i. */
    public static InPlaceOutput sameBytes(int outputTensor, int inputTensor) {
        return new InPlaceOutput(outputTensor, inputTensor, 0);
    }
}
