package dev.littlebrain.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.Node;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.params.ActivationRange;
import dev.littlebrain.tflite.Activation;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.OperatorCode;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.Quantization;
import dev.littlebrain.tflite.Tensor;
import dev.littlebrain.tflite.TensorType;
import org.junit.jupiter.api.Test;

class QuantizedActivationRangeTest {

    private static TensorView output(float scale, int zeroPoint) {
        return new TensorView(0, new Tensor("out", new int[] {1}, TensorType.INT8, 0,
                Quantization.perTensor(scale, zeroPoint)), new byte[1], 0, false);
    }

    private static Node node(TensorView out) {
        return new Node(0, OperatorCode.builtin(BuiltinOperator.CONV_2D), new OperatorOptions.None(),
                new TensorView[0], new TensorView[] {out});
    }

    @Test
    void boundsAreQuantizedInFloatAndRoundedHalfAwayFromZero() {
        // -1 / 0.4f is exactly -2.5f in float (it is -2.4999999627 in double): TfLiteRound gives -3.
        TensorView out = output(0.4f, 5);
        ActivationRange r = QuantizedActivationRange.of(node(out), Activation.RELU_N1_TO_1, out);
        assertEquals(2, r.min());
        assertEquals(8, r.max());
    }

    @Test
    void reluSixIntersectsTheInt8Range() {
        TensorView out = output(0.01f, -128);
        ActivationRange r = QuantizedActivationRange.of(node(out), Activation.RELU6, out);
        assertEquals(-128, r.min());
        assertEquals(127, r.max());
        ActivationRange relu = QuantizedActivationRange.of(node(out), Activation.RELU, out);
        assertEquals(-128, relu.min());
        TensorView shifted = output(0.05f, 10);
        assertEquals(10, QuantizedActivationRange.of(node(shifted), Activation.RELU, shifted).min());
        assertEquals(127, QuantizedActivationRange.of(node(shifted), Activation.RELU6, shifted).max());
    }

    @Test
    void fusedTanhIsRejected() {
        TensorView out = output(0.1f, 0);
        assertThrows(KernelException.class, () -> QuantizedActivationRange.of(node(out), Activation.TANH, out));
    }
}
