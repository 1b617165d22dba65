package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.params.ActivationRange;
import dev.littlebrain.tflite.Activation;

/**
 * The clamp a fused activation becomes on a quantized output, as TFLite's
 * {@code CalculateActivationRangeQuantized} (kernels/kernel_util.cc) computes it: the activation's real
 * bounds quantized with the output's scale and zero point in <em>float</em> arithmetic, rounded half away
 * from zero ({@code TfLiteRound}), then intersected with the output type's range.
 */
final class QuantizedActivationRange {
    private QuantizedActivationRange() {
    }

    static ActivationRange of(Node node, Activation activation, TensorView output) {
        int qmin;
        int qmax;
        switch (output.type()) {
            case INT8 -> {
                qmin = Byte.MIN_VALUE;
                qmax = Byte.MAX_VALUE;
            }
            case INT16 -> {
                qmin = Short.MIN_VALUE;
                qmax = Short.MAX_VALUE;
            }
            default -> throw new KernelException(node, "has no quantized activation range for "
                    + output.type().dtypeName() + " output '" + output.name() + "'");
        }
        float scale = output.scale();
        int zeroPoint = output.zeroPoint();
        return switch (activation) {
            case NONE -> new ActivationRange(qmin, qmax);
            case RELU -> new ActivationRange(Math.max(qmin, quantize(0f, scale, zeroPoint)), qmax);
            case RELU6 -> new ActivationRange(Math.max(qmin, quantize(0f, scale, zeroPoint)),
                    Math.min(qmax, quantize(6f, scale, zeroPoint)));
            case RELU_N1_TO_1 -> new ActivationRange(Math.max(qmin, quantize(-1f, scale, zeroPoint)),
                    Math.min(qmax, quantize(1f, scale, zeroPoint)));
            default -> throw new KernelException(node, "does not support fused activation " + activation);
        };
    }

    /** Bounds for int32 outputs, which carry no quantization: TFLite clamps to the plain real bounds. */
    static ActivationRange int32(Node node, Activation activation) {
        return switch (activation) {
            case NONE -> new ActivationRange(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case RELU -> new ActivationRange(0, Integer.MAX_VALUE);
            case RELU6 -> new ActivationRange(0, 6);
            case RELU_N1_TO_1 -> new ActivationRange(-1, 1);
            default -> throw new KernelException(node, "does not support fused activation " + activation);
        };
    }

    /** kernel_util.cc's {@code Quantize}: {@code zero_point + (int32_t) TfLiteRound(f / scale)}, the division in float. */
    static int quantize(float f, float scale, int zeroPoint) {
        float q = f / scale;
        // std::round: half away from zero; the + 0.5 is exact in double for any float.
        double rounded = q >= 0 ? Math.floor(q + 0.5) : -Math.floor(-(double) q + 0.5);
        return zeroPoint + (int) rounded;
    }
}
