package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.params.FullyConnectedParams;
import dev.littlebrain.runtime.params.Requantization;
import dev.littlebrain.runtime.quant.FixedPoint;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.TensorType;
import java.util.Arrays;

/**
 * FULLY_CONNECTED as TFLite Micro's reference kernels compute it ({@code reference_integer_ops::FullyConnected}
 * / {@code FullyConnectedPerChannel}, {@code reference_ops::FullyConnected}): filter {@code [outDepth, accumDepth]},
 * optional bias, every leading dimension of the output is a batch ({@code keep_num_dims} only changes the
 * output shape the converter wrote, which the kernel takes as given).
 *
 * <p>Quantization follows TFLM's {@code CalculateOpDataFullyConnected}: per-channel filter scales give one
 * multiplier per output channel; a per-tensor scale gives one multiplier from
 * {@code GetQuantizedConvolutionMultipler}, whose {@code inputScale * filterScale} is a float product.
 */
final class FullyConnectedOp implements Op {

    @Override
    public Kernel prepare(Node node) {
        Operands.requireCounts(node, 2, 3, 1);
        OperatorOptions.FullyConnected options = node.options(OperatorOptions.FullyConnected.class);
        if (options.weightsFormat() != 0) {
            throw new KernelException(node, "supports only the DEFAULT weights format, not shuffled ("
                    + options.weightsFormat() + ")");
        }
        TensorView input = Operands.required(node, 0, "input");
        TensorView filter = Operands.required(node, 1, "filter");
        TensorView bias = node.optionalInput(2);
        TensorView output = node.output(0);
        Operands.requireRank(node, filter, "filter", 2);
        Operands.requireConstant(node, filter, "filter");
        if (output.rank() < 1) {
            throw new KernelException(node, "output '" + output.name() + "' is a scalar");
        }
        int outDepth = output.dim(output.rank() - 1);
        int accumDepth = filter.dim(1);
        Operands.requireDim(node, filter, "filter", 0, outDepth);
        int batches = outDepth == 0 ? 0 : output.elementCount() / outDepth;
        if (input.elementCount() != batches * accumDepth) {
            throw new KernelException(node, "input '" + input.name() + "' has shape " + Arrays.toString(input.shape())
                    + " (" + input.elementCount() + " values) but " + batches + " batch(es) of the " + accumDepth
                    + "-wide filter need " + batches * accumDepth);
        }
        if (input.type() != output.type()) {
            throw new KernelException(node, "input is " + input.type().dtypeName() + " but output is "
                    + output.type().dtypeName());
        }
        return switch (input.type()) {
            case INT8 -> {
                Operands.requireType(node, filter, "filter", TensorType.INT8);
                yield new Int8(node, input, filter, bias, output, batches, accumDepth, outDepth, options);
            }
            case FLOAT32 -> {
                Operands.requireType(node, filter, "filter", TensorType.FLOAT32);
                yield new Float32(node, input, filter, bias, output, batches, accumDepth, outDepth, options);
            }
            default -> throw new KernelException(node, "supports int8 and float32 input, not "
                    + input.type().dtypeName() + " (hybrid and 16x8 models are not supported)");
        };
    }

    private static final class Int8 implements Kernel {
        private final FullyConnectedParams params;
        private final int batches;
        private final int accumDepth;
        private final int outDepth;
        private final int[] filter;
        private final int[] bias;
        private final int[] multipliers;
        private final int[] shifts;
        private final int inputOffset;
        private final int outputZeroPoint;
        private final int actMin;
        private final int actMax;
        private final int[] row;
        private final byte[] in;
        private final int inBase;
        private final byte[] out;
        private final int outBase;

        Int8(Node node, TensorView input, TensorView filter, TensorView bias, TensorView output, int batches,
                int accumDepth, int outDepth, OperatorOptions.FullyConnected options) {
            this.batches = batches;
            this.accumDepth = accumDepth;
            this.outDepth = outDepth;
            Requantization r;
            int filterOffset;
            if (filter.quantization().isPerChannel()) {
                // FullyConnectedPerChannel has no filter offset: per-channel weights are symmetric.
                r = Requantizations.perChannel(node, input, filter, output, outDepth, 0, options.activation());
                filterOffset = 0;
            } else {
                // The per-tensor kernel adds weights_offset = -filter zero point to every weight.
                r = Requantizations.perTensorFullyConnected(node, input, filter, output, outDepth,
                        options.activation());
                filterOffset = -filter.zeroPoint();
            }
            this.params = new FullyConnectedParams(batches, accumDepth, outDepth, filterOffset, r);
            this.filter = Operands.int8AsInts(filter, filterOffset);
            this.multipliers = r.multipliers().toArray();
            this.shifts = r.shifts().toArray();
            this.bias = Operands.int32BiasOrZeros(node, bias, outDepth);
            this.inputOffset = r.inputOffset();
            this.outputZeroPoint = r.outputZeroPoint();
            this.actMin = r.range().min();
            this.actMax = r.range().max();
            this.row = new int[accumDepth];
            this.in = input.data();
            this.inBase = input.offset();
            this.out = output.data();
            this.outBase = output.offset();
        }

        @Override
        public FullyConnectedParams params() {
            return params;
        }

        @Override
        public void eval() {
            final int[] row = this.row;
            final int[] filter = this.filter;
            final int accumDepth = this.accumDepth;
            for (int b = 0; b < batches; b++) {
                int src = inBase + b * accumDepth;
                for (int d = 0; d < accumDepth; d++) {
                    row[d] = in[src + d] + inputOffset;
                }
                int dst = outBase + b * outDepth;
                for (int oc = 0; oc < outDepth; oc++) {
                    int f = oc * accumDepth;
                    int acc = 0;
                    for (int d = 0; d < accumDepth; d++) {
                        acc += filter[f + d] * row[d];
                    }
                    acc += bias[oc];
                    acc = FixedPoint.multiplyByQuantizedMultiplier(acc, multipliers[oc], shifts[oc]) + outputZeroPoint;
                    out[dst + oc] = (byte) (acc < actMin ? actMin : (acc > actMax ? actMax : acc));
                }
            }
        }
    }

    private static final class Float32 implements Kernel {
        private final int batches;
        private final int accumDepth;
        private final int outDepth;
        private final float[] filter;
        private final float[] bias;
        private final FloatActivationRange range;
        private final float[] row;
        private final TensorView input;
        private final TensorView output;

        Float32(Node node, TensorView input, TensorView filter, TensorView bias, TensorView output, int batches,
                int accumDepth, int outDepth, OperatorOptions.FullyConnected options) {
            this.batches = batches;
            this.accumDepth = accumDepth;
            this.outDepth = outDepth;
            this.filter = Operands.floats(filter);
            this.bias = Operands.floatBiasOrZeros(node, bias, outDepth);
            this.range = FloatActivationRange.of(node, options.activation());
            this.row = new float[accumDepth];
            this.input = input;
            this.output = output;
        }

        @Override
        public void eval() {
            final float[] row = this.row;
            final float[] filter = this.filter;
            for (int b = 0; b < batches; b++) {
                for (int d = 0; d < accumDepth; d++) {
                    row[d] = input.float32(b * accumDepth + d);
                }
                for (int oc = 0; oc < outDepth; oc++) {
                    int f = oc * accumDepth;
                    float total = 0f;
                    for (int d = 0; d < accumDepth; d++) {
                        total += row[d] * filter[f + d];
                    }
                    output.setFloat32(b * outDepth + oc, range.clamp(total + bias[oc]));
                }
            }
        }
    }
}
