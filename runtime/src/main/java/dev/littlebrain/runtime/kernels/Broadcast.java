package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.params.BroadcastIndex;
import dev.littlebrain.runtime.params.IntArray;
import java.util.Arrays;
import java.util.Optional;

/**
 * Element offsets of two broadcast operands, computed once at preparation. TFLite's rule (NumPy's):
 * shapes are aligned at their last dimension and each pair of dimensions must be equal or one of
 * them 1; the output has the larger of each pair. For shapes that already agree no tables are built.
 */
record Broadcast(int[] offsetsA, int[] offsetsB) {

    /** The same tables as a value, for a code generator. */
    BroadcastIndex index() {
        return new BroadcastIndex(Optional.ofNullable(offsetsA).map(IntArray::of),
                Optional.ofNullable(offsetsB).map(IntArray::of));
    }

    /** True when both operands have the output's shape and element i pairs with element i. */
    boolean isIdentity() {
        return offsetsA == null;
    }

    /** The element of operand A that output element {@code i} reads. */
    int indexA(int i) {
        return offsetsA == null ? i : offsetsA[i];
    }

    /** The element of operand B that output element {@code i} reads. */
    int indexB(int i) {
        return offsetsB == null ? i : offsetsB[i];
    }

    static Broadcast of(Node node, int[] a, int[] b, int[] out) {
        int rank = Math.max(a.length, b.length);
        int[] expected = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = dimFromEnd(a, rank - 1 - i);
            int db = dimFromEnd(b, rank - 1 - i);
            if (da != db && da != 1 && db != 1) {
                throw new KernelException(node, "cannot broadcast shapes " + Arrays.toString(a) + " and "
                        + Arrays.toString(b) + ": dimension " + i + " is " + da + " vs " + db);
            }
            expected[i] = da == 1 ? db : da;
        }
        if (!Arrays.equals(expected, out)) {
            throw new KernelException(node, "output shape " + Arrays.toString(out) + " does not match the broadcast of "
                    + Arrays.toString(a) + " and " + Arrays.toString(b) + ", which is " + Arrays.toString(expected));
        }
        if (Arrays.equals(a, out) && Arrays.equals(b, out)) {
            return new Broadcast(null, null);
        }
        return new Broadcast(offsets(a, out), offsets(b, out));
    }

    private static int dimFromEnd(int[] shape, int fromEnd) {
        int i = shape.length - 1 - fromEnd;
        return i >= 0 ? shape[i] : 1;
    }

    /** For each output element (row-major), the index of the operand element it reads. */
    private static int[] offsets(int[] operand, int[] out) {
        int rank = out.length;
        int[] strides = new int[rank];
        int stride = 1;
        for (int i = rank - 1; i >= 0; i--) {
            int d = dimFromEnd(operand, rank - 1 - i);
            strides[i] = d == 1 ? 0 : stride; // a broadcast dimension re-reads the same elements
            stride *= d;
        }
        int count = 1;
        for (int d : out) {
            count *= d;
        }
        int[] offsets = new int[count];
        int[] index = new int[rank];
        int offset = 0;
        for (int o = 0; o < count; o++) {
            offsets[o] = offset;
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                offset += strides[d];
                if (index[d] < out[d]) {
                    break;
                }
                offset -= strides[d] * out[d];
                index[d] = 0;
            }
        }
        return offsets;
    }
}
