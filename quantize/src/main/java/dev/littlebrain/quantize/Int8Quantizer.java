package dev.littlebrain.quantize;

import dev.littlebrain.tflite.Buffer;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.ModelValidator;
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
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Full-integer int8 post-training quantization of a float TFLite model, following TFLite's 8-bit
 * quantization specification: per-tensor asymmetric int8 activations from calibrated ranges,
 * per-channel symmetric int8 weights (CONV_2D and FULLY_CONNECTED along dimension 0,
 * DEPTHWISE_CONV_2D along dimension 3), int32 biases with scale {@code input_scale * weight_scale[c]},
 * and each op's output constraints. Int32 tensors (shape operands) are left alone.
 *
 * <pre>{@code
 * Model int8 = Int8Quantizer.quantize(floatModel, Calibration.collect(floatModel, examples));
 * }</pre>
 */
public final class Int8Quantizer {

    /** What the quantized graph's inputs and outputs are. */
    public enum Io {
        /** int8 inputs and outputs carrying their calibrated parameters (what microcontrollers feed). */
        INT8,
        /** float32 inputs and outputs, with QUANTIZE after each input and DEQUANTIZE before each output. */
        FLOAT32
    }

    /** Ops whose int8 kernels copy or clamp raw values, so their output must keep the input's parameters. */
    private static final Set<BuiltinOperator> SAME_AS_INPUT = EnumSet.of(BuiltinOperator.RESHAPE,
            BuiltinOperator.EXPAND_DIMS, BuiltinOperator.SQUEEZE, BuiltinOperator.MAX_POOL_2D,
            BuiltinOperator.AVERAGE_POOL_2D, BuiltinOperator.STRIDED_SLICE, BuiltinOperator.PAD,
            BuiltinOperator.RELU6);

    /** Ops whose int8 kernels copy raw bytes of several inputs, so every input must share the output's parameters. */
    private static final Set<BuiltinOperator> SAME_AS_OUTPUT = EnumSet.of(BuiltinOperator.CONCATENATION,
            BuiltinOperator.PACK);

    /** Ops whose output is requantized from the calibrated range. */
    private static final Set<BuiltinOperator> CALIBRATED_OUTPUT = EnumSet.of(BuiltinOperator.CONV_2D,
            BuiltinOperator.DEPTHWISE_CONV_2D, BuiltinOperator.FULLY_CONNECTED, BuiltinOperator.ADD,
            BuiltinOperator.SUB, BuiltinOperator.MUL, BuiltinOperator.MEAN);

    /** Ops with a fixed int8 output quantization (TFLite spec; TFLM's kernels require it). */
    private static final Map<BuiltinOperator, Quantization> FIXED_OUTPUT = new EnumMap<>(Map.of(
            BuiltinOperator.SOFTMAX, Quantization.perTensor(1f / 256, -128),
            BuiltinOperator.LOGISTIC, Quantization.perTensor(1f / 256, -128),
            BuiltinOperator.TANH, Quantization.perTensor(1f / 128, 0)));

    /** Ops that only read their input's shape. */
    private static final Set<BuiltinOperator> SHAPE_ONLY = EnumSet.of(BuiltinOperator.SHAPE);

    /**
     * The lowest operator version that covers the int8 signature (TFLite's {@code op_version.cc});
     * ops absent here are version 1 for int8.
     */
    private static final Map<BuiltinOperator, Integer> INT8_VERSION = new EnumMap<>(Map.ofEntries(
            Map.entry(BuiltinOperator.CONV_2D, 3), Map.entry(BuiltinOperator.DEPTHWISE_CONV_2D, 3),
            Map.entry(BuiltinOperator.FULLY_CONNECTED, 4), Map.entry(BuiltinOperator.SOFTMAX, 2),
            Map.entry(BuiltinOperator.LOGISTIC, 2), Map.entry(BuiltinOperator.TANH, 2),
            Map.entry(BuiltinOperator.ADD, 2), Map.entry(BuiltinOperator.SUB, 2), Map.entry(BuiltinOperator.MUL, 2),
            Map.entry(BuiltinOperator.CONCATENATION, 2), Map.entry(BuiltinOperator.PACK, 2),
            Map.entry(BuiltinOperator.MAX_POOL_2D, 2), Map.entry(BuiltinOperator.AVERAGE_POOL_2D, 2),
            Map.entry(BuiltinOperator.STRIDED_SLICE, 2), Map.entry(BuiltinOperator.PAD, 2),
            Map.entry(BuiltinOperator.MEAN, 2), Map.entry(BuiltinOperator.RELU6, 2),
            Map.entry(BuiltinOperator.QUANTIZE, 2), Map.entry(BuiltinOperator.DEQUANTIZE, 2)));

