package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.params.IntArray;
import dev.littlebrain.runtime.params.MeanParams;
import dev.littlebrain.runtime.quant.FixedPoint;
import dev.littlebrain.runtime.quant.QuantizedMultiplier;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.TensorType;
import java.util.Arrays;

/**
 * MEAN as TFLite Micro's {@code reduce_common.cc} computes it, over constant int32 axes (negative axes
 * count from the end, repeats are ignored).
 *
 * <p>int8 takes TFLM's integer path ({@code EvalIntegerMean} → {@code reference_ops::QuantizedMeanOrSum}),
 * used for every shape: int32 sums of the raw values; the multiplier {@code QuantizeMultiplier(inScale /
 * outScale)} absorbs {@code 1/n} as {@code (multiplier << s) / n} (int64, truncating) with
 * {@code s = min(floor(log2 n), 32, 31 + shift)} and the shift lowered by {@code s}; then per output
 * {@code MultiplyByQuantizedMultiplier(sum - inZp * n) + outZp}, saturated to int8. This differs from
 * desktop TFLite's int8 MEAN, which has float and special-cased paths.
 *
 * <p>float32 sums in input order and divides by {@code (float) n}, which is what both TFLM float paths
 * (the 4-D height/width special case and the generic reduce) compute.
 */
final class MeanOp implements Op {

    @Override
    public Kernel prepare(Node node) {
        Operands.requireCounts(node, 2, 2, 1);
        OperatorOptions.Reducer options = node.options(OperatorOptions.Reducer.class);
        TensorView input = Operands.required(node, 0, "input");
        TensorView axis = Operands.required(node, 1, "axis");
        TensorView output = node.output(0);
        Operands.requireType(node, axis, "axis", TensorType.INT32);
        Operands.requireConstant(node, axis, "axis");
        int rank = input.rank();
        boolean[] reduced = new boolean[rank];
        for (int a : Operands.int32s(axis)) {
            int resolved = a < 0 ? a + rank : a;
            if (resolved < 0 || resolved >= rank) {
                throw new KernelException(node, "axis " + a + " is out of range for input shape "
                        + Arrays.toString(input.shape()));
            }
            reduced[resolved] = true;
        }
        int[] expected = outputShape(input, reduced, options.keepDims());
        // The kernel writes the output as a flat array, so only its element count has to agree.
        if (output.elementCount() != product(expected)) {
            throw new KernelException(node, "output '" + output.name() + "' has shape "
                    + Arrays.toString(output.shape()) + ", expected " + Arrays.toString(expected));
        }
        if (input.type() != output.type()) {
            throw new KernelException(node, "input is " + input.type().dtypeName() + " but output is "
                    + output.type().dtypeName());
        }
        int[] outputStrides = outputStrides(input, reduced);
        int[] outputIndex = outputIndexOfEachInput(input, outputStrides);
        int outputs = output.elementCount();
        int n = 1;
        for (int d = 0; d < rank; d++) {
            if (reduced[d]) {
                n *= input.dim(d);
            }
        }
        return switch (input.type()) {
            case INT8 -> {
                Operands.requireQuantized(node, input, "input");
                Operands.requireQuantized(node, output, "output");
                yield new Int8(input, output, outputIndex, outputs, new MeanParams(IntArray.of(input.shape()),
                        IntArray.of(outputStrides), n, input.zeroPoint(),
                        int8Multiplier(input.scale(), output.scale(), n), output.zeroPoint()));
            }
            case FLOAT32 -> new Float32(input, output, outputIndex, outputs, n);
            default -> throw new KernelException(node, "supports int8 and float32, not " + input.type().dtypeName());
        };
    }

    private static int[] outputShape(TensorView input, boolean[] reduced, boolean keepDims) {
        int[] shape = new int[input.rank()];
        int r = 0;
        for (int d = 0; d < input.rank(); d++) {
            if (!reduced[d]) {
                shape[r++] = input.dim(d);
            } else if (keepDims) {
                shape[r++] = 1;
            }
        }
        return Arrays.copyOf(shape, r);
    }

    private static int product(int[] shape) {
        int p = 1;
        for (int d : shape) {
            p *= d;
        }
        return p;
    }

    /** For each input dimension, the stride of its index in the output: 0 for a reduced one. */
    private static int[] outputStrides(TensorView input, boolean[] reduced) {
        int[] outStride = new int[input.rank()];
        int stride = 1;
        for (int d = input.rank() - 1; d >= 0; d--) {
            outStride[d] = reduced[d] ? 0 : stride;
            stride *= reduced[d] ? 1 : input.dim(d);
        }
        return outStride;
    }

