package dev.littlebrain.train;

import dev.littlebrain.tflite.Padding;
import java.util.Arrays;

/**
 * One layer of a sequential model, Keras style. Shapes exclude the batch dimension and are channels-last,
 * as in TensorFlow and TFLite: a 1D feature map is {@code [width, channels]}, a 2D one
 * {@code [height, width, channels]}.
 */
public sealed interface LayerSpec {

    /** The output shape for {@code input}; throws {@link IllegalArgumentException} when impossible. */
    int[] outputShape(int[] input);

    /** Short description for summaries and error messages. */
    String describe();

    record Input(int[] shape) implements LayerSpec {
        public Input {
            shape = shape.clone();
            for (int d : shape) {
                require(d > 0, "Input dimensions must be positive: " + Arrays.toString(shape));
            }
        }

        public int[] outputShape(int[] input) {
            return shape.clone();
        }

        public String describe() {
            return "Input" + Arrays.toString(shape);
        }

        // A record compares and prints an array component by identity; a shape is a value (a checkpoint's run
        // hash is built from the printed layers, and must be the same for the same model in another process).
        @Override
        public boolean equals(Object o) {
            return o instanceof Input other && Arrays.equals(shape, other.shape);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(shape);
        }

        @Override
        public String toString() {
            return "Input[shape=" + Arrays.toString(shape) + "]";
        }
    }

    record Reshape(int[] shape) implements LayerSpec {
        public Reshape {
            shape = shape.clone();
        }

        public int[] outputShape(int[] input) {
            require(product(shape) == product(input), "cannot reshape " + Arrays.toString(input) + " ("
                    + product(input) + " values) to " + Arrays.toString(shape) + " (" + product(shape) + " values)");
            return shape.clone();
        }

        public String describe() {
            return "Reshape" + Arrays.toString(shape);
        }

        // A record compares and prints an array component by identity; a shape is a value (a checkpoint's run
        // hash is built from the printed layers, and must be the same for the same model in another process).
        @Override
        public boolean equals(Object o) {
            return o instanceof Reshape other && Arrays.equals(shape, other.shape);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(shape);
        }

        @Override
        public String toString() {
            return "Reshape[shape=" + Arrays.toString(shape) + "]";
        }
    }

    record Conv1D(int filters, int kernel, int stride, Padding padding, Activation activation) implements LayerSpec {
        public Conv1D(int filters, int kernel, Activation activation) {
            this(filters, kernel, 1, Padding.SAME, activation);
        }

        public int[] outputShape(int[] input) {
            require(input.length == 2, "needs a [width, channels] input, got " + Arrays.toString(input)
                    + " (add a Reshape before it)");
            return new int[] {outSize(input[0], kernel, stride, padding), filters};
        }

        public String describe() {
            return "Conv1D(" + filters + ", k" + kernel + ", s" + stride + ", " + padding + ", " + activation + ")";
        }
    }

    record Conv2D(int filters, int kernelH, int kernelW, int strideH, int strideW, Padding padding,
            Activation activation) implements LayerSpec {
        public Conv2D(int filters, int kernel, Activation activation) {
            this(filters, kernel, kernel, 1, 1, Padding.SAME, activation);
        }

        public int[] outputShape(int[] input) {
            require(input.length == 3, "needs a [height, width, channels] input, got " + Arrays.toString(input));
            return new int[] {outSize(input[0], kernelH, strideH, padding), outSize(input[1], kernelW, strideW, padding),
                    filters};
        }

        public String describe() {
            return "Conv2D(" + filters + ", k" + kernelH + "x" + kernelW + ", s" + strideH + "x" + strideW + ", "
                    + padding + ", " + activation + ")";
        }
    }

    /** Depthwise 2D convolution with depth multiplier 1. */
    record DepthwiseConv2D(int kernelH, int kernelW, int strideH, int strideW, Padding padding, Activation activation)
            implements LayerSpec {
        public DepthwiseConv2D(int kernel, Activation activation) {
            this(kernel, kernel, 1, 1, Padding.SAME, activation);
        }

        public int[] outputShape(int[] input) {
            require(input.length == 3, "needs a [height, width, channels] input, got " + Arrays.toString(input));
            return new int[] {outSize(input[0], kernelH, strideH, padding), outSize(input[1], kernelW, strideW, padding),
                    input[2]};
        }

        public String describe() {
            return "DepthwiseConv2D(k" + kernelH + "x" + kernelW + ", s" + strideH + "x" + strideW + ", " + padding
                    + ", " + activation + ")";
        }
    }

