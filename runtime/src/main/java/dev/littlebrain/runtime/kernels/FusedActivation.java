package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.tflite.Activation;

/** Clamping bounds of a fused activation, as TFLite's {@code CalculateActivationRange[Quantized]} computes them. */
final class FusedActivation {
    private FusedActivation() {
    }

    record IntRange(int min, int max) {
    }

    record FloatRange(float min, float max) {
    }

    /**
     * Bounds in the output's quantized domain: the real bounds quantized with TFLite's
     * {@code Quantize} — {@code zero_point + (int) round(f / scale)}, division and rounding in float —
     * intersected with the type's range.
     */
    static IntRange quantized(Node node, Activation activation, TensorView output) {
        int[] typeRange = NodeChecks.clampRange(output.type());
        int qmin = typeRange[0];
        int qmax = typeRange[1];
        float scale = output.scale();
        int zp = output.zeroPoint();
        return switch (activation) {
            case NONE -> new IntRange(qmin, qmax);
            case RELU -> new IntRange(Math.max(qmin, quantize(zp, scale, 0f)), qmax);
            case RELU6 -> new IntRange(Math.max(qmin, quantize(zp, scale, 0f)), Math.min(qmax, quantize(zp, scale, 6f)));
            case RELU_N1_TO_1 -> new IntRange(Math.max(qmin, quantize(zp, scale, -1f)),
                    Math.min(qmax, quantize(zp, scale, 1f)));
            default -> throw new KernelException(node, "does not support fused activation " + activation);
        };
    }

    /** Bounds for int32 outputs without quantization: TFLite clamps to the plain real bounds. */
    static IntRange int32(Node node, Activation activation) {
        return switch (activation) {
            case NONE -> new IntRange(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case RELU -> new IntRange(0, Integer.MAX_VALUE);
            case RELU6 -> new IntRange(0, 6);
            case RELU_N1_TO_1 -> new IntRange(-1, 1);
            default -> throw new KernelException(node, "does not support fused activation " + activation);
        };
    }

    static FloatRange real(Node node, Activation activation) {
        return switch (activation) {
            case NONE -> new FloatRange(-Float.MAX_VALUE, Float.MAX_VALUE);
            case RELU -> new FloatRange(0f, Float.MAX_VALUE);
            case RELU6 -> new FloatRange(0f, 6f);
            case RELU_N1_TO_1 -> new FloatRange(-1f, 1f);
            default -> throw new KernelException(node, "does not support fused activation " + activation);
        };
    }

    private static int quantize(int zeroPoint, float scale, float f) {
        return zeroPoint + (int) TfliteRounding.round(f / scale);
    }
}
