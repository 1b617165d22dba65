package dev.littlebrain.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.quant.QuantizedMultiplier;
import dev.littlebrain.tflite.Activation;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.OneOpModelBuilder;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.Quantization;
import dev.littlebrain.tflite.TensorType;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FullyConnectedOpTest {
    private static final float IN_SCALE = 0.03f;
    private static final int IN_ZP = 7;
    private static final float OUT_SCALE = 0.11f;
    private static final int OUT_ZP = -4;

    @ParameterizedTest(name = "perChannel={0} bias={1} keepNumDims={2}")
    @CsvSource({"false, true, false", "true, true, false", "true, false, true", "false, false, true"})
    void int8MatchesReference(boolean perChannel, boolean withBias, boolean keepNumDims) {
        int batches = 3;
        int depth = 10;
        int units = 5;
        Random r = new Random(7);
        int[] x = ConvolutionKernelsTest.random(r, batches * depth, -128, 127);
        int[] w = ConvolutionKernelsTest.random(r, units * depth, -127, 127);
        int[] bias = withBias ? ConvolutionKernelsTest.random(r, units, -3000, 3000) : new int[units];
        float[] scales = ConvolutionKernelsTest.scales(r, perChannel ? units : 1);
        int[] expected = new int[batches * units];
        for (int b = 0; b < batches; b++) {
            for (int u = 0; u < units; u++) {
                int acc = bias[u];
                for (int d = 0; d < depth; d++) {
                    acc += w[u * depth + d] * (x[b * depth + d] - IN_ZP);
                }
                // Per-tensor FC scales with a float product, per-channel with a double one (TFLM).
                double real = perChannel ? (double) IN_SCALE * scales[u] / OUT_SCALE
                        : (double) (IN_SCALE * scales[0]) / OUT_SCALE;
                int v = QuantizedMultiplier.of(real).apply(acc) + OUT_ZP;
                expected[b * units + u] = Math.max(OUT_ZP, Math.min(127, v));
            }
        }
        OneOpModelBuilder m = new OneOpModelBuilder();
        int in = m.addInput(keepNumDims ? new int[] {1, batches, depth} : new int[] {batches, depth}, TensorType.INT8,
                Quantization.perTensor(IN_SCALE, IN_ZP));
        Quantization wq = perChannel ? ConvolutionKernelsTest.weightQuant(scales, 0)
                : Quantization.perTensor(scales[0], 0);
        int filter = m.addConstant(new int[] {units, depth}, TensorType.INT8, wq, OneOpModelBuilder.int8(w));
        int b = withBias ? m.addConstant(new int[] {units}, TensorType.INT32, null, OneOpModelBuilder.int32(bias)) : -1;
        int out = m.addOutput(keepNumDims ? new int[] {1, batches, units} : new int[] {batches, units}, TensorType.INT8,
                Quantization.perTensor(OUT_SCALE, OUT_ZP));
        Interpreter interpreter = new Interpreter(m.model(BuiltinOperator.FULLY_CONNECTED,
                new OperatorOptions.FullyConnected(Activation.RELU, 0, keepNumDims, false), new int[] {in, filter, b},
                new int[] {out}));
        interpreter.input(0).copyFrom(OneOpModelBuilder.int8(x));
        interpreter.invoke();
        assertArrayEquals(expected, OneOpModelBuilder.ints(interpreter.output(0).bytes()));
        assertTrue(java.util.Arrays.stream(expected).distinct().count() > 3);
    }

    @Test
    void float32WithRelu1() {
        float[] x = {0.5f, -1.25f, 2f, 0.1f, 0.2f, -0.3f};
        float[] w = {0.1f, 0.2f, 0.3f, -0.5f, 0.25f, 1f};
        float[] bias = {0.05f, -0.1f};
        OneOpModelBuilder m = new OneOpModelBuilder();
        int in = m.addInput(new int[] {2, 3}, TensorType.FLOAT32, null);
        int filter = m.addConstant(new int[] {2, 3}, TensorType.FLOAT32, null, OneOpModelBuilder.float32(w));
        int b = m.addConstant(new int[] {2}, TensorType.FLOAT32, null, OneOpModelBuilder.float32(bias));
        int out = m.addOutput(new int[] {2, 2}, TensorType.FLOAT32, null);
        Interpreter interpreter = new Interpreter(m.model(BuiltinOperator.FULLY_CONNECTED,
                new OperatorOptions.FullyConnected(Activation.RELU_N1_TO_1, 0, false, false), new int[] {in, filter, b},
                new int[] {out}));
        interpreter.input(0).copyFrom(OneOpModelBuilder.float32(x));
        interpreter.invoke();
        float[] actual = OneOpModelBuilder.floats(interpreter.output(0).bytes());
        float[] expected = {
            Math.max(-1, Math.min(1, 0.05f + 0.05f - 0.25f + 0.6f)),
            Math.max(-1, Math.min(1, -0.1f - 0.25f - 0.3125f + 2f)),
            Math.max(-1, Math.min(1, 0.05f + 0.01f + 0.04f - 0.09f)),
            Math.max(-1, Math.min(1, -0.1f - 0.05f + 0.05f - 0.3f)),
        };
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], actual[i], 1e-6);
        }
    }

    @Test
    void inputThatDoesNotFillTheBatchesIsRejected() {
        OneOpModelBuilder m = new OneOpModelBuilder();
        int in = m.addInput(new int[] {1, 7}, TensorType.FLOAT32, null);
        int filter = m.addConstant(new int[] {2, 3}, TensorType.FLOAT32, null, new byte[24]);
        int out = m.addOutput(new int[] {2, 2}, TensorType.FLOAT32, null);
        KernelException e = assertThrows(KernelException.class,
                () -> new Interpreter(m.model(BuiltinOperator.FULLY_CONNECTED,
                new OperatorOptions.FullyConnected(Activation.NONE, 0, false, false), new int[] {in, filter, -1},
                new int[] {out})));
        assertTrue(e.getMessage().contains("FULLY_CONNECTED"), e.getMessage());
    }

    @Test
    void int16ActivationsAreRejectedClearly() {
        OneOpModelBuilder m = new OneOpModelBuilder();
        int in = m.addInput(new int[] {1, 3}, TensorType.INT16, Quantization.perTensor(0.1f, 0));
        int filter = m.addConstant(new int[] {2, 3}, TensorType.INT8, Quantization.perTensor(0.1f, 0), new byte[6]);
        int out = m.addOutput(new int[] {1, 2}, TensorType.INT16, Quantization.perTensor(0.1f, 0));
        KernelException e = assertThrows(KernelException.class,
                () -> new Interpreter(m.model(BuiltinOperator.FULLY_CONNECTED,
                new OperatorOptions.FullyConnected(Activation.NONE, 0, false, false), new int[] {in, filter, -1},
                new int[] {out})));
        assertTrue(e.getMessage().contains("int16"), e.getMessage());
    }
}
