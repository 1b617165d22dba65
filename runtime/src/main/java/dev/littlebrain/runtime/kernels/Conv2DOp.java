package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.memory.InPlaceOutput;
import dev.littlebrain.runtime.params.ConvParams;
import dev.littlebrain.runtime.params.Requantization;
import dev.littlebrain.runtime.params.Window;
import dev.littlebrain.runtime.quant.FixedPoint;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.TensorType;
import java.util.List;

/**
 * CONV_2D as TFLite Micro's reference kernels compute it ({@code reference_integer_ops::ConvPerChannel},
 * {@code reference_ops::Conv}): NHWC input, OHWI filter, optional bias, grouped convolution when the
 * filter's depth divides the input's.
 *
 * <p>Both kernels first gather each output pixel's receptive field into a patch laid out like one filter
 * row ({@code [fy][fx][ic]}), then take one dot product per output channel. Taps outside the image become
 * zeros in the patch: the reference skips them, and a zero term leaves an int32 sum unchanged (and a float
 * sum too, up to the sign of an all-zero sum), so the sums are the reference's, in the reference's order.
 */
final class Conv2DOp implements Op {

    /** Output pixels in NHWC order, each after (at most two pixels ahead of) reading its window. */
    @Override
    public List<InPlaceOutput> inPlaceOutputs(Node shapes) {
        OperatorOptions.Conv2D options = shapes.options(OperatorOptions.Conv2D.class);
        TensorView filter = shapes.input(1);
        return InPlaceRules.window(shapes, ConvGeometry.of(shapes, shapes.input(0), shapes.output(0), filter.dim(1),
                filter.dim(2), options.padding(), options.strideH(), options.strideW(), options.dilationH(),
                options.dilationW()));
    }

    @Override
    public Kernel prepare(Node node) {
        Operands.requireCounts(node, 2, 3, 1);
        OperatorOptions.Conv2D options = node.options(OperatorOptions.Conv2D.class);
        TensorView input = Operands.required(node, 0, "input");
        TensorView filter = Operands.required(node, 1, "filter");
        TensorView bias = node.optionalInput(2);
        TensorView output = node.output(0);
        Operands.requireRank(node, filter, "filter", 4);
        Operands.requireConstant(node, filter, "filter");
        Window g = ConvGeometry.of(node, input, output, filter.dim(1), filter.dim(2), options.padding(),
                options.strideH(), options.strideW(), options.dilationH(), options.dilationW());
        int outDepth = filter.dim(0);
        int filterDepth = filter.dim(3);
        Operands.requireDim(node, output, "output", 3, outDepth);
        if (filterDepth < 1 || g.inDepth() % filterDepth != 0 || outDepth % (g.inDepth() / filterDepth) != 0) {
            throw new KernelException(node, "filter depth " + filterDepth + " does not divide input depth "
                    + g.inDepth() + " into groups that divide " + outDepth + " output channels");
        }
        if (input.type() != output.type()) {
            throw new KernelException(node, "input is " + input.type().dtypeName() + " but output is "
                    + output.type().dtypeName());
        }
        return switch (input.type()) {
            case INT8 -> {
                Operands.requireType(node, filter, "filter", TensorType.INT8);
                yield new Int8(node, input, filter, bias, output, g, filterDepth);
            }
            case FLOAT32 -> {
                Operands.requireType(node, filter, "filter", TensorType.FLOAT32);
                yield new Float32(node, input, filter, bias, output, g, filterDepth, options);
            }
            default -> throw new KernelException(node, "supports int8 and float32 input, not "
                    + input.type().dtypeName());
        };
    }

    /** int8 activations, int8 weights quantized per channel (dimension 0) or per tensor, int32 bias. */
    private static final class Int8 implements Kernel {
        private final ConvParams params;
        private final Window g;
        private final int filterDepth;
        private final int groups;
        private final int filtersPerGroup;
        private final int patchSize;
        private final int[] filter;
        private final int[] bias;
        private final int[] multipliers;
        private final int[] shifts;
        private final int inputOffset;
        private final int outputZeroPoint;
        private final int actMin;
        private final int actMax;
        private final int[] patch;
        private final byte[] in;
        private final int inBase;
        private final byte[] out;
        private final int outBase;

        Int8(Node node, TensorView input, TensorView filter, TensorView bias, TensorView output, Window g,
                int filterDepth) {
            this.g = g;
            this.filterDepth = filterDepth;
            this.groups = g.inDepth() / filterDepth;
            this.filtersPerGroup = g.outDepth() / groups;
            this.patchSize = g.filterHeight() * g.filterWidth() * filterDepth;
            // Per-channel weights are symmetric: ConvPerChannel ignores the filter zero point.
            this.filter = Operands.int8AsInts(filter, 0);
            this.bias = Operands.int32BiasOrZeros(node, bias, g.outDepth());
            Requantization r = Requantizations.perChannel(node, input, filter, output, g.outDepth(), 0,
                    node.options(OperatorOptions.Conv2D.class).activation());
            this.params = new ConvParams(g, filterDepth, r);
            this.multipliers = r.multipliers().toArray();
            this.shifts = r.shifts().toArray();
            this.inputOffset = r.inputOffset();
            this.outputZeroPoint = r.outputZeroPoint();
            this.actMin = r.range().min();
            this.actMax = r.range().max();
            this.patch = new int[patchSize];
            this.in = input.data();
            this.inBase = input.offset();
            this.out = output.data();
            this.outBase = output.offset();
        }

