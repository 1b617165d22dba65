package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.params.Window;
import dev.littlebrain.tflite.Padding;
import java.util.Arrays;

/**
 * The {@link Window} of a 2-D window op (CONV_2D, DEPTHWISE_CONV_2D, pooling), validated once: the output's
 * height and width must be what TensorFlow's output-size rule gives for the padding, as the converter writes
 * them.
 */
final class ConvGeometry {
    private ConvGeometry() {
    }

    static Window of(Node node, TensorView input, TensorView output, int filterHeight, int filterWidth,
            Padding padding, int strideHeight, int strideWidth, int dilationHeight, int dilationWidth) {
        Operands.requireRank(node, input, "input", 4);
        Operands.requireRank(node, output, "output", 4);
        if (strideHeight < 1 || strideWidth < 1 || dilationHeight < 1 || dilationWidth < 1) {
            throw new KernelException(node, "needs strides and dilations >= 1, got stride " + strideHeight + "x"
                    + strideWidth + ", dilation " + dilationHeight + "x" + dilationWidth);
        }
        if (filterHeight < 1 || filterWidth < 1) {
            throw new KernelException(node, "has an empty " + filterHeight + "x" + filterWidth + " window");
        }
        SpatialPadding pad = SpatialPadding.compute(padding, input.dim(1), input.dim(2), filterHeight, filterWidth,
                strideHeight, strideWidth, dilationHeight, dilationWidth);
        if (output.dim(0) != input.dim(0) || output.dim(1) != pad.outHeight() || output.dim(2) != pad.outWidth()) {
            throw new KernelException(node, "output '" + output.name() + "' has shape "
                    + Arrays.toString(output.shape()) + " but input " + Arrays.toString(input.shape()) + " with a "
                    + filterHeight + "x" + filterWidth + " window, stride " + strideHeight + "x" + strideWidth
                    + ", dilation " + dilationHeight + "x" + dilationWidth + " and " + padding + " padding gives ["
                    + input.dim(0) + ", " + pad.outHeight() + ", " + pad.outWidth() + ", ...]");
        }
        return new Window(input.dim(0), input.dim(1), input.dim(2), input.dim(3), filterHeight, filterWidth,
                pad.outHeight(), pad.outWidth(), output.dim(3), strideHeight, strideWidth, dilationHeight,
                dilationWidth, pad.top(), pad.left());
    }

    /** First filter tap whose input row/column {@code origin + tap * dilation} is inside the input. */
    static int firstTap(int origin, int dilation) {
        return origin >= 0 ? 0 : (-origin + dilation - 1) / dilation;
    }

    /** One past the last filter tap (of {@code taps}) whose input row/column is inside {@code [0, size)}. */
    static int endTap(int origin, int dilation, int size, int taps) {
        int room = size - origin;
        return room <= 0 ? 0 : Math.min(taps, (room + dilation - 1) / dilation);
    }
}
