package dev.littlebrain.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.littlebrain.tflite.Quantization;
import dev.littlebrain.tflite.Tensor;
import dev.littlebrain.tflite.TensorType;
import org.junit.jupiter.api.Test;

class TensorViewTest {

    private static TensorView int8(float scale, int zeroPoint) {
        return new TensorView(0, new Tensor("t", new int[] {1, 8}, TensorType.INT8, 0,
                Quantization.perTensor(scale, zeroPoint)), new byte[8], 0, false);
    }

    @Test
    void setRealQuantizesLikeDeviceCode() {
        TensorView t = int8(0.5f, -3);
        float[] reals = {0f, 0.25f, -0.25f, 0.75f, -0.75f, 1000f, -1000f, 1.2f};
        // 0.25 / 0.5 = 0.5 rounds away from zero to 1; -0.5 to -1; 1.5 to 2; -1.5 to -2.
        int[] expected = {-3, -2, -4, -1, -5, 127, -128, -1};
        for (int i = 0; i < reals.length; i++) {
            t.setReal(i, reals[i]);
            assertEquals(expected[i], t.int8(i), "value " + reals[i]);
        }
    }

    /** Values beyond 2^63 steps used to wrap: +inf gave -128 with a positive zero point, -inf 127 with a negative one. */
    @Test
    void setRealSaturatesHugeValuesWhateverTheZeroPoint() {
        for (int zeroPoint : new int[] {4, -3}) {
            TensorView t = int8(0.03f, zeroPoint);
            float[] reals = {Float.POSITIVE_INFINITY, 1e30f, Float.NEGATIVE_INFINITY, -1e30f, Float.NaN};
            int[] expected = {127, 127, -128, -128, zeroPoint};
            for (int i = 0; i < reals.length; i++) {
                t.setReal(i, reals[i]);
                assertEquals(expected[i], t.int8(i), "value " + reals[i] + ", zero point " + zeroPoint);
            }
        }
    }

    @Test
    void setRealOnFloatStoresTheValue() {
        TensorView t = new TensorView(0, new Tensor("f", new int[] {2}, TensorType.FLOAT32, 0, Quantization.NONE),
                new byte[8], 0, false);
        t.setReal(1, -2.5f);
        assertEquals(-2.5f, t.float32(1));
    }
}
