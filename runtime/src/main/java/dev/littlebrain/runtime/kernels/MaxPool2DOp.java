package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Kernel;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.Op;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.params.PoolParams;
import dev.littlebrain.runtime.params.Window;
import dev.littlebrain.tflite.OperatorOptions;

/**
 * MAX_POOL_2D as TFLite Micro's reference {@code MaxPool} computes it: the maximum over the window clipped
 * to the image, then the fused activation's clamp. int8 output keeps the input's quantization (no
 * rescaling, as in the reference); float starts from {@code numeric_limits<float>::lowest()}.
 */
final class MaxPool2DOp implements Op {

    @Override
    public Kernel prepare(Node node) {
        OperatorOptions.Pool2D options = node.options(OperatorOptions.Pool2D.class);
        Window g = PoolWindow.geometry(node, options);
        TensorView input = node.input(0);
        TensorView output = node.output(0);
        return switch (input.type()) {
            case INT8 -> new Int8(input, output,
                    new PoolParams(g, QuantizedActivationRange.of(node, options.activation(), output)));
            case FLOAT32 -> new Float32(g, input, output, FloatActivationRange.of(node, options.activation()));
            default -> throw new KernelException(node, "supports int8 and float32 input, not "
                    + input.type().dtypeName());
        };
    }

    private static final class Int8 implements Kernel, PoolWindow.Pixel {
        private final PoolParams params;
        private final Window g;
        private final byte[] in;
        private final int inBase;
        private final byte[] out;
        private final int outBase;
        private final int actMin;
        private final int actMax;
        private final int[] max;

        Int8(TensorView input, TensorView output, PoolParams params) {
            this.params = params;
            this.g = params.window();
            this.in = input.data();
            this.inBase = input.offset();
            this.out = output.data();
            this.outBase = output.offset();
            this.actMin = params.range().min();
            this.actMax = params.range().max();
            this.max = new int[g.inDepth()];
        }

        @Override
        public PoolParams params() {
            return params;
        }

        @Override
        public void eval() {
            PoolWindow.forEachOutputPixel(g, this);
        }

        @Override
        public void reduce(int firstTap, int rows, int columns, int rowStride, int outIndex) {
            final int[] max = this.max;
            final int depth = max.length;
            java.util.Arrays.fill(max, Byte.MIN_VALUE);
            for (int fy = 0; fy < rows; fy++) {
                int src = inBase + firstTap + fy * rowStride;
                for (int fx = 0; fx < columns; fx++, src += depth) {
                    for (int c = 0; c < depth; c++) {
                        max[c] = Math.max(max[c], in[src + c]);
                    }
                }
            }
            int o = outBase + outIndex;
            for (int c = 0; c < depth; c++) {
                int v = max[c];
                out[o + c] = (byte) (v < actMin ? actMin : (v > actMax ? actMax : v));
            }
        }
    }

    private static final class Float32 implements Kernel, PoolWindow.Pixel {
        private final Window g;
        private final TensorView input;
        private final TensorView output;
        private final FloatActivationRange range;
        private final float[] max;

        Float32(Window g, TensorView input, TensorView output, FloatActivationRange range) {
            this.g = g;
            this.input = input;
            this.output = output;
            this.range = range;
            this.max = new float[g.inDepth()];
        }

        @Override
        public void eval() {
            PoolWindow.forEachOutputPixel(g, this);
        }

        @Override
        public void reduce(int firstTap, int rows, int columns, int rowStride, int outIndex) {
            final float[] max = this.max;
            final int depth = max.length;
            java.util.Arrays.fill(max, -Float.MAX_VALUE);
            for (int fy = 0; fy < rows; fy++) {
                int src = firstTap + fy * rowStride;
                for (int fx = 0; fx < columns; fx++, src += depth) {
                    for (int c = 0; c < depth; c++) {
                        float v = input.float32(src + c);
                        // std::max(max, v): keeps max unless max < v (NaN inputs are skipped).
                        max[c] = max[c] < v ? v : max[c];
                    }
                }
            }
            for (int c = 0; c < depth; c++) {
                output.setFloat32(outIndex + c, range.clamp(max[c]));
            }
        }
    }
}
