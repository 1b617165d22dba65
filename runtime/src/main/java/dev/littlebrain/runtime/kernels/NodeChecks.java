package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.tflite.TensorType;
import java.util.Arrays;

/** The validations every kernel's prepare repeats, each failing with a {@link KernelException} naming the operator. */
final class NodeChecks {
    private NodeChecks() {
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