    /** Max or average pooling over one axis ({@code [width, channels]}). */
    record Pool1D(boolean max, int pool, int stride, Padding padding) implements LayerSpec {
        public int[] outputShape(int[] input) {
            require(input.length == 2, "needs a [width, channels] input, got " + Arrays.toString(input));
            return new int[] {outSize(input[0], pool, stride, padding), input[1]};
        }

        public String describe() {
            return (max ? "MaxPool1D(" : "AvgPool1D(") + pool + ", s" + stride + ", " + padding + ")";
        }
    }

    /** Max or average pooling over two axes ({@code [height, width, channels]}). */
    record Pool2D(boolean max, int poolH, int poolW, int strideH, int strideW, Padding padding) implements LayerSpec {
        public int[] outputShape(int[] input) {
            require(input.length == 3, "needs a [height, width, channels] input, got " + Arrays.toString(input));
            return new int[] {outSize(input[0], poolH, strideH, padding), outSize(input[1], poolW, strideW, padding),
                    input[2]};
        }

        public String describe() {
            return (max ? "MaxPool2D(" : "AvgPool2D(") + poolH + "x" + poolW + ", s" + strideH + "x" + strideW + ", "
                    + padding + ")";
        }
    }

    record GlobalAveragePool() implements LayerSpec {
        public int[] outputShape(int[] input) {
            require(input.length == 2 || input.length == 3, "needs a 1D or 2D feature map, got "
                    + Arrays.toString(input));
            return new int[] {input[input.length - 1]};
        }

        public String describe() {
            return "GlobalAveragePool";
        }
    }

    /** Batch normalization over the last (channel) axis; Keras epsilon 1e-3. */
    record BatchNorm() implements LayerSpec {
        public static final float EPSILON = 1e-3f;

        public int[] outputShape(int[] input) {
            return input.clone();
        }

        public String describe() {
            return "BatchNorm";
        }
    }

    record Dropout(float rate) implements LayerSpec {
        public Dropout {
            require(rate >= 0 && rate < 1, "Dropout rate must be in [0, 1): " + rate);
        }

        public int[] outputShape(int[] input) {
            return input.clone();
        }

        public String describe() {
            return "Dropout(" + rate + ")";
        }
    }

    record Flatten() implements LayerSpec {
        public int[] outputShape(int[] input) {
            return new int[] {product(input)};
        }

        public String describe() {
            return "Flatten";
        }
    }

    /** A standalone activation, e.g. after a BatchNorm (which export folds into the conv before it). */
    record Activate(Activation activation) implements LayerSpec {
        public int[] outputShape(int[] input) {
            return input.clone();
        }

        public String describe() {
            return "Activation(" + activation + ")";
        }
    }

    record Dense(int units, Activation activation) implements LayerSpec {
        public int[] outputShape(int[] input) {
            require(input.length == 1, "needs a flat input, got " + Arrays.toString(input) + " (add a Flatten before it)");
            return new int[] {units};
        }

        public String describe() {
            return "Dense(" + units + ", " + activation + ")";
        }
    }

    static LayerSpec maxPool1D(int pool) {
        return new Pool1D(true, pool, pool, Padding.SAME);
    }

    static LayerSpec avgPool1D(int pool) {
        return new Pool1D(false, pool, pool, Padding.SAME);
    }

    static LayerSpec maxPool2D(int pool) {
        return new Pool2D(true, pool, pool, pool, pool, Padding.SAME);
    }

    static LayerSpec avgPool2D(int pool) {
        return new Pool2D(false, pool, pool, pool, pool, Padding.SAME);
    }

    /** TensorFlow's output size: SAME is ceil(in / stride), VALID is ceil((in - k + 1) / stride). */
    static int outSize(int in, int kernel, int stride, Padding padding) {
        require(kernel > 0 && stride > 0, "kernel and stride must be positive");
        if (padding == Padding.SAME) {
            return (in + stride - 1) / stride;
        }
        require(in >= kernel, "input length " + in + " is shorter than the kernel " + kernel + " (VALID padding)");
        return (in - kernel) / stride + 1;
    }

    /** TensorFlow SAME padding before the data; the remainder (the larger half) goes after. */
    static int padBefore(int in, int kernel, int stride, Padding padding) {
        return padTotal(in, kernel, stride, padding) / 2;
    }

    static int padTotal(int in, int kernel, int stride, Padding padding) {
        if (padding == Padding.VALID) {
            return 0;
        }
        int out = outSize(in, kernel, stride, padding);
        return Math.max((out - 1) * stride + kernel - in, 0);
    }

    static int product(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
