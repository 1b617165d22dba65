package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.quant.QuantizedMultiplier;
import dev.littlebrain.tflite.Quantization;

/**
 * Output requantization multipliers per output channel, as TFLite's per-axis
 * {@code PopulateConvolutionQuantizationParams} (kernels/kernel_util.cc) computes them:
 * {@code QuantizeMultiplier((double) inputScale * (double) filterScale[c] / (double) outputScale)}, a
 * per-tensor filter scale being broadcast to every channel.
 */
public record ChannelMultipliers(int[] multipliers, int[] shifts) {

    public static ChannelMultipliers of(Node node, TensorView input, TensorView filter, TensorView output, int channels,
            int quantizedDimension) {
        Operands.requireQuantized(node, input, "input");
        Operands.requireQuantized(node, filter, "filter");
        Operands.requireQuantized(node, output, "output");
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
        return new ChannelMultipliers(multipliers, shifts);
    }

    /**
     * The per-tensor multiplier of FULLY_CONNECTED, TFLite's {@code GetQuantizedConvolutionMultipler}: note
     * that the product {@code inputScale * filterScale} is taken in <em>float</em> before widening to double.
     */
    public static ChannelMultipliers perTensorFullyConnected(Node node, TensorView input, TensorView filter,
            TensorView output, int channels) {
        Operands.requireQuantized(node, input, "input");
        Operands.requireQuantized(node, filter, "filter");
        Operands.requireQuantized(node, output, "output");
        float product = input.scale() * filter.scale();
        QuantizedMultiplier m = QuantizedMultiplier.of((double) product / (double) output.scale());
        int[] multipliers = new int[channels];
        int[] shifts = new int[channels];
        java.util.Arrays.fill(multipliers, m.multiplier());
        java.util.Arrays.fill(shifts, m.shift());
        return new ChannelMultipliers(multipliers, shifts);
    }
}
