package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.params.SoftmaxParams;
import dev.littlebrain.runtime.quant.FixedPoint;
import dev.littlebrain.runtime.quant.GemmlowpMath;
import dev.littlebrain.runtime.quant.QuantizedMultiplier;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.TensorType;

/**
 * SOFTMAX over the last dimension, with beta. float32 in float32 out; int8 in, int8 or int16 out with
 * TFLM's fixed-point algorithm ({@code softmax_common.cc} + {@code reference_ops::Softmax}): input
 * differences to the row maximum are scaled by {@code beta * scale} into Q5.26, exponentiated with
 * gemmlowp's {@code exp_on_negative_values}, summed in Q12.19, and divided through a fixed-point
 * reciprocal.
 */
final class SoftmaxOp implements Op {
    private static final int SCALED_DIFF_INTEGER_BITS = 5;
    private static final int ACCUMULATION_INTEGER_BITS = 12;

    @Override
    public Kernel prepare(Node node) {
        Operands.inputCount(node, 1, 1);
        Operands.outputCount(node, 1);
        TensorView in = node.input(0);
        TensorView out = node.output(0);
        if (in.rank() < 1) {
            throw new KernelException(node, "needs an input of rank at least 1, got a scalar");
        }
        Operands.sameShape(node, in, out);
        float beta = node.options(OperatorOptions.Softmax.class).beta();
        int depth = in.dim(in.rank() - 1);
        int rows = depth == 0 ? 0 : in.elementCount() / depth;
        if (in.type() == TensorType.FLOAT32 && out.type() == TensorType.FLOAT32) {
            return new FloatSoftmax(in, out, rows, depth, beta);
        }
        if (in.type() != TensorType.INT8) {
            throw Operands.unsupportedType(node, in);
        }
        Operands.quantized(node, in);
        Operands.quantized(node, out);
        if (out.type() == TensorType.INT8) {
            // TFLM requires exactly this output quantization: [0, 1) onto the full int8 range.
            if (out.zeroPoint() != -128 || out.scale() != 1f / 256) {
                throw new KernelException(node, "needs int8 output scale 1/256 and zero point -128, got scale "
                        + out.scale() + " zero point " + out.zeroPoint());
            }
        } else if (out.type() == TensorType.INT16) {
            if (out.zeroPoint() != -32768 || Math.abs(out.scale() - 1f / 65536) > 0.001f / 65536) {
                throw new KernelException(node, "needs int16 output scale 1/65536 and zero point -32768, got scale "
                        + out.scale() + " zero point " + out.zeroPoint());
            }
        } else {
            throw Operands.unsupportedType(node, out);
        }
        return new QuantizedSoftmax(in, out, int8Params(node, in, out, beta));
    }

    /**
     * TFLM's {@code CalculateSoftmaxParams}: the row layout, and {@code PreprocessSoftmaxScaling}'s multiplier of
     * {@code beta * scale * 2^26} (capped so it still fits a Q31 multiplier) with the radius below which a
     * difference's exponential is zero.
     */
    private static SoftmaxParams int8Params(Node node, TensorView in, TensorView out, float beta) {
        int depth = in.dim(in.rank() - 1);
        int rows = depth == 0 ? 0 : in.elementCount() / depth;
        double real = Math.min((double) beta * (double) in.scale()
                * (double) (1 << (31 - SCALED_DIFF_INTEGER_BITS)), (double) ((1L << 31) - 1));
        if (!(real > 1.0)) {
            throw new KernelException(node, "needs beta * input scale * 2^26 > 1 (TFLite's"
                    + " QuantizeMultiplierGreaterThanOne), got " + real);
        }
        QuantizedMultiplier m = QuantizedMultiplier.of(real);
        int diffMin = -GemmlowpMath.calculateInputRadius(SCALED_DIFF_INTEGER_BITS, m.shift(), 31);
        return new SoftmaxParams(rows, depth, m, diffMin, out.type() == TensorType.INT16 ? 16 : 8);
    }

