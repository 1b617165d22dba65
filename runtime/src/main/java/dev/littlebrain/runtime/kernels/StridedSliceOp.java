package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.tflite.OperatorOptions;
import java.util.Arrays;

/**
 * STRIDED_SLICE with constant begin/end/strides, for every fixed-size element type.
 *
 * <p>Per input axis the first index and the end are resolved exactly as TFLite's
 * {@code strided_slice_logic.h} ({@code StridedSliceStartForAxis} / {@code StridedSliceEndForAxis}):
 * negative indices count from the end, values are clamped to [0, size] (or [-1, size-1] for negative
 * strides), begin/end masks select the whole axis, {@code offset} makes end relative to begin, and a
 * shrink axis takes exactly one element. Ellipsis and new-axis masks are first expanded into one entry
 * per input axis, as TensorFlow's dense spec does (TFLM itself ignores those two masks).
 */
final class StridedSliceOp implements Op {

    @Override
    public Kernel prepare(Node node) {
        Operands.inputCount(node, 4, 4);
        Operands.outputCount(node, 1);
        TensorView in = node.input(0);
        TensorView out = node.output(0);
        Operands.sameType(node, in, out);
        Operands.fixedSize(node, in);
        OperatorOptions.StridedSlice o = node.options(OperatorOptions.StridedSlice.class);
        int[] begin = Operands.constantInts(node, node.input(1), "begin");
        int[] end = Operands.constantInts(node, node.input(2), "end");
        int[] strides = Operands.constantInts(node, node.input(3), "strides");
        if (begin.length != end.length || begin.length != strides.length) {
            throw new KernelException(node, "has begin/end/strides of different lengths " + begin.length + "/"
                    + end.length + "/" + strides.length);
        }
        Dense spec = Dense.of(node, in.rank(), begin, end, strides, o);

        int rank = in.rank();
        int[] start = new int[rank];
        int[] length = new int[rank];
        int[] shape = new int[rank];
        int kept = 0;
        long elements = 1;
        for (int axis = 0; axis < rank; axis++) {
            int size = in.dim(axis);
            int stride = spec.strides[axis];
            if (stride == 0) {
                throw new KernelException(node, "has stride 0 on axis " + axis);
            }
            int first = startForAxis(spec, size, axis);
            int stop = endForAxis(spec, size, axis, first, o.offset());
            boolean shrink = (spec.shrinkMask & (1 << axis)) != 0;
            int n = Math.max((int) Math.ceil((stop - first) / (double) stride), 0);
            if (shrink) {
                // One element whatever the stride's sign (TFLM's loop would take none for a negative stride).
                if (first < 0 || first >= size) {
                    throw new KernelException(node, "shrinks axis " + axis + " at an index outside its size " + size);
                }
                n = 1;
            }
            start[axis] = first;
            length[axis] = n;
            if (!shrink) {
                shape[kept++] = n;
            }
            elements *= n;
        }
        shape = Arrays.copyOf(shape, kept);
        if (o.newAxisMask() == 0 && !Arrays.equals(shape, out.shape())) {
            throw new KernelException(node, "output shape " + Arrays.toString(out.shape()) + " is not the slice's "
                    + Arrays.toString(shape));
        }
        if (elements != out.elementCount()) {
            throw new KernelException(node, "slice has " + elements + " elements but output '" + out.name() + "' "
                    + Arrays.toString(out.shape()) + " has " + out.elementCount());
        }
        int[] inStrides = new int[rank];
        int s = 1;
        for (int d = rank - 1; d >= 0; d--) {
            inStrides[d] = s;
            s *= in.dim(d);
        }
        int base = 0;
        int[] walk = new int[rank];
        for (int d = 0; d < rank; d++) {
            base += start[d] * inStrides[d];
            walk[d] = spec.strides[d] * inStrides[d];
        }
        return new Slice(in, out, length, walk, base, new int[rank], in.type().byteSize());
    }

    private static int startForAxis(Dense spec, int size, int axis) {
        int stride = spec.strides[axis];
        int start = spec.begin[axis];
        if (start < 0) {
            start += size;
        }
        start = stride > 0 ? clamp(start, 0, size) : clamp(start, -1, size - 1);
        if ((spec.beginMask & (1 << axis)) != 0) {
            start = stride > 0 ? 0 : size - 1;
        }
        return start;
    }

