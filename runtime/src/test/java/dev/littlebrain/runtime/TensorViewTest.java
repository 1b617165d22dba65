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

    @Test
    void setRealOnFloatStoresTheValue() {
        TensorView t = new TensorView(0, new Tensor("f", new int[] {2}, TensorType.FLOAT32, 0, Quantization.NONE),
                new byte[8], 0, false);
        t.setReal(1, -2.5f);
        assertEquals(-2.5f, t.float32(1));
    }
}
