package dev.littlebrain.tflite;

import java.util.List;

/**
 * One tensor of a subgraph as the file describes it.
 *
 * @param buffer index into {@link Model#buffers()}; buffer 0 is the empty sentinel, so a tensor
 *     whose buffer is empty is computed at run time
 * @param shapeSignature the shape with -1 for dynamic dimensions; empty when the file has none
 */
public record Tensor(
        String name,
        List<Integer> shape,
        List<Integer> shapeSignature,
        TensorType type,
        int buffer,
        Quantization quantization,
        boolean isVariable) {

    public Tensor {
        shape = List.copyOf(shape);
        shapeSignature = List.copyOf(shapeSignature);
        name = name == null ? "" : name;
        quantization = quantization == null ? Quantization.NONE : quantization;
    }

    public Tensor(String name, int[] shape, TensorType type, int buffer, Quantization quantization) {
        this(name, boxed(shape), List.of(), type, buffer, quantization, false);
    }

    public int[] shapeArray() {
        int[] out = new int[shape.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = shape.get(i);
        }
        return out;
    }

    public int rank() {
        return shape.size();
    }

    /** Product of the dimensions (1 for a scalar). */
    public long elementCount() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Bytes the tensor's data takes, or -1 for types without a fixed element size. */
    public long byteSize() {
        return type.hasFixedSize() ? elementCount() * type.byteSize() : -1;
    }

    static List<Integer> boxed(int[] values) {
        Integer[] out = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return List.of(out);
    }
}
