package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.TensorView;

/** Feeds and reads a kernel test's tensors (models come from {@link dev.littlebrain.tflite.OneOpModelBuilder}). */
final class TensorValues {
    private TensorValues() {
    }

    static void setBytes(TensorView t, int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        t.copyFrom(b);
    }

    static void setFloats(TensorView t, float... values) {
        for (int i = 0; i < values.length; i++) {
            t.setFloat32(i, values[i]);
        }
    }

    static void setInts(TensorView t, int... values) {
        for (int i = 0; i < values.length; i++) {
            t.setInt32(i, values[i]);
        }
    }

    static int[] int8s(TensorView t) {
        return Operands.int8AsInts(t, 0);
    }

    static int[] int32s(TensorView t) {
        return Operands.int32s(t);
    }

    static float[] floats(TensorView t) {
        return Operands.floats(t);
    }
}
