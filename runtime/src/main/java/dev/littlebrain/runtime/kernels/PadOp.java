package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.params.IntArray;
import dev.littlebrain.runtime.params.PadParams;
import dev.littlebrain.tflite.TensorType;
import java.util.Arrays;

/**
 * PAD and PADV2 as TFLite Micro's {@code pad.cc} computes them: constant paddings {@code [rank, 2]}
 * (before, after) per dimension, rank at most 5; the output shape must be the input's plus the paddings.
 *
 * <p>The pad value is PADV2's scalar constant when given; otherwise PAD fills int8 with the
 * <em>output zero point</em> (real 0.0, which TFLM requires to be representable) and float32, int16 and
 * int32 with 0. For int8, a PADV2 constant must share the output's scale and zero point, as TFLM checks.
 *
 * <p>Preparation builds the padded output once with the pad value everywhere and records where each
 * innermost input row lands; evaluation copies that template and then the rows.
 */
final class PadOp implements Op {
    private static final int MAX_RANK = 5;

    @Override
    public Kernel prepare(Node node) {
        Operands.requireCounts(node, 2, 3, 1);
        TensorView input = Operands.required(node, 0, "input");
        TensorView paddings = Operands.required(node, 1, "paddings");
        TensorView constant = node.optionalInput(2);
        TensorView output = node.output(0);
        int rank = input.rank();
        if (rank > MAX_RANK) {
            throw new KernelException(node, "supports inputs of rank <= " + MAX_RANK + ", got "
                    + Arrays.toString(input.shape()));
        }
        if (input.type() != output.type()) {
            throw new KernelException(node, "input is " + input.type().dtypeName() + " but output is "
                    + output.type().dtypeName());
        }
        Operands.requireConstant(node, paddings, "paddings");
        Operands.requireElements(node, paddings, "paddings", 2 * rank);
        long[] pad = switch (paddings.type()) {
            case INT32 -> Arrays.stream(Operands.int32s(paddings)).asLongStream().toArray();
            case INT64 -> Operands.int64s(paddings);
            default -> throw new KernelException(node, "paddings '" + paddings.name() + "' must be int32 or int64, is "
                    + paddings.type().dtypeName());
        };
        Operands.requireRank(node, output, "output", rank);
        for (int d = 0; d < rank; d++) {
            if (pad[2 * d] < 0 || pad[2 * d + 1] < 0 || output.dim(d) != input.dim(d) + pad[2 * d] + pad[2 * d + 1]) {
                throw new KernelException(node, "output '" + output.name() + "' has shape "
                        + Arrays.toString(output.shape()) + " but input " + Arrays.toString(input.shape())
                        + " padded by " + Arrays.toString(pad) + " does not give it");
            }
        }
        if (input.type() != TensorType.INT8 && input.type() != TensorType.INT16 && input.type() != TensorType.INT32
                && input.type() != TensorType.FLOAT32) {
            throw new KernelException(node, "supports int8, int16, int32 and float32, not "
                    + input.type().dtypeName());
        }
        byte[] value = padValue(node, input.type(), constant, output);
        int[] before = new int[rank];
        for (int d = 0; d < rank; d++) {
            before[d] = (int) pad[2 * d];
        }
        PadParams params = new PadParams(IntArray.of(input.shape()), IntArray.of(output.shape()), IntArray.of(before),
                littleEndian(value));
        return new Copy(input, output, template(output, value), rowDestinations(input, output, pad), params);
    }

    /** A pad element's bytes as a signed little-endian integer. */
    private static int littleEndian(byte[] value) {
        int v = value[value.length - 1];
        for (int i = value.length - 2; i >= 0; i--) {
            v = (v << 8) | (value[i] & 0xff);
        }
        return v;
    }

    /** The little-endian bytes of one pad element. */
    private static byte[] padValue(Node node, TensorType type, TensorView constant, TensorView output) {
        if (constant != null) {
            Operands.requireType(node, constant, "constant value", type);
            Operands.requireElements(node, constant, "constant value", 1);
            Operands.requireConstant(node, constant, "constant value");
            if (type == TensorType.INT8 && (constant.zeroPoint() != output.zeroPoint()
                    || constant.scale() != output.scale())) {
                throw new KernelException(node, "constant value '" + constant.name()
                        + "' must have the output's scale and zero point");
            }
            return constant.bytes();
        }
        return switch (type) {
            case INT8 -> new byte[] {(byte) output.zeroPoint()};
            case INT16 -> new byte[2];
            case INT32, FLOAT32 -> new byte[4];
            default -> throw new KernelException(node, "supports int8, int16, int32 and float32, not "
                    + type.dtypeName());
        };
    }

    private static byte[] template(TensorView output, byte[] value) {
        byte[] t = new byte[output.byteSize()];
        for (int i = 0; i < t.length; i += value.length) {
            System.arraycopy(value, 0, t, i, value.length);
        }
        return t;
    }

    /** For each innermost row of the input, the element index where it starts in the output. */
    private static int[] rowDestinations(TensorView input, TensorView output, long[] pad) {
        int rank = input.rank();
        if (rank == 0) {
            return new int[] {0};
        }
        int rowLength = input.dim(rank - 1);
        int rows = rowLength == 0 ? 0 : input.elementCount() / rowLength;
        int[] outStrides = new int[rank];
        int stride = 1;
        for (int d = rank - 1; d >= 0; d--) {
            outStrides[d] = stride;
            stride *= output.dim(d);
        }
        int[] destinations = new int[rows];
        int[] index = new int[rank];
        for (int r = 0; r < rows; r++) {
            int dst = 0;
            for (int d = 0; d < rank; d++) {
                dst += (int) (index[d] + pad[2 * d]) * outStrides[d];
            }
            destinations[r] = dst;
            for (int d = rank - 2; d >= 0; d--) {
                if (++index[d] < input.dim(d)) {
                    break;
                }
                index[d] = 0;
            }
        }
        return destinations;
    }

    private static final class Copy implements Kernel {
        private final PadParams params;
        private final byte[] template;
        private final int[] destinations;
        private final int rowBytes;
        private final int elementBytes;
        private final byte[] in;
        private final int inBase;
        private final byte[] out;
        private final int outBase;

        Copy(TensorView input, TensorView output, byte[] template, int[] destinations, PadParams params) {
            this.params = params;
            this.template = template;
            this.destinations = destinations;
            this.elementBytes = input.type().byteSize();
            this.rowBytes = (input.rank() == 0 ? 1 : input.dim(input.rank() - 1)) * elementBytes;
            this.in = input.data();
            this.inBase = input.offset();
            this.out = output.data();
            this.outBase = output.offset();
        }

        @Override
        public PadParams params() {
            return params;
        }

        @Override
        public void eval() {
            System.arraycopy(template, 0, out, outBase, template.length);
            for (int r = 0; r < destinations.length; r++) {
                System.arraycopy(in, inBase + r * rowBytes, out, outBase + destinations[r] * elementBytes, rowBytes);
            }
        }
    }
}