    private Int8Quantizer() {
    }

    /** Quantizes with int8 graph inputs and outputs. */
    public static Model quantize(Model floatModel, Calibration calibration) {
        return quantize(floatModel, calibration, Io.INT8);
    }

    /**
     * Quantizes {@code floatModel}'s main graph. The result passes {@link ModelValidator}.
     *
     * @throws UnsupportedOperationException naming the first operator this quantizer cannot handle
     * @throws IllegalArgumentException when a float activation has no calibrated range
     */
    public static Model quantize(Model floatModel, Calibration calibration, Io io) {
        Model out = new Rewrite(floatModel, calibration).run(io);
        ModelValidator.validate(out);
        return out;
    }

    /** Ops this quantizer handles. */
    public static Set<BuiltinOperator> supportedOperators() {
        Set<BuiltinOperator> s = EnumSet.noneOf(BuiltinOperator.class);
        s.addAll(SAME_AS_INPUT);
        s.addAll(SAME_AS_OUTPUT);
        s.addAll(CALIBRATED_OUTPUT);
        s.addAll(FIXED_OUTPUT.keySet());
        s.addAll(SHAPE_ONLY);
        return s;
    }

    /**
     * Asymmetric int8 parameters for a real range: the range is widened to include 0 (so zero is
     * exactly representable, as the spec requires) and the zero point is the nudged integer in
     * [-128, 127].
     */
    public static Quantization asymmetric(float min, float max) {
        double lo = Math.min(min, 0.0);
        double hi = Math.max(max, 0.0);
        if (hi - lo < 1e-12) {
            // A constant-zero tensor: any scale represents it; 1/255 keeps multipliers tame.
            hi = lo + 1.0;
        }
        float scale = (float) ((hi - lo) / 255.0);
        long zeroPoint = Math.round(-128.0 - lo / scale);
        zeroPoint = Math.max(-128, Math.min(127, zeroPoint));
        return Quantization.perTensor(scale, zeroPoint);
    }

    /** Round half away from zero, as {@code std::round} (Java's Math.round rounds half up). */
    static double roundHalfAway(double x) {
        return Math.signum(x) * Math.floor(Math.abs(x) + 0.5);
    }

    private static final class Rewrite {
        private final Model model;
        private final Subgraph graph;
        private final Calibration calibration;
        private final List<Tensor> tensors;
        private final List<Buffer> buffers;
        private final List<OperatorCode> codes;
        private final List<Operator> ops = new ArrayList<>();
        /** Activation tensor index to its int8 parameters. */
        private final Map<Integer, Quantization> params = new HashMap<>();
        /** Activations whose parameters come only from calibration, so they may be changed to suit a consumer. */
        private final Set<Integer> adjustable = new HashSet<>();
        private final Set<Integer> activations;
        private final Map<Integer, Integer> consumers = new HashMap<>();
        private final Map<Integer, Integer> bufferUsers = new HashMap<>();

        Rewrite(Model model, Calibration calibration) {
            this.model = model;
            this.graph = model.mainSubgraph();
            this.calibration = calibration;
            this.tensors = new ArrayList<>(graph.tensors());
            this.buffers = new ArrayList<>(model.buffers());
            this.codes = new ArrayList<>(model.operatorCodes());
            this.activations = new HashSet<>(Calibration.activationTensors(model));
            for (Operator op : graph.operators()) {
                for (int t : op.inputs()) {
                    consumers.merge(t, 1, Integer::sum);
                }
            }
            for (Subgraph g : model.subgraphs()) {
                for (Tensor t : g.tensors()) {
                    bufferUsers.merge(t.buffer(), 1, Integer::sum);
                }
            }
        }

