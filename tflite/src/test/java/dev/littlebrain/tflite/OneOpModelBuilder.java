package dev.littlebrain.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Builds an in-memory model with a single operator, for kernel and code-generator tests in every module
 * (it ships in this module's test jar).
 *
 * <p>Two ways to wire the operator. Chained: {@code input}, {@code const*} and {@code output} calls become the
 * operator's inputs and outputs in call order, e.g.
 * {@code new OneOpModelBuilder().int8Input(0.1f, 0, 1, 8).int8Output(0.1f, 0, 1, 8).model(op, options)}. By index,
 * for optional (-1) or reordered operands: {@code addInput}, {@code addConstant} and {@code addOutput} return
 * tensor indices that {@link #model(BuiltinOperator, OperatorOptions, int[], int[])} wires explicitly.
 */
public final class OneOpModelBuilder {
    private final List<Tensor> tensors = new ArrayList<>();
    private final List<Buffer> buffers = new ArrayList<>(List.of(Buffer.EMPTY));
    private final List<Integer> graphInputs = new ArrayList<>();
    private final List<Integer> graphOutputs = new ArrayList<>();
    private final List<Integer> opInputs = new ArrayList<>();
    private final List<Integer> opOutputs = new ArrayList<>();

    // --- wired by index ---

    /** A run-time input of the graph; returns its tensor index. */
    public int addInput(int[] shape, TensorType type, Quantization q) {
        int t = add("in" + tensors.size(), shape, type, 0, q);
        graphInputs.add(t);
        return t;
    }

    /** An output of the graph; returns its tensor index. */
    public int addOutput(int[] shape, TensorType type, Quantization q) {
        int t = add("out" + tensors.size(), shape, type, 0, q);
        graphOutputs.add(t);
        return t;
    }

    /** A constant tensor holding {@code data}; returns its tensor index. */
    public int addConstant(int[] shape, TensorType type, Quantization q, byte[] data) {
        buffers.add(Buffer.of(data));
        return add("const" + tensors.size(), shape, type, buffers.size() - 1, q);
    }

    public Model model(BuiltinOperator op, OperatorOptions options, int[] operatorInputs, int[] operatorOutputs) {
        Operator operator = new Operator(0, operatorInputs, operatorOutputs, options);
        Subgraph graph = new Subgraph("main", tensors, graphInputs, graphOutputs, List.of(operator));
        return new Model(Model.SCHEMA_VERSION, List.of(OperatorCode.builtin(op)), List.of(graph), "test", buffers,
                List.of(), List.of());
    }

    // --- wired in call order ---

    /** A run-time input of the graph and the operator, quantized per tensor. */
    public OneOpModelBuilder input(TensorType type, int[] shape, float scale, int zeroPoint) {
        opInputs.add(addInput(shape, type, quantization(type, scale, zeroPoint)));
        return this;
    }

    /** A run-time input without quantization (float32, int32). */
    public OneOpModelBuilder input(TensorType type, int... shape) {
        return input(type, shape, 0f, 0);
    }

    public OneOpModelBuilder int8Input(float scale, int zeroPoint, int... shape) {
        return input(TensorType.INT8, shape, scale, zeroPoint);
    }

    /** A constant int32 vector (a shape, axes, permutation, paddings). */
    public OneOpModelBuilder constInts(int... values) {
        opInputs.add(addConstant(new int[] {values.length}, TensorType.INT32, Quantization.NONE, int32(values)));
        return this;
    }

    /** A constant int8 filter of random values, quantized per channel along {@code dimension} or per tensor (-1). */
    public OneOpModelBuilder constFilter(Random random, int dimension, int... shape) {
        return constFilterWithDeadChannels(random, dimension, java.util.Set.of(), java.util.Set.of(), shape);
    }

    /**
     * As {@link #constFilter}, with the rows (first dimension) in {@code deadRows} and the columns (the index within
     * a row) in {@code deadColumns} all zero: channels that training left dead.
     */
    public OneOpModelBuilder constFilterWithDeadChannels(Random random, int dimension,
            java.util.Set<Integer> deadRows, java.util.Set<Integer> deadColumns, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        byte[] values = new byte[n];
        random.nextBytes(values);
        int rowLength = n / shape[0];
        for (int i = 0; i < n; i++) {
            if (deadRows.contains(i / rowLength) || deadColumns.contains(i % rowLength)) {
                values[i] = 0;
            }
        }
        Quantization q;
        if (dimension < 0) {
            q = Quantization.perTensor(0.004f, 0);
        } else {
            float[] scales = new float[shape[dimension]];
            long[] zeros = new long[scales.length];
            for (int i = 0; i < scales.length; i++) {
                scales[i] = 0.001f + 0.01f * random.nextFloat();
            }
            q = Quantization.perChannel(scales, zeros, dimension);
        }
        opInputs.add(addConstant(shape, TensorType.INT8, q, values));
        return this;
    }

    /** A constant int32 bias of {@code count} random values in [-magnitude, magnitude]. */
    public OneOpModelBuilder constBias(Random random, int magnitude, int count) {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextInt(2 * magnitude + 1) - magnitude;
        }
        opInputs.add(addConstant(new int[] {count}, TensorType.INT32, Quantization.NONE, int32(values)));
        return this;
    }

    /** An output of the graph and the operator, quantized per tensor. */
    public OneOpModelBuilder output(TensorType type, int[] shape, float scale, int zeroPoint) {
        opOutputs.add(addOutput(shape, type, quantization(type, scale, zeroPoint)));
        return this;
    }

    /** An output without quantization (float32, int32). */
    public OneOpModelBuilder output(TensorType type, int... shape) {
        return output(type, shape, 0f, 0);
    }

    public OneOpModelBuilder int8Output(float scale, int zeroPoint, int... shape) {
        return output(TensorType.INT8, shape, scale, zeroPoint);
    }

    public Model model(BuiltinOperator op, OperatorOptions options) {
        return model(op, options, indices(opInputs), indices(opOutputs));
    }

    /** The model handed to {@code use}, e.g. {@code Interpreter::new}. */
    public <T> T model(BuiltinOperator op, OperatorOptions options, Function<Model, T> use) {
        return use.apply(model(op, options));
    }

    private static Quantization quantization(TensorType type, float scale, int zeroPoint) {
        return type.isQuantizedInteger() || scale != 0f ? Quantization.perTensor(scale, zeroPoint) : Quantization.NONE;
    }

    private int add(String name, int[] shape, TensorType type, int buffer, Quantization q) {
        tensors.add(new Tensor(name, shape, type, buffer, q == null ? Quantization.NONE : q));
        return tensors.size() - 1;
    }

    private static int[] indices(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    // --- tensor bytes, little-endian as in the file ---

    public static byte[] int8(int[] values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    public static byte[] int32(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    public static byte[] float32(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    public static float[] floats(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[bytes.length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getFloat();
        }
        return out;
    }

    public static int[] ints(byte[] int8Bytes) {
        int[] out = new int[int8Bytes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = int8Bytes[i];
        }
        return out;
    }
}
