package dev.littlebrain.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.Quantization;
import dev.littlebrain.tflite.TensorType;
import org.junit.jupiter.api.Test;

class PadOpTest {

    @Test
    void int8PadsWithTheOutputZeroPoint() {
        Quantization q = Quantization.perTensor(0.1f, -7);
        OneOpModel m = new OneOpModel();
        int in = m.input(new int[] {1, 2, 2, 1}, TensorType.INT8, q);
        int pads = m.constant(new int[] {4, 2}, TensorType.INT32, null,
                OneOpModel.int32(new int[] {0, 0, 1, 0, 0, 2, 0, 0}));
        int out = m.output(new int[] {1, 3, 4, 1}, TensorType.INT8, q);
        Interpreter it = m.interpreter(BuiltinOperator.PAD, new OperatorOptions.Empty(22), new int[] {in, pads},
                new int[] {out});
        it.input(0).copyFrom(OneOpModel.int8(new int[] {1, 2, 3, 4}));
        it.invoke();
        assertArrayEquals(new int[] {
            -7, -7, -7, -7,
            1, 2, -7, -7,
            3, 4, -7, -7}, OneOpModel.ints(it.output(0).bytes()));
    }

    @Test
    void padV2UsesTheConstantAndPadsEveryDimension() {
        OneOpModel m = new OneOpModel();
        int in = m.input(new int[] {2, 1, 2}, TensorType.FLOAT32, null);
        int pads = m.constant(new int[] {3, 2}, TensorType.INT32, null,
                OneOpModel.int32(new int[] {1, 0, 0, 1, 1, 1}));
        int value = m.constant(new int[] {1}, TensorType.FLOAT32, null, OneOpModel.float32(new float[] {9f}));
        int out = m.output(new int[] {3, 2, 4}, TensorType.FLOAT32, null);
        Interpreter it = m.interpreter(BuiltinOperator.PADV2, new OperatorOptions.Empty(0),
                new int[] {in, pads, value}, new int[] {out});
        it.input(0).copyFrom(OneOpModel.float32(new float[] {1, 2, 3, 4}));
        it.invoke();
        assertArrayEquals(new float[] {
            9, 9, 9, 9, 9, 9, 9, 9,
            9, 1, 2, 9, 9, 9, 9, 9,
            9, 3, 4, 9, 9, 9, 9, 9}, OneOpModel.floats(it.output(0).bytes()));
    }

    @Test
    void outputShapeMustMatchThePaddings() {
        OneOpModel m = new OneOpModel();
        int in = m.input(new int[] {2, 2}, TensorType.FLOAT32, null);
        int pads = m.constant(new int[] {2, 2}, TensorType.INT32, null, OneOpModel.int32(new int[] {1, 1, 1, 1}));
        int out = m.output(new int[] {4, 3}, TensorType.FLOAT32, null);
        assertThrows(KernelException.class, () -> m.interpreter(BuiltinOperator.PAD, new OperatorOptions.Empty(22),
                new int[] {in, pads}, new int[] {out}));
    }
}
