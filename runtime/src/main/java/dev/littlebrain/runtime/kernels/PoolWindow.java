package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.tflite.OperatorOptions;

/**
 * Validation shared by MAX_POOL_2D and AVERAGE_POOL_2D. As in the reference pooling kernels, the window
 * of each output pixel is clipped to the image ({@code filter_x_start = max(0, -in_x_origin)},
 * {@code filter_x_end = min(filter_width, input_width - in_x_origin)}), so padding never contributes.
 */
final class PoolWindow {
    private PoolWindow() {
    }

    static ConvGeometry geometry(Node node, OperatorOptions.Pool2D options) {
        Operands.requireCounts(node, 1, 1, 1);
        TensorView input = Operands.required(node, 0, "input");
        TensorView output = node.output(0);
        ConvGeometry g = ConvGeometry.of(node, input, output, options.filterHeight(), options.filterWidth(),
                options.padding(), options.strideH(), options.strideW(), 1, 1);
        Operands.requireDim(node, output, "output", 3, g.inDepth());
        if (input.type() != output.type()) {
            throw new KernelException(node, "input is " + input.type().dtypeName() + " but output is "
                    + output.type().dtypeName());
        }
        return g;
    }
}
