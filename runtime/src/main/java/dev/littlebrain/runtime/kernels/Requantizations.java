package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.params.ActivationRange;
import dev.littlebrain.runtime.params.IntArray;
import dev.littlebrain.runtime.params.Requantization;
import dev.littlebrain.runtime.quant.QuantizedMultiplier;
import dev.littlebrain.tflite.Activation;
import dev.littlebrain.tflite.Quantization;

/**
 * The {@link Requantization} of a convolution or fully connected operator. Output multipliers per output channel
 * as TFLite's per-axis {@code PopulateConvolutionQuantizationParams} (kernels/kernel_util.cc) computes them:
 * {@code QuantizeMultiplier((double) inputScale * (double) filterScale[c] / (double) outputScale)}, a per-tensor
 * filter scale being broadcast to every channel.
 */
final class Requantizations {
    private Requantizations() {
    }

    static Requantization perChannel(Node node, TensorView input, TensorView filter, TensorView output, int channels,
            int quantizedDimension, Activation activation) {
        requireQuantized(node, input, filter, output);
        Quantization q = filter.quantization();
        float[] scales = q.scales();
        if (q.isPerChannel()) {
            if (scales.length != channels || q.quantizedDimension() != quantizedDimension) {
                throw new KernelException(node, "filter '" + filter.name() + "' has " + scales.length
                        + " per-channel scales along dimension " + q.quantizedDimension() + ", expected " + channels
                        + " along dimension " + quantizedDimension);
            }
        }
        int[] multipliers = new int[channels];
        int[] shifts = new int[channels];
        double inputScale = input.scale();
        double outputScale = output.scale();
        for (int c = 0; c < channels; c++) {
            double filterScale = q.isPerChannel() ? scales[c] : scales[0];
            QuantizedMultiplier m = QuantizedMultiplier.of(inputScale * filterScale / outputScale);
            multipliers[c] = m.multiplier();
            shifts[c] = m.shift();
        }
        return requantization(node, input, output, multipliers, shifts, activation);
    }

    /**
     * The per-tensor multiplier of FULLY_CONNECTED, TFLite's {@code GetQuantizedConvolutionMultipler}: note
     * that the product {@code inputScale * filterScale} is taken in <em>float</em> before widening to double.
     */
    static Requantization perTensorFullyConnected(Node node, TensorView input, TensorView filter, TensorView output,
            int channels, Activation activation) {
        requireQuantized(node, input, filter, output);
        float product = input.scale() * filter.scale();
        QuantizedMultiplier m = QuantizedMultiplier.of((double) product / (double) output.scale());
        int[] multipliers = new int[channels];
        int[] shifts = new int[channels];
        java.util.Arrays.fill(multipliers, m.multiplier());
        java.util.Arrays.fill(shifts, m.shift());
        return requantization(node, input, output, multipliers, shifts, activation);
    }

    private static void requireQuantized(Node node, TensorView input, TensorView filter, TensorView output) {
        Operands.requireQuantized(node, input, "input");
        Operands.requireQuantized(node, filter, "filter");
        Operands.requireQuantized(node, output, "output");
    }

    private static Requantization requantization(Node node, TensorView input, TensorView output, int[] multipliers,
            int[] shifts, Activation activation) {
        ActivationRange range = QuantizedActivationRange.of(node, activation, output);
        return new Requantization(-input.zeroPoint(), IntArray.of(multipliers), IntArray.of(shifts),
                output.zeroPoint(), range);
    }
}