        Model run(Io io) {
            for (int i = 0; i < graph.operators().size(); i++) {
                Operator op = graph.operators().get(i);
                OperatorCode code = model.operatorCode(op);
                BuiltinOperator b = code.isCustom() ? BuiltinOperator.CUSTOM : code.builtin();
                if (!supportedOperators().contains(b)) {
                    throw new UnsupportedOperationException("cannot quantize operator #" + i + " "
                            + code.displayName() + " to int8; supported: " + supportedOperators());
                }
            }
            for (int t : graph.inputs()) {
                if (activations.contains(t)) {
                    params.put(t, calibrated(t));
                }
            }
            for (Operator op : graph.operators()) {
                ops.add(quantizeOperator(op));
            }
            for (Map.Entry<Integer, Quantization> e : params.entrySet()) {
                Tensor t = tensors.get(e.getKey());
                tensors.set(e.getKey(), retyped(t, TensorType.INT8, e.getValue()));
            }
            if (io == Io.FLOAT32) {
                keepFloatIo();
            }
            for (Operator op : ops) {
                BuiltinOperator b = codes.get(op.opcodeIndex()).builtin();
                int version = INT8_VERSION.getOrDefault(b, 1);
                OperatorCode c = codes.get(op.opcodeIndex());
                if (c.version() < version) {
                    codes.set(op.opcodeIndex(), new OperatorCode(c.builtinCode(), c.customCode(), version));
                }
            }
            List<Subgraph> graphs = new ArrayList<>(model.subgraphs());
            graphs.set(0, new Subgraph(graph.name(), tensors, graph.inputs(), graph.outputs(), ops));
            return new Model(model.version(), codes, graphs, model.description(), buffers, model.metadata(),
                    model.signatureDefs());
        }

        private Operator quantizeOperator(Operator op) {
            BuiltinOperator b = model.operatorCode(op).builtin();
            List<Integer> inputs = new ArrayList<>(op.inputs());
            if (b == BuiltinOperator.CONV_2D || b == BuiltinOperator.DEPTHWISE_CONV_2D
                    || b == BuiltinOperator.FULLY_CONNECTED) {
                quantizeConstants(inputs, 0, 1);
                int filter = inputs.get(1);
                float[] weightScales = null;
                if (isFloatConstant(filter)) {
                    weightScales = quantizeWeights(filter, b == BuiltinOperator.DEPTHWISE_CONV_2D ? 3 : 0);
                }
                if (inputs.size() > 2 && inputs.get(2) >= 0 && isFloatConstant(inputs.get(2))) {
                    if (weightScales == null) {
                        throw new UnsupportedOperationException(b + " has a float bias but computed weights");
                    }
                    quantizeBias(inputs.get(2), params.get(inputs.get(0)).scale0(), weightScales);
                }
            } else if (!SHAPE_ONLY.contains(b)) {
                quantizeConstants(inputs, 0, inputs.size());
            }
            int output = op.output(0);
            if (activations.contains(output)) {
                if (FIXED_OUTPUT.containsKey(b)) {
                    params.put(output, FIXED_OUTPUT.get(b));
                } else if (SAME_AS_INPUT.contains(b)) {
                    params.put(output, requireParams(inputs.get(0), b));
                } else if (SAME_AS_OUTPUT.contains(b)) {
                    Quantization q = calibrated(output);
                    params.put(output, q);
                    for (int k = 0; k < inputs.size(); k++) {
                        int in = inputs.get(k);
                        if (!requireParams(in, b).equals(q)) {
                            if (adjustable.contains(in) && consumers.getOrDefault(in, 0) == 1
                                    && !graph.outputs().contains(in)) {
                                // The producer requantizes anyway: let it produce the concatenation's scale.
                                params.put(in, q);
                            } else {
                                inputs.set(k, requantized(in, q));
                            }
                        }
                    }
                } else {
                    params.put(output, calibrated(output));
                    adjustable.add(output);
                }
            }
            return new Operator(op.opcodeIndex(), inputs, op.outputs(), op.options(), op.customOptions(),
                    op.intermediates());
        }