    private static int endForAxis(Dense spec, int size, int axis, int start, boolean offset) {
        if ((spec.shrinkMask & (1 << axis)) != 0) {
            return start >= size ? start : start + 1;
        }
        int stride = spec.strides[axis];
        int end = spec.end[axis];
        if (offset) {
            end += start;
        }
        if (end < 0) {
            end += size;
        }
        end = stride > 0 ? clamp(end, 0, size) : clamp(end, -1, size - 1);
        if ((spec.endMask & (1 << axis)) != 0) {
            end = stride > 0 ? size : -1;
        }
        return end;
    }

    private static int clamp(int v, int lo, int hi) {
        return v < lo ? lo : Math.min(v, hi);
    }

    /** The slice spec with one entry per input axis. */
    private record Dense(int[] begin, int[] end, int[] strides, int beginMask, int endMask, int shrinkMask) {

        static Dense of(Node node, int rank, int[] begin, int[] end, int[] strides, OperatorOptions.StridedSlice o) {
            int entries = begin.length;
            int ellipsis = o.ellipsisMask();
            int newAxis = o.newAxisMask();
            if (Integer.bitCount(ellipsis) > 1) {
                throw new KernelException(node, "has more than one ellipsis in ellipsis_mask " + ellipsis);
            }
            // Without an explicit ellipsis, one is implied after the last entry: trailing axes are kept whole.
            int specLength = entries;
            if (ellipsis == 0) {
                ellipsis = 1 << entries;
                specLength++;
            }
            int newAxesAfterEllipsis = 0;
            int ellipsisIndex = Integer.numberOfTrailingZeros(ellipsis);
            for (int i = ellipsisIndex + 1; i < specLength; i++) {
                if ((newAxis & (1 << i)) != 0) {
                    newAxesAfterEllipsis++;
                }
            }
            int[] db = new int[rank];
            int[] de = new int[rank];
            int[] ds = new int[rank];
            int bm = 0;
            int em = 0;
            int sm = 0;
            int full = 0;
            for (int i = 0; i < specLength; i++) {
                if ((ellipsis & (1 << i)) != 0) {
                    int next = Math.min(rank - (specLength - i) + 1 + newAxesAfterEllipsis, rank);
                    for (; full < next; full++) {
                        db[full] = 0;
                        de[full] = 0;
                        ds[full] = 1;
                        bm |= 1 << full;
                        em |= 1 << full;
                    }
                } else if ((newAxis & (1 << i)) != 0) {
                    continue; // a new size-1 output axis consumes no input axis
                } else {
                    if (full >= rank) {
                        throw new KernelException(node, "has " + entries + " slice entries for an input of rank "
                                + rank);
                    }
                    db[full] = begin[i];
                    de[full] = end[i];
                    ds[full] = strides[i];
                    bm |= ((o.beginMask() >> i) & 1) << full;
                    em |= ((o.endMask() >> i) & 1) << full;
                    sm |= ((o.shrinkAxisMask() >> i) & 1) << full;
                    full++;
                }
            }
            if (full != rank) {
                throw new KernelException(node, "slice entries cover " + full + " axes of an input of rank " + rank);
            }
            return new Dense(db, de, ds, bm, em, sm);
        }
    }

    private record Slice(TensorView in, TensorView out, int[] length, int[] walk, int base, int[] index,
            int elementSize) implements Kernel {
        @Override
        public void eval() {
            byte[] id = in.data();
            byte[] od = out.data();
            int io = in.offset();
            int oo = out.offset();
            int n = out.elementCount();
            int rank = length.length;
            Arrays.fill(index, 0);
            int src = base;
            for (int o = 0; o < n; o++) {
                int from = io + src * elementSize;
                int to = oo + o * elementSize;
                for (int b = 0; b < elementSize; b++) {
                    od[to + b] = id[from + b];
                }
                for (int d = rank - 1; d >= 0; d--) {
                    index[d]++;
                    src += walk[d];
                    if (index[d] < length[d]) {
                        break;
                    }
                    src -= walk[d] * length[d];
                    index[d] = 0;
                }
            }
        }
    }
}
