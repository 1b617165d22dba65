package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.tflite.TensorType;
import java.util.Arrays;

/**
 * Preparation-time checks and constant unpacking shared by the kernels: each check fails with a
 * {@link KernelException} that names the operator, the tensor's role and what was expected.
 */
final class Operands {
    private Operands() {
    }

    static void requireCounts(Node node, int minInputs, int maxInputs, int outputs) {
        if (node.inputCount() < minInputs || node.inputCount() > maxInputs) {
            throw new KernelException(node, "takes " + (minInputs == maxInputs ? "" + minInputs
                    : minInputs + " to " + maxInputs) + " inputs, got " + node.inputCount());
        }
        if (node.outputCount() != outputs) {
            throw new KernelException(node, "has " + outputs + " output(s), got " + node.outputCount());
        }
    }

    static TensorView required(Node node, int input, String role) {
        TensorView t = node.optionalInput(input);
        if (t == null) {
            throw new KernelException(node, "is missing its " + role + " (input " + input + ")");
        }
        return t;
    }

    static void requireRank(Node node, TensorView t, String role, int rank) {
        if (t.rank() != rank) {
            throw new KernelException(node, role + " '" + t.name() + "' must have rank " + rank + ", has shape "
                    + Arrays.toString(t.shape()));
        }
    }

    static void requireType(Node node, TensorView t, String role, TensorType expected) {
        if (t.type() != expected) {
            throw new KernelException(node, role + " '" + t.name() + "' must be " + expected.dtypeName() + ", is "
                    + t.type().dtypeName());
        }
    }

    static void requireConstant(Node node, TensorView t, String role) {
        if (!t.isConstant()) {
            throw new KernelException(node, role + " '" + t.name() + "' must be a constant stored in the model");
        }
    }

    static void requireQuantized(Node node, TensorView t, String role) {
        if (!t.quantization().isPresent()) {
            throw new KernelException(node, role + " '" + t.name() + "' is " + t.type().dtypeName()
                    + " without quantization parameters");
        }
    }

    static void requireDim(Node node, TensorView t, String role, int dim, int expected) {
        if (t.dim(dim) != expected) {
            throw new KernelException(node, role + " '" + t.name() + "' has shape " + Arrays.toString(t.shape())
                    + ", expected dimension " + dim + " to be " + expected);
        }
    }

    static void requireElements(Node node, TensorView t, String role, int expected) {
        if (t.elementCount() != expected) {
            throw new KernelException(node, role + " '" + t.name() + "' has " + t.elementCount()
                    + " elements, expected " + expected);
        }
    }

    static int[] int8AsInts(TensorView t, int add) {
        int[] out = new int[t.elementCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.int8(i) + add;
        }
        return out;
    }

    static int[] int32s(TensorView t) {
        int[] out = new int[t.elementCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.int32(i);
        }
        return out;
    }

    static long[] int64s(TensorView t) {
        long[] out = new long[t.elementCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.int64(i);
        }
        return out;
    }

    static float[] floats(TensorView t) {
        float[] out = new float[t.elementCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.float32(i);
        }
        return out;
    }

    /** A bias of {@code channels} int32 values, or zeros when the optional bias is omitted. */
    static int[] int32BiasOrZeros(Node node, TensorView bias, int channels) {
        if (bias == null) {
            return new int[channels];
        }
        requireType(node, bias, "bias", TensorType.INT32);
        requireConstant(node, bias, "bias");
        requireElements(node, bias, "bias", channels);
        return int32s(bias);
    }

    /** A float bias, or zeros when omitted (adding +0.0f is what the reference does without a bias). */
    static float[] floatBiasOrZeros(Node node, TensorView bias, int channels) {
        if (bias == null) {
            return new float[channels];
        }
        requireType(node, bias, "bias", TensorType.FLOAT32);
        requireConstant(node, bias, "bias");
        requireElements(node, bias, "bias", channels);
        return floats(bias);
    }
}
