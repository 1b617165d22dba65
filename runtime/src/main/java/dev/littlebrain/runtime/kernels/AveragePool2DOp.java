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
 * AVERAGE_POOL_2D as TFLite Micro's reference {@code AveragePool} computes it. The count is the number of
 * taps inside the image (padding is excluded, not averaged as zeros). int8 keeps the input's quantization
 * and rounds the integer mean half away from zero with C's truncating division:
 * {@code sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count}. Float divides the float sum by
 * the count.
 */
final class AveragePool2DOp implements Op {

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
        private final int[] sum;

        Int8(TensorView input, TensorView output, PoolParams params) {
            this.params = params;
            this.g = params.window();
            this.in = input.data();
            this.inBase = input.offset();
            this.out = output.data();
            this.outBase = output.offset();
            this.actMin = params.range().min();
            this.actMax = params.range().max();
            this.sum = new int[g.inDepth()];
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
            final int[] sum = this.sum;
            final int depth = sum.length;
            java.util.Arrays.fill(sum, 0);
            for (int fy = 0; fy < rows; fy++) {
                int src = inBase + firstTap + fy * rowStride;
                for (int fx = 0; fx < columns; fx++, src += depth) {
                    for (int c = 0; c < depth; c++) {
                        sum[c] += in[src + c];
                    }
                }
            }
            int count = rows * columns;
            int half = count / 2;
            int o = outBase + outIndex;
            for (int c = 0; c < depth; c++) {
                int s = sum[c];
                int v = count == 0 ? 0 : (s > 0 ? (s + half) / count : (s - half) / count);
                out[o + c] = (byte) (v < actMin ? actMin : (v > actMax ? actMax : v));
            }
        }
    }

    private static final class Float32 implements Kernel, PoolWindow.Pixel {
        private final Window g;
        private final TensorView input;
        private final TensorView output;
        private final FloatActivationRange range;
        private final float[] sum;

        Float32(Window g, TensorView input, TensorView output, FloatActivationRange range) {
            this.g = g;
            this.input = input;
            this.output = output;
            this.range = range;
            this.sum = new float[g.inDepth()];
        }

        @Override
        public void eval() {
            PoolWindow.forEachOutputPixel(g, this);
        }

        @Override
        public void reduce(int firstTap, int rows, int columns, int rowStride, int outIndex) {
            final float[] sum = this.sum;
            final int depth = sum.length;
            java.util.Arrays.fill(sum, 0f);
            for (int fy = 0; fy < rows; fy++) {
                int src = firstTap + fy * rowStride;
                for (int fx = 0; fx < columns; fx++, src += depth) {
                    for (int c = 0; c < depth; c++) {
                        sum[c] += input.float32(src + c);
                    }
                }
            }
            float count = rows * columns;
            for (int c = 0; c < depth; c++) {
                output.setFloat32(outIndex + c, range.clamp(sum[c] / count));
            }
        }
    }
}