    private static final class QuantizedSoftmax implements Kernel {
        private final TensorView in;
        private final TensorView out;
        private final int rows;
        private final int depth;
        private final int multiplier;
        private final int leftShift;
        private final int diffMin;
        private final boolean int16Output;
        private final SoftmaxParams params;

        QuantizedSoftmax(TensorView in, TensorView out, SoftmaxParams params) {
            this.params = params;
            this.in = in;
            this.out = out;
            this.rows = params.rows();
            this.depth = params.depth();
            this.multiplier = params.inputMultiplier().multiplier();
            this.leftShift = params.inputMultiplier().shift();
            this.diffMin = params.diffMin();
            this.int16Output = params.outputBits() == 16;
        }

        @Override
        public SoftmaxParams params() {
            return params;
        }

        /** exp(beta * scale * diff) in Q0.31 for diff = x - max ≤ 0. */
        private int expOfDiff(int diff) {
            int rescaled = FixedPoint.multiplyByQuantizedMultiplierGreaterThanOne(diff, multiplier, leftShift);
            return GemmlowpMath.expOnNegativeValues(rescaled, SCALED_DIFF_INTEGER_BITS);
        }

        @Override
        public void eval() {
            byte[] id = in.data();
            int io = in.offset();
            int outMin = int16Output ? Short.MIN_VALUE : Byte.MIN_VALUE;
            int outMax = int16Output ? Short.MAX_VALUE : Byte.MAX_VALUE;
            int outBits = int16Output ? 16 : 8;
            for (int r = 0; r < rows; r++) {
                int base = r * depth;
                int max = Byte.MIN_VALUE;
                for (int c = 0; c < depth; c++) {
                    max = Math.max(max, id[io + base + c]);
                }
                int sumOfExps = 0; // Q12.19; plain int32 adds, as gemmlowp's
                for (int c = 0; c < depth; c++) {
                    int diff = id[io + base + c] - max;
                    if (diff >= diffMin) {
                        sumOfExps += GemmlowpMath.rescale(expOfDiff(diff), 0, ACCUMULATION_INTEGER_BITS);
                    }
                }
                // GetReciprocal: normalise the sum to [1, 2), take 1/(1+x) of the fractional part x.
                int headroomPlusOne = Integer.numberOfLeadingZeros(sumOfExps);
                int numBitsOverUnit = ACCUMULATION_INTEGER_BITS - headroomPlusOne;
                int shiftedSumMinusOne = (sumOfExps << headroomPlusOne) + Integer.MIN_VALUE; // minus 2^31, mod 2^32
                int shiftedScale = GemmlowpMath.oneOverOnePlusXForXIn01(shiftedSumMinusOne);
                int exponent = numBitsOverUnit + 31 - outBits;
                for (int c = 0; c < depth; c++) {
                    int diff = id[io + base + c] - max;
                    int y = outMin;
                    if (diff >= diffMin) {
                        int unsaturated = FixedPoint.roundingDivideByPOT(GemmlowpMath.mul(shiftedScale, expOfDiff(diff)),
                                exponent);
                        y = FixedPoint.clamp(unsaturated + outMin, outMin, outMax);
                    }
                    if (int16Output) {
                        out.setInt16(base + c, y);
                    } else {
                        out.setInt8(base + c, y);
                    }
                }
            }
        }
    }

    /** TFLite's float reference: exp((x - max) * beta) in float, normalised by the float sum. */
    private record FloatSoftmax(TensorView in, TensorView out, int rows, int depth, float beta) implements Kernel {
        @Override
        public void eval() {
            for (int r = 0; r < rows; r++) {
                int base = r * depth;
                float max = -Float.MAX_VALUE;
                for (int c = 0; c < depth; c++) {
                    max = Math.max(max, in.float32(base + c));
                }
                float sum = 0f;
                for (int c = 0; c < depth; c++) {
                    float e = (float) Math.exp((in.float32(base + c) - max) * beta);
                    out.setFloat32(base + c, e);
                    sum += e;
                }
                for (int c = 0; c < depth; c++) {
                    out.setFloat32(base + c, out.float32(base + c) / sum);
                }
            }
        }
    }
}
