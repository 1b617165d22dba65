package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.Interpreter;
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

/** Builds an in-memory model of a single operator for kernel tests. */
final class OneOpModel {
    private final List<Tensor> tensors = new ArrayList<>();
    private final List<Buffer> buffers = new ArrayList<>(List.of(Buffer.EMPTY));
    private final List<Integer> inputs = new ArrayList<>();
    private final List<Integer> outputs = new ArrayList<>();

    int input(int[] shape, TensorType type, Quantization q) {
        int t = add("in" + tensors.size(), shape, type, 0, q);
        inputs.add(t);
        return t;
    }

    int output(int[] shape, TensorType type, Quantization q) {
        int t = add("out" + tensors.size(), shape, type, 0, q);
        outputs.add(t);
        return t;
    }

    int constant(int[] shape, TensorType type, Quantization q, byte[] data) {
        buffers.add(Buffer.of(data));
        return add("const" + tensors.size(), shape, type, buffers.size() - 1, q);
    }

    private int add(String name, int[] shape, TensorType type, int buffer, Quantization q) {
        tensors.add(new Tensor(name, shape, type, buffer, q == null ? Quantization.NONE : q));
        return tensors.size() - 1;
    }

    Model model(BuiltinOperator op, OperatorOptions options, int[] opInputs, int[] opOutputs) {
        Operator operator = new Operator(0, opInputs, opOutputs, options);
        Subgraph graph = new Subgraph("main", tensors, inputs, outputs, List.of(operator));
        return new Model(Model.SCHEMA_VERSION, List.of(OperatorCode.builtin(op)), List.of(graph), "test", buffers,
                List.of(), List.of());
    }

    Interpreter interpreter(BuiltinOperator op, OperatorOptions options, int[] opInputs, int[] opOutputs) {
        return new Interpreter(model(op, options, opInputs, opOutputs));
    }

    static byte[] int8(int[] values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] int32(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    static byte[] float32(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static float[] floats(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[bytes.length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getFloat();
        }
        return out;
    }

    static int[] ints(byte[] int8Bytes) {
        int[] out = new int[int8Bytes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = int8Bytes[i];
        }
        return out;
    }
}
