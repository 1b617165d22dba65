package dev.littlebrain.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.OneOpModelBuilder;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.Quantization;
import dev.littlebrain.tflite.TensorType;
import org.junit.jupiter.api.Test;

class PadOpTest {

    @Test
    void int8PadsWithTheOutputZeroPoint() {
        Quantization q = Quantization.perTensor(0.1f, -7);
        OneOpModelBuilder m = new OneOpModelBuilder();
        int in = m.addInput(new int[] {1, 2, 2, 1}, TensorType.INT8, q);
        int pads = m.addConstant(new int[] {4, 2}, TensorType.INT32, null,
                OneOpModelBuilder.int32(new int[] {0, 0, 1, 0, 0, 2, 0, 0}));
        int out = m.addOutput(new int[] {1, 3, 4, 1}, TensorType.INT8, q);
        Interpreter it = new Interpreter(m
                .model(BuiltinOperator.PAD, new OperatorOptions.Empty(22), new int[] {in, pads},
                        new int[] {out}));
        it.input(0).copyFrom(OneOpModelBuilder.int8(new int[] {1, 2, 3, 4}));
        it.invoke();
        assertArrayEquals(new int[] {
            -7, -7, -7, -7,
            1, 2, -7, -7,
            3, 4, -7, -7}, OneOpModelBuilder.ints(it.output(0).bytes()));
    }

    @Test
    void padV2UsesTheConstantAndPadsEveryDimension() {
        OneOpModelBuilder m = new OneOpModelBuilder();
        int in = m.addInput(new int[] {2, 1, 2}, TensorType.FLOAT32, null);
        int pads = m.addConstant(new int[] {3, 2}, TensorType.INT32, null,
                OneOpModelBuilder.int32(new int[] {1, 0, 0, 1, 1, 1}));
        int value = m.addConstant(new int[] {1}, TensorType.FLOAT32, null, OneOpModelBuilder.float32(new float[] {9f}));
        int out = m.addOutput(new int[] {3, 2, 4}, TensorType.FLOAT32, null);
        Interpreter it = new Interpreter(m.model(BuiltinOperator.PADV2, new OperatorOptions.Empty(0),
                new int[] {in, pads, value}, new int[] {out}));
        it.input(0).copyFrom(OneOpModelBuilder.float32(new float[] {1, 2, 3, 4}));
        it.invoke();
        assertArrayEquals(new float[] {
            9, 9, 9, 9, 9, 9, 9, 9,
            9, 1, 2, 9, 9, 9, 9, 9,
            9, 3, 4, 9, 9, 9, 9, 9}, OneOpModelBuilder.floats(it.output(0).bytes()));
    }

    @Test
    void outputShapeMustMatchThePaddings() {
        OneOpModelBuilder m = new OneOpModelBuilder();
        int in = m.addInput(new int[] {2, 2}, TensorType.FLOAT32, null);
        int pads = m.addConstant(new int[] {2, 2}, TensorType.INT32, null,
                OneOpModelBuilder.int32(new int[] {1, 1, 1, 1}));
        int out = m.addOutput(new int[] {4, 3}, TensorType.FLOAT32, null);
        assertThrows(KernelException.class,
                () -> new Interpreter(m.model(BuiltinOperator.PAD, new OperatorOptions.Empty(22),
                new int[] {in, pads}, new int[] {out})));
    }
}
