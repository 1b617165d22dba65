package dev.littlebrain.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.OneOpModelBuilder;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.TensorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActivationOpsTest {
    private static final OperatorOptions NONE = new OperatorOptions.None();

    private static int[] allInt8() {
        int[] v = new int[256];
        for (int i = 0; i < 256; i++) {
            v[i] = i - 128;
        }
        return v;
    }

    private static int[] runInt8(BuiltinOperator op, OperatorOptions options, float inScale, int inZp, float outScale,
            int outZp) {
        Interpreter it = new OneOpModelBuilder().int8Input(inScale, inZp, 256).int8Output(outScale, outZp, 256)
                .model(op, options, Interpreter::new);
        TensorValues.setBytes(it.input(0), allInt8());
        it.invoke();
        return TensorValues.int8s(it.output(0));
    }

    @ParameterizedTest
    @CsvSource({"0.1, 0", "0.0234, -5", "0.5, 10", "0.004, 0", "0.06, 127"})
    void int8TanhIsWithinOneLsbOfTanhOverTheWholeRange(float scale, int zp) {
        int[] out = runInt8(BuiltinOperator.TANH, NONE, scale, zp, 1f / 128, 0);
        int prev = Integer.MIN_VALUE;
        for (int i = 0; i < 256; i++) {
            double real = Math.tanh(scale * (i - 128 - zp)) * 128;
            double expected = Math.max(-128, Math.min(127, real));
            assertTrue(Math.abs(out[i] - expected) <= 1.0, "input " + (i - 128) + ": " + out[i] + " vs " + expected);
            assertTrue(out[i] >= prev, "monotonic at " + (i - 128));
            prev = out[i];
        }
        assertEquals(0, out[128 + zp], "tanh(0)");
    }

    @ParameterizedTest
    @CsvSource({"0.1, 0", "0.0234, -5", "0.5, 10", "0.004, 0", "0.06, -128"})
    void int8LogisticIsWithinOneLsbOfSigmoidOverTheWholeRange(float scale, int zp) {
        int[] out = runInt8(BuiltinOperator.LOGISTIC, NONE, scale, zp, 1f / 256, -128);
        int prev = Integer.MIN_VALUE;
        for (int i = 0; i < 256; i++) {
            double real = 256 / (1 + Math.exp(-scale * (i - 128 - zp))) - 128;
            double expected = Math.max(-128, Math.min(127, real));
            assertTrue(Math.abs(out[i] - expected) <= 1.0, "input " + (i - 128) + ": " + out[i] + " vs " + expected);
            assertTrue(out[i] >= prev, "monotonic at " + (i - 128));
            prev = out[i];
        }
    }

    @Test
    void int8TanhAndLogisticMatchAnIndependentFixedPointReferenceBitForBit() {
        for (float scale : new float[] {0.1f, 0.0234f, 0.5f, 0.00390625f, 0.031f}) {
            int[] tanh = runInt8(BuiltinOperator.TANH, NONE, scale, 3, 1f / 128, 0);
            int[] logistic = runInt8(BuiltinOperator.LOGISTIC, NONE, scale, 3, 1f / 256, -128);
            for (int i = 0; i < 256; i++) {
                assertEquals(ReferenceSigmoids.tanhInt8(i - 128, scale, 3), tanh[i], "tanh scale " + scale + " input "
                        + (i - 128));
                assertEquals(ReferenceSigmoids.logisticInt8(i - 128, scale, 3), logistic[i], "logistic scale " + scale
                        + " input " + (i - 128));
            }
        }
    }

    @Test
    void logisticRejectsAnOutputZeroPointOtherThanMinus128() {
        KernelException e = assertThrows(KernelException.class,
                () -> new OneOpModelBuilder().int8Input(0.1f, 0, 4).int8Output(1f / 256, 0, 4)
                        .model(BuiltinOperator.LOGISTIC, NONE, Interpreter::new));
        assertTrue(e.getMessage().contains("zero point -128"), e.getMessage());
    }

    @Test
    void floatTanhAndLogistic() {
        float[] x = {-20f, -9.5f, -1f, 0f, 0.5f, 3f, 17f};
        Interpreter t = new OneOpModelBuilder().input(TensorType.FLOAT32, 7).output(TensorType.FLOAT32, 7)
                .model(BuiltinOperator.TANH, NONE, Interpreter::new);
        Interpreter l = new OneOpModelBuilder().input(TensorType.FLOAT32, 7).output(TensorType.FLOAT32, 7)
                .model(BuiltinOperator.LOGISTIC, NONE, Interpreter::new);
        TensorValues.setFloats(t.input(0), x);
        TensorValues.setFloats(l.input(0), x);
        t.invoke();
        l.invoke();
        for (int i = 0; i < x.length; i++) {
            assertEquals(Math.tanh(x[i]), t.output(0).float32(i), 1e-6);
            assertEquals(1 / (1 + Math.exp(-x[i])), l.output(0).float32(i), 1e-6);
        }
    }

    @Test
    void int8ReluRequantizesAndClampsAtTheOutputZeroPoint() {
        float inScale = 0.05f;
        float outScale = 0.03f;
        int[] out = runInt8(BuiltinOperator.RELU, NONE, inScale, -10, outScale, -128);
        for (int i = 0; i < 256; i++) {
            double real = Math.max(0, inScale * (i - 128 + 10));
            double expected = Math.min(127, Math.round(real / outScale) - 128);
            assertTrue(Math.abs(out[i] - expected) <= 1, "input " + (i - 128));
            assertTrue(out[i] >= -128);
        }
        assertEquals(-128, out[0]);
        assertEquals(100, out[255]); // 6.85 / 0.03 - 128
    }

    @Test
    void int8Relu6ClampsRawValuesWithTheInputQuantization() {
        // TFLM's Relu6Quantized: [zp_in, zp_in + round(6 / s_in)], no rescaling even if the output differs.
        int[] out = runInt8(BuiltinOperator.RELU6, NONE, 0.05f, -20, 0.9f, 3);
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            assertEquals(Math.max(-20, Math.min(-20 + 120, x)), out[i], "input " + x);
        }
    }

    @Test
    void int8LeakyReluUsesTwoMultipliers() {
        float inScale = 0.04f;
        float outScale = 0.03f;
        int[] out = runInt8(BuiltinOperator.LEAKY_RELU, new OperatorOptions.LeakyRelu(0.2f), inScale, 5, outScale, -7);
        for (int i = 0; i < 256; i++) {
            double x = inScale * (i - 128 - 5);
            double real = x >= 0 ? x : 0.2 * x;
            double expected = Math.max(-128, Math.min(127, real / outScale - 7));
            // TFLite's double rounding (high-mul, then shift) may land one LSB off the exactly rounded value.
            assertTrue(Math.abs(out[i] - expected) <= 1.0, "input " + (i - 128) + ": " + out[i] + " vs "
                    + expected);
        }
    }

    @Test
    void floatReluFamily() {
        float[] x = {-3f, -0.5f, 0f, 2f, 7f};
        Interpreter r = new OneOpModelBuilder().input(TensorType.FLOAT32, 5).output(TensorType.FLOAT32, 5)
                .model(BuiltinOperator.RELU, NONE, Interpreter::new);
        Interpreter r6 = new OneOpModelBuilder().input(TensorType.FLOAT32, 5).output(TensorType.FLOAT32, 5)
                .model(BuiltinOperator.RELU6, NONE, Interpreter::new);
        Interpreter lr = new OneOpModelBuilder().input(TensorType.FLOAT32, 5).output(TensorType.FLOAT32, 5)
                .model(BuiltinOperator.LEAKY_RELU, new OperatorOptions.LeakyRelu(0.1f), Interpreter::new);
        for (Interpreter it : new Interpreter[] {r, r6, lr}) {
            TensorValues.setFloats(it.input(0), x);
            it.invoke();
        }
        assertArrayEquals(new float[] {0f, 0f, 0f, 2f, 7f}, TensorValues.floats(r.output(0)));
        assertArrayEquals(new float[] {0f, 0f, 0f, 2f, 6f}, TensorValues.floats(r6.output(0)));
        assertArrayEquals(new float[] {-0.3f, -0.05f, 0f, 2f, 7f}, TensorValues.floats(lr.output(0)));
    }

    private static void assertArrayEquals(float[] expected, float[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, 1e-6f);
    }

    @Test
    void mismatchedTypesAreRejected() {
        KernelException e = assertThrows(KernelException.class,
                () -> new OneOpModelBuilder().int8Input(0.1f, 0, 4).output(TensorType.FLOAT32, 4)
                        .model(BuiltinOperator.TANH, NONE, Interpreter::new));
        assertTrue(e.getMessage().contains("same type"), e.getMessage());
    }
}
