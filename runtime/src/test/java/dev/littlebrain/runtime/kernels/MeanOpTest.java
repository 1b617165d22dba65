package dev.littlebrain.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.OneOpModelBuilder;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.Quantization;
import dev.littlebrain.tflite.TensorType;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MeanOpTest {

    private static Interpreter mean(TensorType type, int[] inShape, int[] axes, boolean keepDims, int[] outShape,
            Quantization qIn, Quantization qOut) {
        OneOpModelBuilder m = new OneOpModelBuilder();
        int in = m.addInput(inShape, type, qIn);
        int axis = m.addConstant(new int[] {axes.length}, TensorType.INT32, null, OneOpModelBuilder.int32(axes));
        int out = m.addOutput(outShape, type, qOut);
        return new Interpreter(m
                .model(BuiltinOperator.MEAN, new OperatorOptions.Reducer(keepDims), new int[] {in, axis},
                        new int[] {out}));
    }

    @Test
    void int8FoldsOneOverNIntoTheMultiplier() {
        // scale ratio 1 -> QuantizeMultiplier = (2^30, 1); n = 3 -> multiplier (2^30 << 1) / 3 = 715827882, shift 0.
        Interpreter it = mean(TensorType.INT8, new int[] {1, 3, 2}, new int[] {1}, false, new int[] {1, 2},
                Quantization.perTensor(0.5f, 1), Quantization.perTensor(0.5f, 0));
        it.input(0).copyFrom(OneOpModelBuilder.int8(new int[] {3, -4, 2, 0, 2, -4}));
        it.invoke();
        // sums 7 and -8; minus zp * n: 4 and -11; times 715827882 / 2^31 (rounded): 1 and -4 (-3.67).
        assertArrayEquals(new int[] {1, -4}, OneOpModelBuilder.ints(it.output(0).bytes()));
    }

    @Test
    void int8StaysWithinOneLsbOfTheRealMean() {
        Random r = new Random(3);
        float sIn = 0.07f;
        int zIn = -9;
        float sOut = 0.03f;
        int zOut = 4;
        int[] x = ConvolutionKernelsTest.random(r, 2 * 5 * 6 * 3, -128, 127);
        // 4-D mean over height and width (negative axis), keep_dims: TFLM uses the same integer path.
        Interpreter it = mean(TensorType.INT8, new int[] {2, 5, 6, 3}, new int[] {1, -2}, true,
                new int[] {2, 1, 1, 3}, Quantization.perTensor(sIn, zIn), Quantization.perTensor(sOut, zOut));
        it.input(0).copyFrom(OneOpModelBuilder.int8(x));
        it.invoke();
        int[] actual = OneOpModelBuilder.ints(it.output(0).bytes());
        for (int b = 0; b < 2; b++) {
            for (int c = 0; c < 3; c++) {
                double sum = 0;
                for (int i = 0; i < 30; i++) {
                    sum += x[(b * 30 + i) * 3 + c] - zIn;
                }
                double real = sum / 30 * sIn / sOut + zOut;
                int expected = (int) Math.max(-128, Math.min(127, Math.round(real)));
                assertTrue(Math.abs(expected - actual[b * 3 + c]) <= 1, "mean " + real + " came out "
                        + actual[b * 3 + c]);
            }
        }
    }

    @Test
    void floatMeanOverSeveralAxes() {
        Interpreter it = mean(TensorType.FLOAT32, new int[] {2, 2, 3}, new int[] {0, 2, 2}, false, new int[] {2},
                null, null);
        it.input(0).copyFrom(OneOpModelBuilder.float32(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
        it.invoke();
        float[] out = OneOpModelBuilder.floats(it.output(0).bytes());
        assertEquals((1 + 2 + 3 + 7 + 8 + 9) / 6f, out[0], 0f);
        assertEquals((4 + 5 + 6 + 10 + 11 + 12) / 6f, out[1], 0f);
    }
}
