package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.memory.InPlaceOutput;
import dev.littlebrain.runtime.params.DepthwiseParams;
import dev.littlebrain.runtime.params.Requantization;
import dev.littlebrain.runtime.params.Window;
import dev.littlebrain.runtime.quant.FixedPoint;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.TensorType;
import java.util.Arrays;
import java.util.List;

/**
 * DEPTHWISE_CONV_2D as TFLite Micro's reference kernels compute it
 * ({@code reference_integer_ops::DepthwiseConvPerChannel}, {@code reference_ops::DepthwiseConv}): filter
 * {@code [1, fh, fw, inDepth * depthMultiplier]}, output channel {@code ic * depthMultiplier + m} reads input
 * channel {@code ic}; per-channel weight scales lie along dimension 3.
 *
 * <p>The loops run tap by tap with all output channels of a pixel accumulated side by side, so the
 * innermost loop walks filter and input contiguously. Each channel still sums its taps in the
 * reference's (fy, fx) order, skipping taps outside the image, so float sums are bit-identical.
 */
final class DepthwiseConv2DOp implements Op {

    /** Output pixels in NHWC order, each after (at most two pixels ahead of) reading its window. */
    @Override
    public List<InPlaceOutput> inPlaceOutputs(Node shapes) {
        OperatorOptions.DepthwiseConv2D options = shapes.options(OperatorOptions.DepthwiseConv2D.class);
        TensorView filter = shapes.input(1);
        return InPlaceRules.window(shapes, ConvGeometry.of(shapes, shapes.input(0), shapes.output(0), filter.dim(1),
                filter.dim(2), options.padding(), options.strideH(), options.strideW(), options.dilationH(),
                options.dilationW()));
    }

    @Override
    public Kernel prepare(Node node) {
        Operands.requireCounts(node, 2, 3, 1);
        OperatorOptions.DepthwiseConv2D options = node.options(OperatorOptions.DepthwiseConv2D.class);
        TensorView input = Operands.required(node, 0, "input");
        TensorView filter = Operands.required(node, 1, "filter");
        TensorView bias = node.optionalInput(2);
        TensorView output = node.output(0);
        Operands.requireRank(node, filter, "filter", 4);
        Operands.requireConstant(node, filter, "filter");
        Operands.requireDim(node, filter, "filter", 0, 1);
        Window g = ConvGeometry.of(node, input, output, filter.dim(1), filter.dim(2), options.padding(),
                options.strideH(), options.strideW(), options.dilationH(), options.dilationW());
        int outDepth = filter.dim(3);
        Operands.requireDim(node, output, "output", 3, outDepth);
        int multiplier = options.depthMultiplier();
        if (multiplier < 1 || g.inDepth() * multiplier != outDepth) {
            throw new KernelException(node, "has depth_multiplier " + multiplier + " but input depth "
                    + g.inDepth() + " and " + outDepth + " output channels");
        }
        if (input.type() != output.type()) {
            throw new KernelException(node, "input is " + input.type().dtypeName() + " but output is "
                    + output.type().dtypeName());
        }
        return switch (input.type()) {
            case INT8 -> {
                Operands.requireType(node, filter, "filter", TensorType.INT8);
                yield new Int8(node, input, filter, bias, output, g, multiplier, options);
            }
            case FLOAT32 -> {
                Operands.requireType(node, filter, "filter", TensorType.FLOAT32);
                yield new Float32(node, input, filter, bias, output, g, multiplier, options);
            }
            default -> throw new KernelException(node, "supports int8 and float32 input, not "
                    + input.type().dtypeName());
        };
    }

    private static final class Int8 implements Kernel {
        private final DepthwiseParams params;
        private final Window g;
        private final int depthMultiplier;
        private final int[] filter;
        private final int[] bias;
        private final int[] multipliers;
        private final int[] shifts;
        private final int inputOffset;
        private final int outputZeroPoint;
        private final int actMin;
        private final int actMax;
        private final int[] acc;
        private final byte[] in;
        private final int inBase;
        private final byte[] out;
        private final int outBase;
        /** For one input channel: weights as [channel][tap], and one gathered input window. */
        private final int[] filterByChannel;
        private final int[] patch;

