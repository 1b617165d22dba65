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

    static void inputCount(Node node, int min, int max) {
        int n = node.inputCount();
        if (n < min || n > max) {
            throw new KernelException(node, "has " + n + " inputs, expected "
                    + (min == max ? String.valueOf(min) : min + " to " + max));
        }
        for (int i = 0; i < min; i++) {
            if (node.optionalInput(i) == null) {
                throw new KernelException(node, "is missing its required input " + i);
            }
        }
    }

    static void outputCount(Node node, int expected) {
        if (node.outputCount() != expected) {
            throw new KernelException(node, "has " + node.outputCount() + " outputs, expected " + expected);
        }
    }

    static void sameType(Node node, TensorView a, TensorView b) {
        if (a.type() != b.type()) {
            throw new KernelException(node, "needs tensors '" + a.name() + "' (" + a.type().dtypeName() + ") and '"
                    + b.name() + "' (" + b.type().dtypeName() + ") to have the same type");
        }
    }

    static void sameShape(Node node, TensorView a, TensorView b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new KernelException(node, "needs tensors '" + a.name() + "' " + Arrays.toString(a.shape())
                    + " and '" + b.name() + "' " + Arrays.toString(b.shape()) + " to have the same shape");
        }
    }

    static void sameElementCount(Node node, TensorView in, TensorView out) {
        if (in.elementCount() != out.elementCount()) {
            throw new KernelException(node, "cannot turn '" + in.name() + "' " + Arrays.toString(in.shape()) + " ("
                    + in.elementCount() + " elements) into '" + out.name() + "' " + Arrays.toString(out.shape())
                    + " (" + out.elementCount() + " elements)");
        }
    }

    static KernelException unsupportedType(Node node, TensorView t) {
        return new KernelException(node, "does not support " + t.type().dtypeName() + " tensor '" + t.name() + "'");
    }

    static void fixedSize(Node node, TensorView t) {
        if (!t.type().hasFixedSize()) {
            throw unsupportedType(node, t);
        }
    }

    static void quantized(Node node, TensorView t) {
        if (!t.quantization().isPresent()) {
            throw new KernelException(node, "needs quantization parameters on " + t.type().dtypeName() + " tensor '"
                    + t.name() + "'");
        }
        if (t.quantization().isPerChannel()) {
            throw new KernelException(node, "supports only per-tensor quantization, but '" + t.name() + "' has "
                    + t.quantization().channels() + " scales");
        }
    }

    /** Values of a constant int32 (or int64) tensor, read once at preparation. */
    static int[] constantInts(Node node, TensorView t, String role) {
        if (!t.isConstant()) {
            throw new KernelException(node, "needs its " + role + " tensor '" + t.name()
                    + "' to be a constant in the model");
        }
        if (t.type() != TensorType.INT32 && t.type() != TensorType.INT64) {
            throw new KernelException(node, "needs its " + role + " tensor '" + t.name() + "' to be int32 or int64, not "
                    + t.type().dtypeName());
        }
        int[] out = new int[t.elementCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.toIntExact(t.integer(i));
        }
        return out;
    }

    static int[] clampRange(TensorType type) {
        return switch (type) {
            case INT8 -> new int[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
            case UINT8 -> new int[] {0, 255};
            case INT16 -> new int[] {Short.MIN_VALUE, Short.MAX_VALUE};
            case INT32 -> new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
            default -> throw new IllegalArgumentException(type.dtypeName());
        };
    }
}
