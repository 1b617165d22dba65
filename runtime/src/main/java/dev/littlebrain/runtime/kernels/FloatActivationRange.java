package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.tflite.Activation;

/** The clamp of a fused activation on a float output: TFLite's {@code CalculateActivationRange}. */
record FloatActivationRange(float min, float max) {

    static FloatActivationRange of(Node node, Activation activation) {
        return switch (activation) {
            case NONE -> new FloatActivationRange(-Float.MAX_VALUE, Float.MAX_VALUE);
            case RELU -> new FloatActivationRange(0f, Float.MAX_VALUE);
            case RELU_N1_TO_1 -> new FloatActivationRange(-1f, 1f);
            case RELU6 -> new FloatActivationRange(0f, 6f);
            default -> throw new KernelException(node, "does not support fused activation " + activation);
        };
    }

    /**
     * {@code ActivationFunctionWithMinMax}: {@code std::min(std::max(x, lo), hi)}. Written with the same
     * comparisons as std::max/std::min so that -0.0 and NaN come out as they do in C++
     * (Java's Math.max would turn max(-0.0, 0.0) into +0.0).
     */
    float clamp(float x) {
        float v = x < min ? min : x;
        return max < v ? max : v;
    }
}
