package dev.littlebrain.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.KernelException;
import dev.littlebrain.tflite.Activation;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.OneOpModelBuilder;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.TensorType;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataMovementOpsTest {

    private static int[] iota(int n) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }

    @Test
    void concatenationAlongANegativeAxisCopiesInt8BytesEvenWhenScalesDiffer() {
        // TFLM copies int8 operands raw; it does not requantize to the output scale.
        Interpreter it = new OneOpModelBuilder().int8Input(0.1f, 0, 2, 2).int8Input(0.3f, 5, 2, 1)
                .int8Output(0.2f, 0, 2, 3)
                .model(BuiltinOperator.CONCATENATION, new OperatorOptions.Concatenation(-1, Activation.NONE),
                        Interpreter::new);
        TensorValues.setBytes(it.input(0), 1, 2, 3, 4);
        TensorValues.setBytes(it.input(1), -7, -8);
        it.invoke();
        assertArrayEquals(new int[] {1, 2, -7, 3, 4, -8}, TensorValues.int8s(it.output(0)));
    }

    @Test
    void concatenationOfFloatsAndInt32AlongTheFirstAxis() {
        Interpreter f = new OneOpModelBuilder().input(TensorType.FLOAT32, 1, 2).input(TensorType.FLOAT32, 2, 2)
                .output(TensorType.FLOAT32, 3, 2)
                .model(BuiltinOperator.CONCATENATION, new OperatorOptions.Concatenation(0, Activation.NONE),
                        Interpreter::new);
        TensorValues.setFloats(f.input(0), 1f, 2f);
        TensorValues.setFloats(f.input(1), 3f, 4f, 5f, 6f);
        f.invoke();
        assertArrayEquals(new float[] {1f, 2f, 3f, 4f, 5f, 6f}, TensorValues.floats(f.output(0)));

        Interpreter i = new OneOpModelBuilder().input(TensorType.INT32, 2, 1).input(TensorType.INT32, 2, 1)
                .output(TensorType.INT32, 2, 2)
                .model(BuiltinOperator.CONCATENATION, new OperatorOptions.Concatenation(1, Activation.NONE),
                        Interpreter::new);
        TensorValues.setInts(i.input(0), 100, 200);
        TensorValues.setInts(i.input(1), -1, -2);
        i.invoke();
        assertArrayEquals(new int[] {100, -1, 200, -2}, TensorValues.int32s(i.output(0)));
    }

    @Test
    void concatenationRejectsMismatchedShapes() {
        KernelException e = assertThrows(KernelException.class, () -> new OneOpModelBuilder()
                .input(TensorType.FLOAT32, 2, 2)
                .input(TensorType.FLOAT32, 3, 1).output(TensorType.FLOAT32, 2, 3)
                .model(BuiltinOperator.CONCATENATION, new OperatorOptions.Concatenation(1, Activation.NONE),
                        Interpreter::new));
        assertTrue(e.getMessage().contains("does not match output"), e.getMessage());
    }

    @Test
    void packAlongEachAxis() {
        for (int axis : new int[] {0, 1, -1}) {
            int[] outShape = axis == 0 ? new int[] {2, 2, 3} : axis == 1 ? new int[] {2, 2, 3} : new int[] {2, 3, 2};
            Interpreter it = new OneOpModelBuilder().input(TensorType.INT32, 2, 3).input(TensorType.INT32, 2, 3)
                    .output(TensorType.INT32, outShape)
                    .model(BuiltinOperator.PACK, new OperatorOptions.Pack(2, axis), Interpreter::new);
            TensorValues.setInts(it.input(0), 0, 1, 2, 3, 4, 5);
            TensorValues.setInts(it.input(1), 10, 11, 12, 13, 14, 15);
            it.invoke();
            int[] expected = switch (axis) {
                case 0 -> new int[] {0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15};
                case 1 -> new int[] {0, 1, 2, 10, 11, 12, 3, 4, 5, 13, 14, 15};
                default -> new int[] {0, 10, 1, 11, 2, 12, 3, 13, 4, 14, 5, 15};
            };
            assertArrayEquals(expected, TensorValues.int32s(it.output(0)), "axis " + axis);
        }
    }

    @Test
    void packOfScalarsBuildsTheFlattenShapeVector() {
        Interpreter it = new OneOpModelBuilder().input(TensorType.INT32).input(TensorType.INT32)
                .output(TensorType.INT32, 2)
                .model(BuiltinOperator.PACK, new OperatorOptions.Pack(2, 0), Interpreter::new);
        TensorValues.setInts(it.input(0), 1);
        TensorValues.setInts(it.input(1), -1);
        it.invoke();
        assertArrayEquals(new int[] {1, -1}, TensorValues.int32s(it.output(0)));
    }

    @Test
    void transposeInt8AndFloatIn4d() {
        Interpreter it = new OneOpModelBuilder().int8Input(1f, 0, 2, 3, 4, 1).constInts(2, 0, 3, 1)
                .int8Output(1f, 0, 4, 2, 1, 3)
                .model(BuiltinOperator.TRANSPOSE, new OperatorOptions.None(), Interpreter::new);
        TensorValues.setBytes(it.input(0), iota(24));
        it.invoke();
        int[] out = TensorValues.int8s(it.output(0));
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 2; b++) {
                for (int c = 0; c < 3; c++) {
                    // out[w][n][0][h] = in[n][h][w][0]
                    assertEquals(b * 12 + c * 4 + a, out[(a * 2 + b) * 3 + c]);
                }
            }
        }
        Interpreter f = new OneOpModelBuilder().input(TensorType.FLOAT32, 2, 3).constInts(1, 0)
                .output(TensorType.FLOAT32, 3, 2)
                .model(BuiltinOperator.TRANSPOSE, new OperatorOptions.None(), Interpreter::new);
        TensorValues.setFloats(f.input(0), 1f, 2f, 3f, 4f, 5f, 6f);
        f.invoke();
        assertArrayEquals(new float[] {1f, 4f, 2f, 5f, 3f, 6f}, TensorValues.floats(f.output(0)));
    }

    private static Interpreter slice(int[] inShape, int[] outShape, int[] begin, int[] end, int[] strides,
            OperatorOptions.StridedSlice options) {
        Interpreter it = new OneOpModelBuilder().input(TensorType.INT32, inShape).constInts(begin).constInts(end)
                .constInts(strides).output(TensorType.INT32, outShape)
                .model(BuiltinOperator.STRIDED_SLICE, options, Interpreter::new);
        int n = 1;
        for (int d : inShape) {
            n *= d;
        }
        TensorValues.setInts(it.input(0), iota(n));
        it.invoke();
        return it;
    }

    private static OperatorOptions.StridedSlice masks(int begin, int end, int ellipsis, int newAxis, int shrink,
            boolean offset) {
        return new OperatorOptions.StridedSlice(begin, end, ellipsis, newAxis, shrink, offset);
    }

    @Test
    void stridedSliceShrinkOfTheShapeVectorAsInKerasFlatten() {
        Interpreter it = slice(new int[] {3}, new int[] {}, new int[] {0}, new int[] {1}, new int[] {1},
                masks(0, 0, 0, 0, 1, false));
        assertArrayEquals(new int[] {0}, TensorValues.int32s(it.output(0)));
    }

    @Test
    void stridedSliceMasksNegativeIndicesAndStrides() {
        // in = iota(4x5): rows 1.., columns 4,2,0 (reverse, stride -2), with begin_mask on axis 1
        Interpreter a = slice(new int[] {4, 5}, new int[] {3, 3}, new int[] {1, 99}, new int[] {4, -99},
                new int[] {1, -2}, masks(0b10, 0, 0, 0, 0, false));
        assertArrayEquals(new int[] {9, 7, 5, 14, 12, 10, 19, 17, 15}, TensorValues.int32s(a.output(0)));
        // negative begin/end: rows -3..-1, end_mask on axis 1 keeps columns 2..4
        Interpreter b = slice(new int[] {4, 5}, new int[] {2, 3}, new int[] {-3, 2}, new int[] {-1, 0},
                new int[] {1, 1}, masks(0, 0b10, 0, 0, 0, false));
        assertArrayEquals(new int[] {7, 8, 9, 12, 13, 14}, TensorValues.int32s(b.output(0)));
        // shrink axis 0 at -1 (last row), stride 2 on columns
        Interpreter c = slice(new int[] {4, 5}, new int[] {3}, new int[] {-1, 0}, new int[] {0, 5}, new int[] {1, 2},
                masks(0, 0, 0, 0, 0b01, false));
        assertArrayEquals(new int[] {15, 17, 19}, TensorValues.int32s(c.output(0)));
        // offset: end is relative to begin
        Interpreter d = slice(new int[] {4, 5}, new int[] {2, 2}, new int[] {1, 2}, new int[] {2, 2}, new int[] {1, 1},
                masks(0, 0, 0, 0, 0, true));
        assertArrayEquals(new int[] {7, 8, 12, 13}, TensorValues.int32s(d.output(0)));
        // fully reversed rows with both masks and stride -1
        Interpreter e = slice(new int[] {4, 5}, new int[] {4, 1}, new int[] {0, 0}, new int[] {0, 1},
                new int[] {-1, 1}, masks(0b01, 0b01, 0, 0, 0, false));
        assertArrayEquals(new int[] {15, 10, 5, 0}, TensorValues.int32s(e.output(0)));
    }

    @Test
    void stridedSliceEllipsisAndNewAxis() {
        // x[..., 1] on 2x3x4 → 2x3
        Interpreter a = slice(new int[] {2, 3, 4}, new int[] {2, 3}, new int[] {0, 1}, new int[] {0, 2},
                new int[] {1, 1}, masks(0, 0, 0b01, 0, 0b10, false));
        assertArrayEquals(new int[] {1, 5, 9, 13, 17, 21}, TensorValues.int32s(a.output(0)));
        // x[newaxis, 1:] on 3 → 1x2
        Interpreter b = slice(new int[] {3}, new int[] {1, 2}, new int[] {0, 1}, new int[] {0, 3}, new int[] {1, 1},
                masks(0, 0, 0, 0b01, 0, false));
        assertArrayEquals(new int[] {1, 2}, TensorValues.int32s(b.output(0)));
        // fewer entries than axes: trailing axes are kept whole
        Interpreter c = slice(new int[] {3, 2}, new int[] {1, 2}, new int[] {2}, new int[] {3}, new int[] {1},
                masks(0, 0, 0, 0, 0, false));
        assertArrayEquals(new int[] {4, 5}, TensorValues.int32s(c.output(0)));
    }

    @Test
    void stridedSliceRejectsAWrongOutputShapeAndZeroStride() {
        KernelException e = assertThrows(KernelException.class, () -> slice(new int[] {4}, new int[] {3},
                new int[] {0}, new int[] {2}, new int[] {1}, masks(0, 0, 0, 0, 0, false)));
        assertTrue(e.getMessage().contains("output shape"), e.getMessage());
        KernelException z = assertThrows(KernelException.class, () -> slice(new int[] {4}, new int[] {0},
                new int[] {0}, new int[] {2}, new int[] {0}, masks(0, 0, 0, 0, 0, false)));
        assertTrue(z.getMessage().contains("stride 0"), z.getMessage());
    }

    @Test
    void shapeInInt32AndInt64() {
        Interpreter a = new OneOpModelBuilder().int8Input(1f, 0, 1, 49, 40).output(TensorType.INT32, 3)
                .model(BuiltinOperator.SHAPE, new OperatorOptions.Shape(TensorType.INT32), Interpreter::new);
        a.invoke();
        assertArrayEquals(new int[] {1, 49, 40}, TensorValues.int32s(a.output(0)));
        Interpreter b = new OneOpModelBuilder().input(TensorType.FLOAT32, 2, 7).output(TensorType.INT64, 2)
                .model(BuiltinOperator.SHAPE, new OperatorOptions.Shape(TensorType.INT64), Interpreter::new);
        b.invoke();
        assertEquals(7L, b.output(0).int64(1));
    }

    @Test
    void reshapeSqueezeAndExpandDimsCopyAndValidate() {
        Interpreter r = new OneOpModelBuilder().int8Input(1f, 0, 1, 2, 3).input(TensorType.INT32, 2)
                .int8Output(1f, 0, 1, 6)
                .model(BuiltinOperator.RESHAPE, new OperatorOptions.Reshape(null), Interpreter::new);
        TensorValues.setBytes(r.input(0), 1, 2, 3, 4, 5, 6);
        r.invoke();
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, TensorValues.int8s(r.output(0)));

        KernelException bad = assertThrows(KernelException.class, () -> new OneOpModelBuilder()
                .int8Input(1f, 0, 1, 2, 3)
                .int8Output(1f, 0, 1, 5)
                .model(BuiltinOperator.RESHAPE, new OperatorOptions.Reshape(List.of(1, 5)), Interpreter::new));
        assertTrue(bad.getMessage().contains("6 elements"), bad.getMessage());

        Interpreter s = new OneOpModelBuilder().input(TensorType.FLOAT32, 1, 3, 1).output(TensorType.FLOAT32, 1, 3)
                .model(BuiltinOperator.SQUEEZE, new OperatorOptions.Squeeze(List.of(-1)), Interpreter::new);
        TensorValues.setFloats(s.input(0), 1f, 2f, 3f);
        s.invoke();
        assertArrayEquals(new float[] {1f, 2f, 3f}, TensorValues.floats(s.output(0)));

        Interpreter e = new OneOpModelBuilder().input(TensorType.INT16, new int[] {2, 3}, 0.1f, 0).constInts(-1)
                .output(TensorType.INT16, new int[] {2, 3, 1}, 0.1f, 0)
                .model(BuiltinOperator.EXPAND_DIMS, new OperatorOptions.None(), Interpreter::new);
        for (int i = 0; i < 6; i++) {
            e.input(0).setInt16(i, 1000 * i - 2500);
        }
        e.invoke();
        for (int i = 0; i < 6; i++) {
            assertEquals(1000 * i - 2500, e.output(0).int16(i));
        }
        KernelException badAxis = assertThrows(KernelException.class, () -> new OneOpModelBuilder()
                .input(TensorType.FLOAT32, 2, 3).constInts(0).output(TensorType.FLOAT32, 2, 3, 1)
                .model(BuiltinOperator.EXPAND_DIMS, new OperatorOptions.None(), Interpreter::new));
        assertTrue(badAxis.getMessage().contains("output shape"), badAxis.getMessage());
    }
}