        @Override
        public ConvParams params() {
            return params;
        }

        @Override
        public void eval() {
            final Window g = this.g;
            final int[] patch = this.patch;
            final int[] filter = this.filter;
            final int patchSize = this.patchSize;
            int o = outBase;
            for (int b = 0; b < g.batches(); b++) {
                for (int oy = 0; oy < g.outHeight(); oy++) {
                    int inY0 = oy * g.strideHeight() - g.padTop();
                    for (int ox = 0; ox < g.outWidth(); ox++) {
                        int inX0 = ox * g.strideWidth() - g.padLeft();
                        for (int group = 0; group < groups; group++) {
                            gather(b, inY0, inX0, group * filterDepth);
                            int firstChannel = group * filtersPerGroup;
                            for (int oc = firstChannel; oc < firstChannel + filtersPerGroup; oc++) {
                                int f = oc * patchSize;
                                int acc = 0;
                                for (int i = 0; i < patchSize; i++) {
                                    acc += filter[f + i] * patch[i];
                                }
                                acc += bias[oc];
                                acc = FixedPoint.multiplyByQuantizedMultiplier(acc, multipliers[oc], shifts[oc]);
                                acc += outputZeroPoint;
                                acc = acc < actMin ? actMin : (acc > actMax ? actMax : acc);
                                out[o + oc] = (byte) acc;
                            }
                        }
                        o += g.outDepth();
                    }
                }
            }
        }

        /** Fills the patch with {@code input + inputOffset} for taps inside the image, 0 outside. */
        private void gather(int b, int inY0, int inX0, int firstInChannel) {
            final Window g = this.g;
            int p = 0;
            for (int fy = 0; fy < g.filterHeight(); fy++) {
                int y = inY0 + fy * g.dilationHeight();
                boolean rowInside = y >= 0 && y < g.inHeight();
                for (int fx = 0; fx < g.filterWidth(); fx++) {
                    int x = inX0 + fx * g.dilationWidth();
                    if (rowInside && x >= 0 && x < g.inWidth()) {
                        int src = inBase + ((b * g.inHeight() + y) * g.inWidth() + x) * g.inDepth() + firstInChannel;
                        for (int c = 0; c < filterDepth; c++) {
                            patch[p + c] = in[src + c] + inputOffset;
                        }
                    } else {
                        java.util.Arrays.fill(patch, p, p + filterDepth, 0);
                    }
                    p += filterDepth;
                }
            }
        }
    }

    /** float32 activations, weights and bias. */
    private static final class Float32 implements Kernel {
        private final Window g;
        private final int filterDepth;
        private final int groups;
        private final int filtersPerGroup;
        private final int patchSize;
        private final float[] filter;
        private final float[] bias;
        private final FloatActivationRange range;
        private final float[] patch;
        private final TensorView input;
        private final TensorView output;

        Float32(Node node, TensorView input, TensorView filter, TensorView bias, TensorView output, Window g,
                int filterDepth, OperatorOptions.Conv2D options) {
            this.g = g;
            this.filterDepth = filterDepth;
            this.groups = g.inDepth() / filterDepth;
            this.filtersPerGroup = g.outDepth() / groups;
            this.patchSize = g.filterHeight() * g.filterWidth() * filterDepth;
            this.filter = Operands.floats(filter);
            this.bias = Operands.floatBiasOrZeros(node, bias, g.outDepth());
            this.range = FloatActivationRange.of(node, options.activation());
            this.patch = new float[patchSize];
            this.input = input;
            this.output = output;
        }

        @Override
        public void eval() {
            final Window g = this.g;
            final float[] patch = this.patch;
            final float[] filter = this.filter;
            int o = 0;
            for (int b = 0; b < g.batches(); b++) {
                for (int oy = 0; oy < g.outHeight(); oy++) {
                    int inY0 = oy * g.strideHeight() - g.padTop();
                    for (int ox = 0; ox < g.outWidth(); ox++) {
                        int inX0 = ox * g.strideWidth() - g.padLeft();
                        for (int group = 0; group < groups; group++) {
                            gather(b, inY0, inX0, group * filterDepth);
                            int firstChannel = group * filtersPerGroup;
                            for (int oc = firstChannel; oc < firstChannel + filtersPerGroup; oc++) {
                                int f = oc * patchSize;
                                float total = 0f;
                                for (int i = 0; i < patchSize; i++) {
                                    total += patch[i] * filter[f + i];
                                }
                                output.setFloat32(o + oc, range.clamp(total + bias[oc]));
                            }
                        }
                        o += g.outDepth();
                    }
                }
            }
        }

        private void gather(int b, int inY0, int inX0, int firstInChannel) {
            final Window g = this.g;
            int p = 0;
            for (int fy = 0; fy < g.filterHeight(); fy++) {
                int y = inY0 + fy * g.dilationHeight();
                boolean rowInside = y >= 0 && y < g.inHeight();
                for (int fx = 0; fx < g.filterWidth(); fx++) {
                    int x = inX0 + fx * g.dilationWidth();
                    if (rowInside && x >= 0 && x < g.inWidth()) {
                        int src = ((b * g.inHeight() + y) * g.inWidth() + x) * g.inDepth() + firstInChannel;
                        for (int c = 0; c < filterDepth; c++) {
                            patch[p + c] = input.float32(src + c);
                        }
                    } else {
                        java.util.Arrays.fill(patch, p, p + filterDepth, 0f);
                    }
                    p += filterDepth;
                }
            }
        }
    }
}