        private Quantization requireParams(int tensor, BuiltinOperator b) {
            Quantization q = params.get(tensor);
            if (q == null) {
                throw new IllegalStateException(b + " reads tensor '" + tensors.get(tensor).name()
                        + "', which has no int8 parameters");
            }
            return q;
        }

        private Quantization calibrated(int tensor) {
            Calibration.Range r = calibration.range(tensor).orElseThrow(() -> new IllegalArgumentException(
                    "no calibrated range for float tensor #" + tensor + " '" + tensors.get(tensor).name() + "'"));
            return asymmetric(r.min(), r.max());
        }

        /** Inserts QUANTIZE (int8 to int8) before the current operator; returns the requantized tensor. */
        private int requantized(int tensor, Quantization q) {
            Tensor t = tensors.get(tensor);
            int index = tensors.size();
            tensors.add(new Tensor(t.name() + "/requantized", t.shape(), t.shapeSignature(), TensorType.INT8, 0, q,
                    false));
            params.put(index, q);
            ops.add(new Operator(opcode(BuiltinOperator.QUANTIZE), List.of(tensor), List.of(index),
                    new OperatorOptions.None(), null, List.of()));
            return index;
        }

        private int opcode(BuiltinOperator b) {
            for (int i = 0; i < codes.size(); i++) {
                if (!codes.get(i).isCustom() && codes.get(i).builtin() == b) {
                    return i;
                }
            }
            codes.add(OperatorCode.builtin(b, INT8_VERSION.getOrDefault(b, 1)));
            return codes.size() - 1;
        }

        private boolean isFloatConstant(int tensor) {
            Tensor t = tensors.get(tensor);
            return t.type() == TensorType.FLOAT32 && model.isConstant(graph.tensor(tensor));
        }

        /** Float constants read like activations (e.g. an ADD operand) get per-tensor asymmetric parameters. */
        private void quantizeConstants(List<Integer> inputs, int from, int to) {
            for (int k = from; k < to; k++) {
                int t = inputs.get(k);
                if (t < 0 || !isFloatConstant(t) || params.containsKey(t)) {
                    continue;
                }
                float[] v = floats(t);
                float lo = 0;
                float hi = 0;
                for (float x : v) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
                Quantization q = asymmetric(lo, hi);
                byte[] data = new byte[v.length];
                for (int i = 0; i < v.length; i++) {
                    double r = roundHalfAway(v[i] / q.scale0()) + q.zeroPoint0();
                    data[i] = (byte) Math.max(-128, Math.min(127, r));
                }
                store(t, TensorType.INT8, q, data);
                params.put(t, q);
            }
        }

        /** Symmetric per-channel int8 weights in [-127, 127]; returns the channel scales. */
        private float[] quantizeWeights(int tensor, int dimension) {
            Tensor t = tensors.get(tensor);
            int[] shape = t.shapeArray();
            int channels = shape[dimension];
            int inner = 1;
            for (int d = dimension + 1; d < shape.length; d++) {
                inner *= shape[d];
            }
            float[] v = floats(tensor);
            float[] maxAbs = new float[channels];
            for (int i = 0; i < v.length; i++) {
                int c = (i / inner) % channels;
                maxAbs[c] = Math.max(maxAbs[c], Math.abs(v[i]));
            }
            float[] scales = new float[channels];
            for (int c = 0; c < channels; c++) {
                // An all-zero channel still needs a positive scale; TFLite uses 1 there.
                scales[c] = maxAbs[c] == 0 ? 1f : maxAbs[c] / 127f;
            }
            byte[] data = new byte[v.length];
            for (int i = 0; i < v.length; i++) {
                double q = roundHalfAway(v[i] / scales[(i / inner) % channels]);
                data[i] = (byte) Math.max(-127, Math.min(127, q));
            }
            store(tensor, TensorType.INT8, Quantization.perChannel(scales, new long[channels], dimension), data);
            return scales;
        }

