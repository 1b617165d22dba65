package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.tflite.OperatorOptions;

/**
 * MAX_POOL_2D as TFLite Micro's reference {@code MaxPool} computes it: the maximum over the window clipped
 * to the image, then the fused activation's clamp. int8 output keeps the input's quantization (no
 * rescaling, as in the reference); float starts from {@code numeric_limits<float>::lowest()}.
 */
public final class MaxPool2DOp implements Op {

    @Override
    public Kernel prepare(Node node) {
        OperatorOptions.Pool2D options = node.options(OperatorOptions.Pool2D.class);
        ConvGeometry g = PoolWindow.geometry(node, options);
        TensorView input = node.input(0);
        TensorView output = node.output(0);
        return switch (input.type()) {
            case INT8 -> new Int8(g, input, output, QuantizedActivationRange.of(node, options.activation(), output));
            case FLOAT32 -> new Float32(g, input, output, FloatActivationRange.of(node, options.activation()));
            default -> throw new KernelException(node, "supports int8 and float32 input, not "
                    + input.type().dtypeName());
        };
    }

    private static final class Int8 implements Kernel {
        private final ConvGeometry g;
        private final byte[] in;
        private final int inBase;
        private final byte[] out;
        private final int outBase;
        private final int actMin;
        private final int actMax;
        private final int[] max;

        Int8(ConvGeometry g, TensorView input, TensorView output, QuantizedActivationRange range) {
            this.g = g;
            this.in = input.data();
            this.inBase = input.offset();
            this.out = output.data();
            this.outBase = output.offset();
            this.actMin = range.min();
            this.actMax = range.max();
            this.max = new int[g.inDepth()];
        }

        @Override
        public void eval() {
            final ConvGeometry g = this.g;
            final int depth = g.inDepth();
            final int[] max = this.max;
            int o = outBase;
            for (int b = 0; b < g.batches(); b++) {
                for (int oy = 0; oy < g.outHeight(); oy++) {
                    int inY0 = oy * g.strideHeight() - g.padTop();
                    int fyStart = Math.max(0, -inY0);
                    int fyEnd = Math.min(g.filterHeight(), g.inHeight() - inY0);
                    for (int ox = 0; ox < g.outWidth(); ox++) {
                        int inX0 = ox * g.strideWidth() - g.padLeft();
                        int fxStart = Math.max(0, -inX0);
                        int fxEnd = Math.min(g.filterWidth(), g.inWidth() - inX0);
                        java.util.Arrays.fill(max, Byte.MIN_VALUE);
                        for (int fy = fyStart; fy < fyEnd; fy++) {
                            for (int fx = fxStart; fx < fxEnd; fx++) {
                                int src = inBase + ((b * g.inHeight() + inY0 + fy) * g.inWidth() + inX0 + fx) * depth;
                                for (int c = 0; c < depth; c++) {
                                    max[c] = Math.max(max[c], in[src + c]);
                                }
                            }
                        }
                        for (int c = 0; c < depth; c++) {
                            int v = max[c];
                            out[o + c] = (byte) (v < actMin ? actMin : (v > actMax ? actMax : v));
                        }
                        o += depth;
                    }
                }
            }
        }
    }

    private static final class Float32 implements Kernel {
        private final ConvGeometry g;
        private final TensorView input;
        private final TensorView output;
        private final FloatActivationRange range;
        private final float[] max;

        Float32(ConvGeometry g, TensorView input, TensorView output, FloatActivationRange range) {
            this.g = g;
            this.input = input;
            this.output = output;
            this.range = range;
            this.max = new float[g.inDepth()];
        }

        @Override
        public void eval() {
            final ConvGeometry g = this.g;
            final int depth = g.inDepth();
            final float[] max = this.max;
            int o = 0;
            for (int b = 0; b < g.batches(); b++) {
                for (int oy = 0; oy < g.outHeight(); oy++) {
                    int inY0 = oy * g.strideHeight() - g.padTop();
                    int fyStart = Math.max(0, -inY0);
                    int fyEnd = Math.min(g.filterHeight(), g.inHeight() - inY0);
                    for (int ox = 0; ox < g.outWidth(); ox++) {
                        int inX0 = ox * g.strideWidth() - g.padLeft();
                        int fxStart = Math.max(0, -inX0);
                        int fxEnd = Math.min(g.filterWidth(), g.inWidth() - inX0);
                        java.util.Arrays.fill(max, -Float.MAX_VALUE);
                        for (int fy = fyStart; fy < fyEnd; fy++) {
                            for (int fx = fxStart; fx < fxEnd; fx++) {
                                int src = ((b * g.inHeight() + inY0 + fy) * g.inWidth() + inX0 + fx) * depth;
                                for (int c = 0; c < depth; c++) {
                                    float v = input.float32(src + c);
                                    // std::max(max, v): keeps max unless max < v (NaN inputs are skipped).
                                    max[c] = max[c] < v ? v : max[c];
                                }
                            }
                        }
                        for (int c = 0; c < depth; c++) {
                            output.setFloat32(o + c, range.clamp(max[c]));
                        }
                        o += depth;
                    }
                }
            }
        }
    }
}