        Int8(Node node, TensorView input, TensorView filter, TensorView bias, TensorView output, Window g,
                int depthMultiplier, OperatorOptions.DepthwiseConv2D options) {
            this.g = g;
            this.depthMultiplier = depthMultiplier;
            // Symmetric per-channel weights: the reference ignores the filter zero point.
            this.filter = Operands.int8AsInts(filter, 0);
            this.bias = Operands.int32BiasOrZeros(node, bias, g.outDepth());
            Requantization r = Requantizations.perChannel(node, input, filter, output, g.outDepth(), 3,
                    options.activation());
            this.params = new DepthwiseParams(g, depthMultiplier, r);
            this.multipliers = r.multipliers().toArray();
            this.shifts = r.shifts().toArray();
            this.inputOffset = r.inputOffset();
            this.outputZeroPoint = r.outputZeroPoint();
            this.actMin = r.range().min();
            this.actMax = r.range().max();
            this.acc = new int[g.outDepth()];
            int taps = g.filterHeight() * g.filterWidth();
            this.patch = new int[taps];
            this.filterByChannel = new int[taps * g.outDepth()];
            for (int t = 0; t < taps; t++) {
                for (int c = 0; c < g.outDepth(); c++) {
                    filterByChannel[c * taps + t] = this.filter[t * g.outDepth() + c];
                }
            }
            this.in = input.data();
            this.inBase = input.offset();
            this.out = output.data();
            this.outBase = output.offset();
        }

        /**
         * One input channel fanned out to many (micro_speech's first layer): gather the window once,
         * then one contiguous dot product per output channel. Integer sums are order-independent, so
         * this computes exactly what the general loop computes.
         */
        private void evalSingleInputChannel() {
            final Window g = this.g;
            final int taps = g.filterHeight() * g.filterWidth();
            final int outDepth = g.outDepth();
            final int[] patch = this.patch;
            final int[] weights = this.filterByChannel;
            int o = outBase;
            for (int b = 0; b < g.batches(); b++) {
                for (int oy = 0; oy < g.outHeight(); oy++) {
                    int inY0 = oy * g.strideHeight() - g.padTop();
                    for (int ox = 0; ox < g.outWidth(); ox++) {
                        int inX0 = ox * g.strideWidth() - g.padLeft();
                        int t = 0;
                        for (int fy = 0; fy < g.filterHeight(); fy++) {
                            int y = inY0 + fy * g.dilationHeight();
                            boolean rowInside = y >= 0 && y < g.inHeight();
                            int row = inBase + (b * g.inHeight() + y) * g.inWidth();
                            for (int fx = 0; fx < g.filterWidth(); fx++) {
                                int x = inX0 + fx * g.dilationWidth();
                                // Padding contributes nothing to the sum.
                                patch[t++] = rowInside && x >= 0 && x < g.inWidth() ? in[row + x] + inputOffset : 0;
                            }
                        }
                        for (int c = 0; c < outDepth; c++) {
                            int sum = 0;
                            int base = c * taps;
                            for (int k = 0; k < taps; k++) {
                                sum += weights[base + k] * patch[k];
                            }
                            int v = FixedPoint.multiplyByQuantizedMultiplier(sum + bias[c], multipliers[c], shifts[c])
                                    + outputZeroPoint;
                            out[o + c] = (byte) (v < actMin ? actMin : (v > actMax ? actMax : v));
                        }
                        o += outDepth;
                    }
                }
            }
        }

        @Override
        public DepthwiseParams params() {
            return params;
        }

