package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.params.IntArray;
import dev.littlebrain.runtime.params.TransposeParams;
import java.util.Arrays;

/**
 * TRANSPOSE by a constant permutation, any rank (TFLM stops at 6), any fixed-size element type:
 * {@code out.dim(i) = in.dim(perm[i])}, elements moved as whole byte groups.
 */
final class TransposeOp implements Op {

    @Override
    public Kernel prepare(Node node) {
        Operands.inputCount(node, 2, 2);
        Operands.outputCount(node, 1);
        TensorView in = node.input(0);
        TensorView out = node.output(0);
        Operands.sameType(node, in, out);
        Operands.fixedSize(node, in);
        Walk walk = Walk.of(node);
        return new Transpose(in, out, walk.outDims(), walk.inStrides(), new int[walk.outDims().length],
                in.type().byteSize(), new TransposeParams(IntArray.of(walk.outDims()), IntArray.of(walk.inStrides())));
    }

    /**
     * The prepared walk: the output is visited in row-major order over {@code outDims}, and output axis i advances
     * the input by {@code inStrides[i]} elements.
     */
    private record Walk(int[] outDims, int[] inStrides) {
        static Walk of(Node node) {
            TensorView in = node.input(0);
            TensorView out = node.output(0);
            int[] perm = Operands.constantInts(node, node.input(1), "permutation");
            int rank = in.rank();
            if (perm.length != rank) {
                throw new KernelException(node, "permutation " + Arrays.toString(perm) + " does not match input rank "
                        + rank);
            }
            boolean[] seen = new boolean[rank];
            int[] expected = new int[rank];
            for (int i = 0; i < rank; i++) {
                int p = perm[i] < 0 ? perm[i] + rank : perm[i];
                if (p < 0 || p >= rank || seen[p]) {
                    throw new KernelException(node, "permutation " + Arrays.toString(perm)
                            + " is not a permutation of 0.." + (rank - 1));
                }
                seen[p] = true;
                perm[i] = p;
                expected[i] = in.dim(p);
            }
            if (!Arrays.equals(expected, out.shape())) {
                throw new KernelException(node, "output shape " + Arrays.toString(out.shape()) + " is not "
                        + Arrays.toString(expected));
            }
            int[] strides = new int[rank];
            int stride = 1;
            for (int d = rank - 1; d >= 0; d--) {
                strides[d] = stride;
                stride *= in.dim(d);
            }
            int[] walkStrides = new int[rank];
            for (int i = 0; i < rank; i++) {
                walkStrides[i] = strides[perm[i]];
            }
            return new Walk(out.shape().clone(), walkStrides);
        }
    }

    private record Transpose(TensorView in, TensorView out, int[] dims, int[] strides, int[] index, int elementSize,
            TransposeParams params) implements Kernel {
        @Override
        public void eval() {
            byte[] id = in.data();
            byte[] od = out.data();
            int io = in.offset();
            int oo = out.offset();
            int n = out.elementCount();
            int rank = dims.length;
            Arrays.fill(index, 0);
            int src = 0;
            for (int o = 0; o < n; o++) {
                int from = io + src * elementSize;
                int to = oo + o * elementSize;
                for (int b = 0; b < elementSize; b++) {
                    od[to + b] = id[from + b];
                }
                for (int d = rank - 1; d >= 0; d--) {
                    index[d]++;
                    src += strides[d];
                    if (index[d] < dims[d]) {
                        break;
                    }
                    src -= strides[d] * dims[d];
                    index[d] = 0;
                }
            }
        }
    }
}
