package dev.littlebrain.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.runtime.quant.FixedPoint;
import dev.littlebrain.runtime.quant.QuantizedMultiplier;
import dev.littlebrain.tflite.Activation;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.OneOpModelBuilder;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.TensorType;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArithmeticOpsTest {

    private static int[] random(Random r, int n) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextInt(256) - 128;
        }
        v[0] = -128;
        v[n - 1] = 127;
        return v;
    }

    /** TFLM's int8 add written out once more, straight from add_common.cc / integer_ops/add.h. */
    private static int referenceAdd(int x, int y, float sa, int za, float sb, int zb, float so, int zo, int sign,
            int lo, int hi) {
        double twiceMax = 2 * (double) Math.max(sa, sb);
        QuantizedMultiplier ma = QuantizedMultiplier.of(sa / twiceMax);
        QuantizedMultiplier mb = QuantizedMultiplier.of(sb / twiceMax);
        QuantizedMultiplier mo = QuantizedMultiplier.of(twiceMax / ((1 << 20) * (double) so));
        int a = FixedPoint.roundingDivideByPOT(FixedPoint.saturatingRoundingDoublingHighMul((x - za) << 20,
                ma.multiplier()), -ma.shift());
        int b = FixedPoint.roundingDivideByPOT(FixedPoint.saturatingRoundingDoublingHighMul((y - zb) << 20,
                mb.multiplier()), -mb.shift());
        int raw = FixedPoint.roundingDivideByPOT(FixedPoint.saturatingRoundingDoublingHighMul(a + sign * b,
                mo.multiplier()), -mo.shift()) + zo;
        return Math.max(lo, Math.min(hi, raw));
    }

    @Test
    void int8AddBroadcastsAndMatchesTheRealSumWithinOneLsb() {
        float sa = 0.05f;
        float sb = 0.02f;
        float so = 0.07f;
        Interpreter it = new OneOpModelBuilder().int8Input(sa, 3, 2, 3, 4).int8Input(sb, -9, 3, 1)
                .int8Output(so, -2, 2, 3, 4)
                .model(BuiltinOperator.ADD, OperatorOptions.AddSub.add(Activation.NONE), Interpreter::new);
        Random r = new Random(1);
        int[] a = random(r, 24);
        int[] b = random(r, 3);
        TensorValues.setBytes(it.input(0), a);
        TensorValues.setBytes(it.input(1), b);
        it.invoke();
        int[] out = TensorValues.int8s(it.output(0));
        for (int i = 0; i < 24; i++) {
            int bi = (i / 4) % 3; // b [3,1] broadcasts over the batch and the last axis
            double real = sa * (a[i] - 3) + sb * (b[bi] + 9);
            double expected = Math.max(-128, Math.min(127, real / so - 2));
            assertTrue(Math.abs(out[i] - expected) <= 1.0, "element " + i + ": " + out[i] + " vs " + expected);
            assertEquals(referenceAdd(a[i], b[bi], sa, 3, sb, -9, so, -2, 1, -128, 127), out[i]);
        }
    }

    @Test
    void int8AddSaturatesAndAppliesFusedRelu6() {
        float s = 0.1f;
        Interpreter it = new OneOpModelBuilder().int8Input(s, 0, 4).int8Input(s, 0, 4).int8Output(s, -50, 4)
                .model(BuiltinOperator.ADD, OperatorOptions.AddSub.add(Activation.RELU6), Interpreter::new);
        TensorValues.setBytes(it.input(0), -128, -10, 20, 127);
        TensorValues.setBytes(it.input(1), -128, 5, 20, 127);
        it.invoke();
        // relu6 bounds: [zp, zp + 6/0.1] = [-50, 10]
        assertArrayEquals(new int[] {-50, -50, -10, 10}, TensorValues.int8s(it.output(0)));
    }

    @Test
    void int8SubMatchesTheRealDifference() {
        float sa = 0.03f;
        float sb = 0.045f;
        float so = 0.06f;
        Interpreter it = new OneOpModelBuilder().int8Input(sa, 0, 1, 8).int8Input(sb, 4, 1).int8Output(so, 1, 1, 8)
                .model(BuiltinOperator.SUB, OperatorOptions.AddSub.sub(Activation.NONE), Interpreter::new);
        Random r = new Random(2);
        int[] a = random(r, 8);
        TensorValues.setBytes(it.input(0), a);
        TensorValues.setBytes(it.input(1), -60);
        it.invoke();
        int[] out = TensorValues.int8s(it.output(0));
        for (int i = 0; i < 8; i++) {
            double real = sa * a[i] - sb * (-64);
            double expected = Math.max(-128, Math.min(127, real / so + 1));
            assertTrue(Math.abs(out[i] - expected) <= 1.0, "element " + i + ": " + out[i] + " vs " + expected);
        }
    }

    @Test
    void int8MulBroadcastsAndRescales() {
        float sa = 0.02f;
        float sb = 0.03f;
        float so = 0.01f;
        Interpreter it = new OneOpModelBuilder().int8Input(sa, -1, 2, 1, 3).int8Input(sb, 2, 1, 4, 1)
                .int8Output(so, 5, 2, 4, 3)
                .model(BuiltinOperator.MUL, OperatorOptions.MulDiv.mul(Activation.NONE), Interpreter::new);
        Random r = new Random(3);
        int[] a = random(r, 6);
        int[] b = random(r, 4);
        TensorValues.setBytes(it.input(0), a);
        TensorValues.setBytes(it.input(1), b);
        it.invoke();
        int[] out = TensorValues.int8s(it.output(0));
        for (int n = 0; n < 2; n++) {
            for (int h = 0; h < 4; h++) {
                for (int c = 0; c < 3; c++) {
                    double real = sa * (a[n * 3 + c] + 1) * sb * (b[h] - 2);
                    double expected = Math.max(-128, Math.min(127, real / so + 5));
                    int got = out[(n * 4 + h) * 3 + c];
                    assertTrue(Math.abs(got - expected) <= 1.0, n + "," + h + "," + c + ": " + got + " vs " + expected);
                }
            }
        }
    }

    @Test
    void floatAndInt32ArithmeticWithActivations() {
        Interpreter add = new OneOpModelBuilder().input(TensorType.FLOAT32, 3).input(TensorType.FLOAT32, 1)
                .output(TensorType.FLOAT32, 3)
                .model(BuiltinOperator.ADD, OperatorOptions.AddSub.add(Activation.RELU), Interpreter::new);
        TensorValues.setFloats(add.input(0), -2f, 0.5f, 3f);
        TensorValues.setFloats(add.input(1), 1f);
        add.invoke();
        assertArrayEquals(new float[] {0f, 1.5f, 4f}, TensorValues.floats(add.output(0)));

        Interpreter mul = new OneOpModelBuilder().input(TensorType.INT32, 2, 2).input(TensorType.INT32, 2)
                .output(TensorType.INT32, 2, 2)
                .model(BuiltinOperator.MUL, OperatorOptions.MulDiv.mul(Activation.NONE), Interpreter::new);
        TensorValues.setInts(mul.input(0), 1, 2, 3, 4);
        TensorValues.setInts(mul.input(1), 10, -1);
        mul.invoke();
        assertArrayEquals(new int[] {10, -2, 30, -4}, TensorValues.int32s(mul.output(0)));

        Interpreter sub = new OneOpModelBuilder().input(TensorType.FLOAT32, 2).input(TensorType.FLOAT32, 2)
                .output(TensorType.FLOAT32, 2)
                .model(BuiltinOperator.SUB, OperatorOptions.AddSub.sub(Activation.RELU6), Interpreter::new);
        TensorValues.setFloats(sub.input(0), 10f, 1f);
        TensorValues.setFloats(sub.input(1), 1f, 3f);
        sub.invoke();
        assertArrayEquals(new float[] {6f, 0f}, TensorValues.floats(sub.output(0)));
    }

    @Test
    void incompatibleShapesAreRejected() {
        KernelException e = assertThrows(KernelException.class, () -> new OneOpModelBuilder().int8Input(0.1f, 0, 2, 3)
                .int8Input(0.1f, 0, 4).int8Output(0.1f, 0, 2, 3)
                .model(BuiltinOperator.ADD, OperatorOptions.AddSub.add(Activation.NONE), Interpreter::new));
        assertTrue(e.getMessage().contains("cannot broadcast"), e.getMessage());
        KernelException wrongOut = assertThrows(KernelException.class, () -> new OneOpModelBuilder()
                .int8Input(0.1f, 0, 2, 3)
                .int8Input(0.1f, 0, 3).int8Output(0.1f, 0, 3)
                .model(BuiltinOperator.MUL, OperatorOptions.MulDiv.mul(Activation.NONE), Interpreter::new));
        assertTrue(wrongOut.getMessage().contains("does not match the broadcast"), wrongOut.getMessage());
    }
}
