package dev.littlebrain.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.OneOpModelBuilder;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.TensorType;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoftmaxAndQuantizeTest {

    @ParameterizedTest
    @CsvSource({"0.1, 1.0", "0.0625, 1.0", "0.2, 0.05", "0.05, 20.0", "0.5, 3.0"})
    void int8SoftmaxIsWithinOneLsbOfTheRealSoftmax(float scale, float beta) {
        int rows = 3;
        int depth = 10;
        Interpreter it = new OneOpModelBuilder().int8Input(scale, 4, rows, depth)
                .int8Output(1f / 256, -128, rows, depth)
                .model(BuiltinOperator.SOFTMAX, new OperatorOptions.Softmax(beta), Interpreter::new);
        Random r = new Random(7);
        int[] in = new int[rows * depth];
        for (int i = 0; i < in.length; i++) {
            in[i] = r.nextInt(256) - 128;
        }
        for (int c = 0; c < depth; c++) {
            in[depth + c] = 127; // a flat row
        }
        in[2 * depth] = -128; // a row with an extreme minimum
        TensorValues.setBytes(it.input(0), in);
        it.invoke();
        int[] out = TensorValues.int8s(it.output(0));
        for (int row = 0; row < rows; row++) {
            double max = -1e9;
            for (int c = 0; c < depth; c++) {
                max = Math.max(max, in[row * depth + c]);
            }
            double sum = 0;
            for (int c = 0; c < depth; c++) {
                sum += Math.exp(beta * scale * (in[row * depth + c] - max));
            }
            for (int c = 0; c < depth; c++) {
                double p = Math.exp(beta * scale * (in[row * depth + c] - max)) / sum;
                double expected = Math.min(127, p * 256 - 128);
                int got = out[row * depth + c];
                assertTrue(Math.abs(got - expected) <= 1.0,
                        "row " + row + " col " + c + ": " + got + " vs " + expected);
            }
        }
    }

    @Test
    void int8SoftmaxToInt16() {
        Interpreter it = new OneOpModelBuilder().int8Input(0.1f, 0, 1, 4)
                .output(TensorType.INT16, new int[] {1, 4}, 1f / 65536, -32768)
                .model(BuiltinOperator.SOFTMAX, new OperatorOptions.Softmax(1f), Interpreter::new);
        TensorValues.setBytes(it.input(0), 10, 0, -10, 20);
        it.invoke();
        double[] x = {1.0, 0.0, -1.0, 2.0};
        double sum = 0;
        for (double v : x) {
            sum += Math.exp(v);
        }
        for (int c = 0; c < 4; c++) {
            double expected = Math.exp(x[c]) / sum * 65536 - 32768;
            assertEquals(expected, it.output(0).int16(c), 2.0, "col " + c);
        }
    }

    @Test
    void int8SoftmaxRejectsOtherOutputQuantization() {
        KernelException e = assertThrows(KernelException.class, () -> new OneOpModelBuilder().int8Input(0.1f, 0, 1, 4)
                .int8Output(1f / 255, -128, 1, 4)
                .model(BuiltinOperator.SOFTMAX, new OperatorOptions.Softmax(1f), Interpreter::new));
        assertTrue(e.getMessage().contains("1/256"), e.getMessage());
    }

    @Test
    void floatSoftmaxWithBeta() {
        Interpreter it = new OneOpModelBuilder().input(TensorType.FLOAT32, 2, 3).output(TensorType.FLOAT32, 2, 3)
                .model(BuiltinOperator.SOFTMAX, new OperatorOptions.Softmax(2f), Interpreter::new);
        TensorValues.setFloats(it.input(0), 1f, 2f, 3f, 100f, 100f, 100f);
        it.invoke();
        double s = Math.exp(2) + Math.exp(4) + Math.exp(6);
        float[] out = TensorValues.floats(it.output(0));
        assertEquals(Math.exp(2) / s, out[0], 1e-6);
        assertEquals(Math.exp(6) / s, out[2], 1e-6);
        assertEquals(1.0 / 3, out[4], 1e-6);
    }

    @Test
    void quantizeRoundsHalfAwayFromZeroAndSaturates() {
        Interpreter it = new OneOpModelBuilder().input(TensorType.FLOAT32, 6).int8Output(0.5f, 1, 6)
                .model(BuiltinOperator.QUANTIZE, new OperatorOptions.Empty(0), Interpreter::new);
        // x / 0.5: -2.5 → -3 (std::round), 1.25 → 3 (2.5 rounds away), 0.74 → 1 (1.48), saturation both ends.
        TensorValues.setFloats(it.input(0), -1.25f, 1.25f, 0.74f, 1000f, -1000f, 0f);
        it.invoke();
        assertArrayEquals(new int[] {-2, 4, 2, 127, -128, 1}, TensorValues.int8s(it.output(0)));
    }

    @Test
    void int8RequantizeAndDequantize() {
        Interpreter q = new OneOpModelBuilder().int8Input(0.1f, 10, 5).int8Output(0.05f, -3, 5)
                .model(BuiltinOperator.QUANTIZE, new OperatorOptions.Empty(0), Interpreter::new);
        TensorValues.setBytes(q.input(0), -128, 0, 10, 50, 127);
        q.invoke();
        // (q - 10) * 2 - 3, clamped
        assertArrayEquals(new int[] {-128, -23, -3, 77, 127}, TensorValues.int8s(q.output(0)));

        Interpreter d = new OneOpModelBuilder().int8Input(0.1f, 10, 3).output(TensorType.FLOAT32, 3)
                .model(BuiltinOperator.DEQUANTIZE, new OperatorOptions.None(), Interpreter::new);
        TensorValues.setBytes(d.input(0), -128, 10, 127);
        d.invoke();
        assertArrayEquals(new float[] {(float) (0.1f * -138.0), 0f, (float) (0.1f * 117.0)},
                TensorValues.floats(d.output(0)));
    }
}
