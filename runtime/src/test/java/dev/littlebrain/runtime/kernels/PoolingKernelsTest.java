package dev.littlebrain.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.tflite.Activation;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.OneOpModelBuilder;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.Padding;
import dev.littlebrain.tflite.Quantization;
import dev.littlebrain.tflite.TensorType;
import org.junit.jupiter.api.Test;

class PoolingKernelsTest {
    private static final Quantization Q = Quantization.perTensor(0.1f, 0);

    private static Interpreter pool(BuiltinOperator op, TensorType type, int[] inShape, int[] outShape,
            OperatorOptions.Pool2D options) {
        OneOpModelBuilder m = new OneOpModelBuilder();
        Quantization q = type == TensorType.INT8 ? Q : null;
        int in = m.addInput(inShape, type, q);
        int out = m.addOutput(outShape, type, q);
        return new Interpreter(m.model(op, options, new int[] {in}, new int[] {out}));
    }

    @Test
    void int8AverageRoundsHalfAwayFromZeroAndExcludesPadding() {
        // 1x3x3x1, 2x2 window, stride 2, SAME: total padding 1, all of it at the bottom/right.
        Interpreter it = pool(BuiltinOperator.AVERAGE_POOL_2D, TensorType.INT8, new int[] {1, 3, 3, 1},
                new int[] {1, 2, 2, 1}, new OperatorOptions.Pool2D(Padding.SAME, 2, 2, 2, 2, Activation.NONE));
        it.input(0).copyFrom(OneOpModelBuilder.int8(new int[] {
            -3, -2, 5,
            -1, -1, -4,
            7, 8, 100}));
        it.invoke();
        // [-3,-2,-1,-1] = -7/4 -> (-7-2)/4 = -2; [5,-4] = 1/2 -> (1+1)/2 = 1; [7,8] = 15/2 -> 8; [100] -> 100.
        assertArrayEquals(new int[] {-2, 1, 8, 100}, OneOpModelBuilder.ints(it.output(0).bytes()));
    }

    @Test
    void int8AverageNegativeTieGoesAwayFromZero() {
        Interpreter it = pool(BuiltinOperator.AVERAGE_POOL_2D, TensorType.INT8, new int[] {1, 1, 2, 2},
                new int[] {1, 1, 1, 2}, new OperatorOptions.Pool2D(Padding.VALID, 1, 1, 2, 1, Activation.NONE));
        it.input(0).copyFrom(OneOpModelBuilder.int8(new int[] {-3, 3, -2, 2}));
        it.invoke();
        assertArrayEquals(new int[] {-3, 3}, OneOpModelBuilder.ints(it.output(0).bytes()));
    }

    @Test
    void int8MaxWithReluClampAndTopLeftPadding() {
        // 3x3 window, stride 1, SAME on 1x2x2: padding 1 before and 1 after.
        Interpreter it = pool(BuiltinOperator.MAX_POOL_2D, TensorType.INT8, new int[] {1, 2, 2, 2},
                new int[] {1, 2, 2, 2}, new OperatorOptions.Pool2D(Padding.SAME, 1, 1, 3, 3, Activation.RELU));
        it.input(0).copyFrom(OneOpModelBuilder.int8(new int[] {-128, -5, -100, -7, -90, -9, -80, -128}));
        it.invoke();
        // Channel 0 max is -80 and channel 1 max is -5 everywhere; RELU (zero point 0) clamps both to 0.
        assertArrayEquals(new int[8], OneOpModelBuilder.ints(it.output(0).bytes()));
    }

    @Test
    void floatAverageAndMax() {
        OperatorOptions.Pool2D options = new OperatorOptions.Pool2D(Padding.SAME, 2, 2, 2, 2, Activation.NONE);
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, -9};
        Interpreter avg = pool(BuiltinOperator.AVERAGE_POOL_2D, TensorType.FLOAT32, new int[] {1, 3, 3, 1},
                new int[] {1, 2, 2, 1}, options);
        avg.input(0).copyFrom(OneOpModelBuilder.float32(x));
        avg.invoke();
        float[] a = OneOpModelBuilder.floats(avg.output(0).bytes());
        assertArrayEquals(new float[] {3f, 4.5f, 7.5f, -9f}, a);
        Interpreter max = pool(BuiltinOperator.MAX_POOL_2D, TensorType.FLOAT32, new int[] {1, 3, 3, 1},
                new int[] {1, 2, 2, 1}, new OperatorOptions.Pool2D(Padding.SAME, 2, 2, 2, 2, Activation.RELU6));
        max.input(0).copyFrom(OneOpModelBuilder.float32(x));
        max.invoke();
        assertArrayEquals(new float[] {5f, 6f, 6f, 0f}, OneOpModelBuilder.floats(max.output(0).bytes()));
    }

    @Test
    void wrongOutputSizeIsRejected() {
        KernelException e = assertThrows(KernelException.class, () -> pool(BuiltinOperator.MAX_POOL_2D,
                TensorType.INT8, new int[] {1, 4, 4, 1}, new int[] {1, 3, 3, 1},
                new OperatorOptions.Pool2D(Padding.VALID, 2, 2, 2, 2, Activation.NONE)));
        assertEquals(true, e.getMessage().contains("MAX_POOL_2D"), e.getMessage());
    }
}
