package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.tflite.Buffer;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Operator;
import dev.littlebrain.tflite.OperatorCode;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.Quantization;
import dev.littlebrain.tflite.Subgraph;
import dev.littlebrain.tflite.Tensor;
import dev.littlebrain.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Builds an in-memory model with a single operator, for kernel tests. */
final class OneOpBuilder {
    private final List<Tensor> tensors = new ArrayList<>();
    private final List<Buffer> buffers = new ArrayList<>(List.of(Buffer.EMPTY));
    private final List<Integer> graphInputs = new ArrayList<>();
    private final List<Integer> opInputs = new ArrayList<>();
    private final List<Integer> opOutputs = new ArrayList<>();

    /** A run-time input of the graph and the operator. */
    OneOpBuilder input(TensorType type, int[] shape, float scale, int zeroPoint) {
        int t = add(type, shape, scale, zeroPoint, 0);
        graphInputs.add(t);
        opInputs.add(t);
        return this;
    }

    OneOpBuilder input(TensorType type, int... shape) {
        return input(type, shape, 0f, 0);
    }

    OneOpBuilder int8Input(float scale, int zeroPoint, int... shape) {
        return input(TensorType.INT8, shape, scale, zeroPoint);
    }

    OneOpBuilder constInts(int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        buffers.add(Buffer.of(b.array()));
        opInputs.add(add(TensorType.INT32, new int[] {values.length}, 0f, 0, buffers.size() - 1));
        return this;
    }

    /** A computed input the op does not read (e.g. RESHAPE's shape): fed as a graph input. */
    OneOpBuilder output(TensorType type, int[] shape, float scale, int zeroPoint) {
        opOutputs.add(add(type, shape, scale, zeroPoint, 0));
        return this;
    }

    OneOpBuilder output(TensorType type, int... shape) {
        return output(type, shape, 0f, 0);
    }

    OneOpBuilder int8Output(float scale, int zeroPoint, int... shape) {
        return output(TensorType.INT8, shape, scale, zeroPoint);
    }

    private int add(TensorType type, int[] shape, float scale, int zeroPoint, int buffer) {
        Quantization q = type.isQuantizedInteger() || scale != 0f ? Quantization.perTensor(scale, zeroPoint)
                : Quantization.NONE;
        tensors.add(new Tensor("t" + tensors.size(), shape, type, buffer, q));
        return tensors.size() - 1;
    }

    Model model(BuiltinOperator op, OperatorOptions options) {
        Operator operator = new Operator(0, opInputs.stream().mapToInt(Integer::intValue).toArray(),
                opOutputs.stream().mapToInt(Integer::intValue).toArray(), options);
        Subgraph g = new Subgraph("main", tensors, graphInputs, opOutputs, List.of(operator));
        return new Model(Model.SCHEMA_VERSION, List.of(OperatorCode.builtin(op)), List.of(g), "test", buffers,
                List.of(), List.of());
    }

    Interpreter interpreter(BuiltinOperator op, OperatorOptions options) {
        return new Interpreter(model(op, options));
    }

    // --- feeding and reading ---

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
