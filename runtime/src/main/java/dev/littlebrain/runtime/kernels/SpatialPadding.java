package dev.littlebrain.runtime.kernels;

import dev.littlebrain.tflite.Padding;

/**
 * Where a convolution or pooling window starts relative to the input, as TFLite Micro's
 * {@code ComputePaddingHeightWidth} (kernels/padding.h) decides it.
 *
 * <p>SAME pads {@code total = (out - 1) * stride + effectiveFilter - in} pixels in all, and TensorFlow's
 * rule puts the odd pixel at the end: the kernels only use {@code top = total / 2} and
 * {@code left = total / 2}; the bottom/right remainder is implied by skipping out-of-image taps.
 *
 * @param top rows of padding above the image
 * @param left columns of padding left of the image
 * @param outHeight the output height TensorFlow's windowed-output-size rule gives
 * @param outWidth the output width TensorFlow's windowed-output-size rule gives
 */
record SpatialPadding(int top, int left, int outHeight, int outWidth) {

    static SpatialPadding compute(Padding padding, int inHeight, int inWidth, int filterHeight, int filterWidth,
            int strideHeight, int strideWidth, int dilationHeight, int dilationWidth) {
        int outHeight = outSize(padding, inHeight, filterHeight, strideHeight, dilationHeight);
        int outWidth = outSize(padding, inWidth, filterWidth, strideWidth, dilationWidth);
        return new SpatialPadding(
                before(strideHeight, dilationHeight, inHeight, filterHeight, outHeight),
                before(strideWidth, dilationWidth, inWidth, filterWidth, outWidth),
                outHeight, outWidth);
    }

    /** TFLite's {@code ComputeOutSize}: SAME is ceil(in / stride), VALID ceil((in - effectiveFilter + 1) / stride). */
    static int outSize(Padding padding, int in, int filter, int stride, int dilation) {
        int effectiveFilter = (filter - 1) * dilation + 1;
        return switch (padding) {
            case SAME -> (in + stride - 1) / stride;
            case VALID -> (in + stride - effectiveFilter) / stride;
        };
    }

    /** TFLite's {@code ComputePaddingWithOffset}: the smaller half of the total padding goes first. */
    private static int before(int stride, int dilation, int in, int filter, int out) {
        int effectiveFilter = (filter - 1) * dilation + 1;
        int total = (out - 1) * stride + effectiveFilter - in;
        return Math.max(total, 0) / 2;
    }
}