    /** Row-major walk of the input; each element's output is its index with the reduced dimensions dropped. */
    private static int[] outputIndexOfEachInput(TensorView input, int[] outStride) {
        int rank = input.rank();
        int[] map = new int[input.elementCount()];
        int[] index = new int[rank];
        for (int i = 0; i < map.length; i++) {
            int o = 0;
            for (int d = 0; d < rank; d++) {
                o += index[d] * outStride[d];
            }
            map[i] = o;
            for (int d = rank - 1; d >= 0; d--) {
                if (++index[d] < input.dim(d)) {
                    break;
                }
                index[d] = 0;
            }
        }
        return map;
    }

    /**
     * The int8 mean's multiplier and shift: {@code QuantizeMultiplier(inScale / outScale)} with {@code 1/n}
     * folded in as QuantizedMeanOrSum does; for {@code n == 0} the plain multiplier (the output is zeros).
     */
    private static QuantizedMultiplier int8Multiplier(float inputScale, float outputScale, int n) {
        QuantizedMultiplier m = QuantizedMultiplier.of((double) inputScale / (double) outputScale);
        int mult = m.multiplier();
        int sh = m.shift();
        if (n > 0) {
            // QuantizedMeanOrSum folds 1/n into the multiplier: s = floor(log2 n), capped so the
            // int64 shift cannot overflow and the final shift stays >= -31.
            int s = 63 - Long.numberOfLeadingZeros(n);
            s = Math.min(s, 32);
            s = Math.min(s, 31 + sh);
            mult = (int) (((long) mult << s) / n);
            sh -= s;
        }
        return new QuantizedMultiplier(mult, sh);
    }

    private static final class Int8 implements Kernel {
        private final MeanParams params;
        private final byte[] in;
        private final int inBase;
        private final byte[] out;
        private final int outBase;
        private final int[] outputIndex;
        private final int[] sum;
        private final int inputZeroPoint;
        private final int outputZeroPoint;
        private final int n;
        private final int multiplier;
        private final int shift;

        Int8(TensorView input, TensorView output, int[] outputIndex, int outputs, MeanParams params) {
            this.params = params;
            this.in = input.data();
            this.inBase = input.offset();
            this.out = output.data();
            this.outBase = output.offset();
            this.outputIndex = outputIndex;
            this.sum = new int[outputs];
            this.inputZeroPoint = params.inputZeroPoint();
            this.outputZeroPoint = params.outputZeroPoint();
            this.n = params.count();
            this.multiplier = params.multiplier().multiplier();
            this.shift = params.multiplier().shift();
        }

        @Override
        public MeanParams params() {
            return params;
        }

        @Override
        public void eval() {
            final int[] sum = this.sum;
            final int[] outputIndex = this.outputIndex;
            Arrays.fill(sum, 0);
            for (int i = 0; i < outputIndex.length; i++) {
                sum[outputIndex[i]] += in[inBase + i];
            }
            if (n == 0) {
                Arrays.fill(out, outBase, outBase + sum.length, (byte) 0);
                return;
            }
            for (int o = 0; o < sum.length; o++) {
                // (int32_t)(sum - zp * n): the product is int64 in the reference, then narrowed.
                int shifted = (int) (sum[o] - (long) inputZeroPoint * n);
                int v = FixedPoint.multiplyByQuantizedMultiplier(shifted, multiplier, shift) + outputZeroPoint;
                out[outBase + o] = (byte) (v < Byte.MIN_VALUE ? Byte.MIN_VALUE : (v > Byte.MAX_VALUE ? Byte.MAX_VALUE : v));
            }
        }
    }

    private static final class Float32 implements Kernel {
        private final TensorView input;
        private final TensorView output;
        private final int[] outputIndex;
        private final float[] sum;
        private final int n;

        Float32(TensorView input, TensorView output, int[] outputIndex, int outputs, int n) {
            this.input = input;
            this.output = output;
            this.outputIndex = outputIndex;
            this.sum = new float[outputs];
            this.n = n;
        }

        @Override
        public void eval() {
            final float[] sum = this.sum;
            final int[] outputIndex = this.outputIndex;
            Arrays.fill(sum, 0f);
            for (int i = 0; i < outputIndex.length; i++) {
                sum[outputIndex[i]] += input.float32(i);
            }
            for (int o = 0; o < sum.length; o++) {
                output.setFloat32(o, n > 0 ? sum[o] / (float) n : 0f);
            }
        }
    }
}
