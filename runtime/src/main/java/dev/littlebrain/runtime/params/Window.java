package dev.littlebrain.runtime.params;

/**
 * The NHWC shapes, strides, dilations and padding of a 2-D window operator (CONV_2D, DEPTHWISE_CONV_2D,
 * pooling), validated by its kernel's preparation: the output's height and width are what TensorFlow's
 * output-size rule gives, and {@code padTop}/{@code padLeft} are TFLite Micro's {@code ComputePaddingHeightWidth}
 * (the odd pixel of SAME padding goes at the end, implied by skipping out-of-image taps).
 */
public record Window(int batches, int inHeight, int inWidth, int inDepth, int filterHeight, int filterWidth,
        int outHeight, int outWidth, int outDepth, int strideHeight, int strideWidth, int dilationHeight,
        int dilationWidth, int padTop, int padLeft) {
}