        /** int32 bias with scale input_scale * weight_scale[c] and zero point 0, so it adds to the accumulator. */
        private void quantizeBias(int tensor, float inputScale, float[] weightScales) {
            float[] v = floats(tensor);
            if (v.length != weightScales.length) {
                throw new IllegalArgumentException("bias '" + tensors.get(tensor).name() + "' has " + v.length
                        + " values for " + weightScales.length + " output channels");
            }
            float[] scales = new float[v.length];
            ByteBuffer data = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int c = 0; c < v.length; c++) {
                scales[c] = inputScale * weightScales[c];
                double q = roundHalfAway(v[c] / (double) scales[c]);
                data.putInt((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, q)));
            }
            store(tensor, TensorType.INT32, Quantization.perChannel(scales, new long[v.length], 0), data.array());
        }

        private float[] floats(int tensor) {
            ByteBuffer b = model.bufferOf(graph.tensor(tensor)).asReadOnlyByteBuffer();
            float[] out = new float[b.remaining() / 4];
            for (int i = 0; i < out.length; i++) {
                out[i] = b.getFloat(i * 4);
            }
            return out;
        }

        private void store(int tensor, TensorType type, Quantization q, byte[] data) {
            Tensor t = tensors.get(tensor);
            int buffer = t.buffer();
            if (bufferUsers.getOrDefault(buffer, 0) == 1) {
                buffers.set(buffer, Buffer.of(data));
            } else {
                // Shared with another tensor that keeps reading the float data.
                buffers.add(Buffer.of(data));
                buffer = buffers.size() - 1;
            }
            tensors.set(tensor, new Tensor(t.name(), t.shape(), t.shapeSignature(), type, buffer, q, t.isVariable()));
        }

        /**
         * Keeps the graph's input and output tensors float (so signature indices still hold) and moves
         * the int8 values to new tensors bridged by QUANTIZE / DEQUANTIZE.
         */
        private void keepFloatIo() {
            Map<Integer, Integer> replace = new HashMap<>();
            List<Operator> head = new ArrayList<>();
            List<Operator> tail = new ArrayList<>();
            for (int t : graph.inputs()) {
                if (params.containsKey(t)) {
                    int q = floatTwin(t);
                    replace.put(t, q);
                    head.add(new Operator(opcode(BuiltinOperator.QUANTIZE), List.of(t), List.of(q),
                            new OperatorOptions.None(), null, List.of()));
                }
            }
            for (int t : graph.outputs()) {
                if (params.containsKey(t) && !replace.containsKey(t)) {
                    int q = floatTwin(t);
                    replace.put(t, q);
                    tail.add(new Operator(opcode(BuiltinOperator.DEQUANTIZE), List.of(q), List.of(t),
                            new OperatorOptions.None(), null, List.of()));
                }
            }
            List<Operator> rewired = new ArrayList<>(head);
            for (Operator op : ops) {
                rewired.add(new Operator(op.opcodeIndex(), op.inputs().stream().map(i -> replace.getOrDefault(i, i))
                        .toList(), op.outputs().stream().map(i -> replace.getOrDefault(i, i)).toList(), op.options(),
                        op.customOptions(), op.intermediates()));
            }
            rewired.addAll(tail);
            ops.clear();
            ops.addAll(rewired);
        }

        /** Adds an int8 copy of {@code tensor} and turns {@code tensor} back to float32; returns the copy. */
        private int floatTwin(int tensor) {
            Tensor t = tensors.get(tensor);
            int index = tensors.size();
            tensors.add(new Tensor(t.name() + "/int8", t.shape(), t.shapeSignature(), TensorType.INT8, 0,
                    t.quantization(), false));
            tensors.set(tensor, retyped(t, TensorType.FLOAT32, Quantization.NONE));
            return index;
        }

        private static Tensor retyped(Tensor t, TensorType type, Quantization q) {
            return new Tensor(t.name(), t.shape(), t.shapeSignature(), type, t.buffer(), q, t.isVariable());
        }
    }
}