        @Override
        public void eval() {
            if (g.inDepth() == 1 && depthMultiplier > 1) {
                evalSingleInputChannel();
                return;
            }
            final Window g = this.g;
            final int[] acc = this.acc;
            final int[] filter = this.filter;
            final int outDepth = g.outDepth();
            final int inDepth = g.inDepth();
            int o = outBase;
            for (int b = 0; b < g.batches(); b++) {
                for (int oy = 0; oy < g.outHeight(); oy++) {
                    int inY0 = oy * g.strideHeight() - g.padTop();
                    for (int ox = 0; ox < g.outWidth(); ox++) {
                        int inX0 = ox * g.strideWidth() - g.padLeft();
                        Arrays.fill(acc, 0);
                        // Only the taps that land inside the input: padding contributes nothing.
                        int fyEnd = ConvGeometry.endTap(inY0, g.dilationHeight(), g.inHeight(), g.filterHeight());
                        int fxStart = ConvGeometry.firstTap(inX0, g.dilationWidth());
                        int fxEnd = ConvGeometry.endTap(inX0, g.dilationWidth(), g.inWidth(), g.filterWidth());
                        for (int fy = ConvGeometry.firstTap(inY0, g.dilationHeight()); fy < fyEnd; fy++) {
                            int y = inY0 + fy * g.dilationHeight();
                            for (int fx = fxStart; fx < fxEnd; fx++) {
                                int x = inX0 + fx * g.dilationWidth();
                                int src = inBase + ((b * g.inHeight() + y) * g.inWidth() + x) * inDepth;
                                int f = (fy * g.filterWidth() + fx) * outDepth;
                                if (depthMultiplier == 1) {
                                    for (int c = 0; c < outDepth; c++) {
                                        acc[c] += filter[f + c] * (in[src + c] + inputOffset);
                                    }
                                } else {
                                    for (int ic = 0, oc = 0; ic < inDepth; ic++) {
                                        int v = in[src + ic] + inputOffset;
                                        for (int m = 0; m < depthMultiplier; m++, oc++) {
                                            acc[oc] += filter[f + oc] * v;
                                        }
                                    }
                                }
                            }
                        }
                        for (int c = 0; c < outDepth; c++) {
                            int v = FixedPoint.multiplyByQuantizedMultiplier(acc[c] + bias[c], multipliers[c],
                                    shifts[c]) + outputZeroPoint;
                            out[o + c] = (byte) (v < actMin ? actMin : (v > actMax ? actMax : v));
                        }
                        o += outDepth;
                    }
                }
            }
        }
    }

    private static final class Float32 implements Kernel {
        private final Window g;
        private final int depthMultiplier;
        private final float[] filter;
        private final float[] bias;
        private final FloatActivationRange range;
        private final float[] acc;
        private final TensorView input;
        private final TensorView output;

        Float32(Node node, TensorView input, TensorView filter, TensorView bias, TensorView output, Window g,
                int depthMultiplier, OperatorOptions.DepthwiseConv2D options) {
            this.g = g;
            this.depthMultiplier = depthMultiplier;
            this.filter = Operands.floats(filter);
            this.bias = Operands.floatBiasOrZeros(node, bias, g.outDepth());
            this.range = FloatActivationRange.of(node, options.activation());
            this.acc = new float[g.outDepth()];
            this.input = input;
            this.output = output;
        }

        @Override
        public void eval() {
            final Window g = this.g;
            final float[] acc = this.acc;
            final float[] filter = this.filter;
            final int outDepth = g.outDepth();
            final int inDepth = g.inDepth();
            int o = 0;
            for (int b = 0; b < g.batches(); b++) {
                for (int oy = 0; oy < g.outHeight(); oy++) {
                    int inY0 = oy * g.strideHeight() - g.padTop();
                    for (int ox = 0; ox < g.outWidth(); ox++) {
                        int inX0 = ox * g.strideWidth() - g.padLeft();
                        Arrays.fill(acc, 0f);
                        for (int fy = 0; fy < g.filterHeight(); fy++) {
                            int y = inY0 + fy * g.dilationHeight();
                            if (y < 0 || y >= g.inHeight()) {
                                continue;
                            }
                            for (int fx = 0; fx < g.filterWidth(); fx++) {
                                int x = inX0 + fx * g.dilationWidth();
                                if (x < 0 || x >= g.inWidth()) {
                                    continue;
                                }
                                int src = ((b * g.inHeight() + y) * g.inWidth() + x) * inDepth;
                                int f = (fy * g.filterWidth() + fx) * outDepth;
                                for (int ic = 0, oc = 0; ic < inDepth; ic++) {
                                    float v = input.float32(src + ic);
                                    for (int m = 0; m < depthMultiplier; m++, oc++) {
                                        acc[oc] += v * filter[f + oc];
                                    }
                                }
                            }
                        }
                        for (int c = 0; c < outDepth; c++) {
                            output.setFloat32(o + c, range.clamp(acc[c] + bias[c]));
                        }
                        o += outDepth;
                    }
                }
            }
        }
    }
}
