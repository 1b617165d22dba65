package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.params.Window;
import dev.littlebrain.tflite.OperatorOptions;

/**
 * What MAX_POOL_2D and AVERAGE_POOL_2D share: their validation and their walk over the output. As in the
 * reference pooling kernels, the window of each output pixel is clipped to the image
 * ({@code filter_x_start = max(0, -in_x_origin)}, {@code filter_x_end = min(filter_width, input_width - in_x_origin)}),
 * so padding never contributes.
 */
final class PoolWindow {
    private PoolWindow() {
    }

    static Window geometry(Node node, OperatorOptions.Pool2D options) {
        Operands.requireCounts(node, 1, 1, 1);
        TensorView input = Operands.required(node, 0, "input");
        TensorView output = node.output(0);
        Window g = ConvGeometry.of(node, input, output, options.filterHeight(), options.filterWidth(),
                options.padding(), options.strideH(), options.strideW(), 1, 1);
        Operands.requireDim(node, output, "output", 3, g.inDepth());
        if (input.type() != output.type()) {
            throw new KernelException(node, "input is " + input.type().dtypeName() + " but output is "
                    + output.type().dtypeName());
        }
        return g;
    }

    /** Reduces one output pixel's clipped window, all channels at once. */
    @FunctionalInterface
    interface Pixel {
        /**
         * @param firstTap element index (from the input's start) of the window's top-left tap inside the image
         * @param rows window rows inside the image (0 when none is)
         * @param columns window columns inside the image (0 when none is)
         * @param rowStride elements from one input row to the next
         * @param outIndex element index (from the output's start) of the pixel's first channel
         */
        void reduce(int firstTap, int rows, int columns, int rowStride, int outIndex);
    }

    /** Calls {@code pixel} for every output pixel in row-major order, with its window clipped to the image. */
    static void forEachOutputPixel(Window g, Pixel pixel) {
        int depth = g.inDepth();
        int rowStride = g.inWidth() * depth;
        int outIndex = 0;
        for (int b = 0; b < g.batches(); b++) {
            for (int oy = 0; oy < g.outHeight(); oy++) {
                int inY0 = oy * g.strideHeight() - g.padTop();
                int fyStart = Math.max(0, -inY0);
                int fyEnd = Math.min(g.filterHeight(), g.inHeight() - inY0);
                for (int ox = 0; ox < g.outWidth(); ox++) {
                    int inX0 = ox * g.strideWidth() - g.padLeft();
                    int fxStart = Math.max(0, -inX0);
                    int fxEnd = Math.min(g.filterWidth(), g.inWidth() - inX0);
                    int firstTap = ((b * g.inHeight() + inY0 + fyStart) * g.inWidth() + inX0 + fxStart) * depth;
                    pixel.reduce(firstTap, Math.max(0, fyEnd - fyStart), Math.max(0, fxEnd - fxStart), rowStride,
                            outIndex);
                    outIndex += depth;
                }
            }
        }
    }
}
