package dev.littlebrain.deploy;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.params.ActivationRange;
import dev.littlebrain.runtime.params.AddParams;
import dev.littlebrain.runtime.params.ConcatenationParams;
import dev.littlebrain.runtime.params.ConvParams;
import dev.littlebrain.runtime.params.DepthwiseParams;
import dev.littlebrain.runtime.params.DequantizeParams;
import dev.littlebrain.runtime.params.FullyConnectedParams;
import dev.littlebrain.runtime.params.IntArray;
import dev.littlebrain.runtime.params.LeakyReluParams;
import dev.littlebrain.runtime.params.MeanParams;
import dev.littlebrain.runtime.params.MulParams;
import dev.littlebrain.runtime.params.PadParams;
import dev.littlebrain.runtime.params.PoolParams;
import dev.littlebrain.runtime.params.QuantizeParams;
import dev.littlebrain.runtime.params.Relu6Params;
import dev.littlebrain.runtime.params.Requantization;
import dev.littlebrain.runtime.quant.FixedPoint;
import dev.littlebrain.runtime.params.RequantizeParams;
import dev.littlebrain.runtime.params.SoftmaxParams;
import dev.littlebrain.runtime.params.TanhLogisticParams;
import dev.littlebrain.runtime.params.TransposeParams;
import dev.littlebrain.runtime.params.Window;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Operator;
import dev.littlebrain.tflite.OperatorCode;
import dev.littlebrain.tflite.Subgraph;
import dev.littlebrain.tflite.TensorType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code c-standalone} deploy format: an int8 model compiled to plain C99 — no interpreter, no
 * flatbuffer parsing, no malloc. Weights become const arrays, activations live in one static arena at
 * the offsets of the runtime's memory planner, and {@code lb_invoke} is one kernel call per operator. Every
 * multiplier, shift, clamp and window is read from the params record the runtime's kernel was prepared with
 * ({@link Interpreter#params(int, Class)}), never derived here, so the C computes what the Java kernels compute.
 *
 * <pre>{@code
 * List<Path> files = StandaloneCGenerator.write(model, "kws.tflite", outDir);
 * }</pre>
 */
public final class StandaloneCGenerator {
    public static final String MODEL_HEADER = "lb_model.h";
    public static final String MODEL_SOURCE = "lb_model.c";
    public static final String KERNELS_HEADER = "lb_kernels.h";
    public static final String KERNELS_SOURCE = "lb_kernels.c";

    /** Every operator this generator compiles (int8); the shape-only ones only where they fold away. */
    public static final Set<BuiltinOperator> COMPILED = java.util.Collections.unmodifiableSet(java.util.EnumSet.of(
            BuiltinOperator.CONV_2D, BuiltinOperator.DEPTHWISE_CONV_2D, BuiltinOperator.FULLY_CONNECTED,
            BuiltinOperator.MAX_POOL_2D, BuiltinOperator.AVERAGE_POOL_2D, BuiltinOperator.SOFTMAX, BuiltinOperator.ADD,
            BuiltinOperator.SUB, BuiltinOperator.MUL, BuiltinOperator.CONCATENATION, BuiltinOperator.TANH,
            BuiltinOperator.LOGISTIC, BuiltinOperator.RELU, BuiltinOperator.RELU6, BuiltinOperator.LEAKY_RELU,
            BuiltinOperator.QUANTIZE, BuiltinOperator.DEQUANTIZE, BuiltinOperator.MEAN, BuiltinOperator.PAD,
            BuiltinOperator.PADV2, BuiltinOperator.TRANSPOSE, BuiltinOperator.RESHAPE, BuiltinOperator.EXPAND_DIMS,
            BuiltinOperator.SQUEEZE, BuiltinOperator.SHAPE, BuiltinOperator.STRIDED_SLICE, BuiltinOperator.PACK));

    /** Ops that only compute shapes; with static shapes their results are folded away when RESHAPE is their only reader. */
    private static final Set<BuiltinOperator> SHAPE_ONLY = Set.of(BuiltinOperator.SHAPE,
            BuiltinOperator.STRIDED_SLICE, BuiltinOperator.PACK);

    private final Model model;
    private final String modelSource;
    /** The output's labels for lb_model.h; empty when not known. */
    private final List<String> labels;
    private final Subgraph graph;
    private final Interpreter interpreter;
    private final Map<Integer, String> constants = new LinkedHashMap<>();
    private final StringBuilder data = new StringBuilder();
    private final StringBuilder body = new StringBuilder();
    /** Whether {@code lb_invoke} declares the loop index {@code i} (for concatenations with an outer loop). */
    private boolean needsLoopIndex;
    /** Words of {@code lb_scratch}: the most any optimised kernel needs (widened rows, im2col columns). */
    private int scratchWords;
    /** Accumulators of the optimised kernels stay strictly inside this bound, or they take the _wide twins. */
    private static final long ACCUMULATOR_BOUND = 1L << 30;

    private StandaloneCGenerator(Model model, String modelSource, List<String> labels) {
        this.model = model;
        this.modelSource = modelSource;
        this.labels = List.copyOf(labels);
        this.graph = model.mainSubgraph();
        this.interpreter = new Interpreter(model);
    }

    /** Writes {@code lb_model.h}, {@code lb_model.c}, {@code lb_kernels.h} and {@code lb_kernels.c} into {@code outDir}. */
    public static List<Path> write(Model model, String modelSource, Path outDir) throws IOException {
        return write(model, modelSource, List.of(), outDir);
    }

    /** As {@link #write(Model, String, Path)}, with the output's labels in {@code lb_model.h}. */
    public static List<Path> write(Model model, String modelSource, List<String> labels, Path outDir)
            throws IOException {
        Map<String, String> files = generate(model, modelSource, labels);
        CSource.requireDirectory(outDir);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = outDir.resolve(f.getKey());
            CSource.write(p, f.getValue());
            written.add(p);
        }
        return written;
    }

    /**
     * The generated files by name.
     *
     * @throws UnsupportedOperationException naming the model's first operator or tensor type the generator cannot compile
     */
    public static Map<String, String> generate(Model model, String modelSource) {
        return generate(model, modelSource, List.of());
    }

    /** As {@link #generate(Model, String)}, with the output's labels (none when empty) in {@code lb_model.h}. */
    public static Map<String, String> generate(Model model, String modelSource, List<String> labels) {
        return new StandaloneCGenerator(model, modelSource, labels).files();
    }

    private Map<String, String> files() {
        requireInt8Io();
        List<Operator> ops = graph.operators();
        for (int i = 0; i < ops.size(); i++) {
            emitOp(i, ops.get(i));
            body.append("    LB_OP_DONE(").append(i).append(");\n");
        }
        int inputBytes = ioBytes(graph.inputs());
        int outputBytes = ioBytes(graph.outputs());
        Map<String, String> files = new LinkedHashMap<>();
        files.put(MODEL_HEADER, modelHeader(inputBytes, outputBytes));
        files.put(MODEL_SOURCE, modelSource(inputBytes, outputBytes));
        files.put(KERNELS_HEADER, resource(KERNELS_HEADER));
        files.put(KERNELS_SOURCE, resource(KERNELS_SOURCE));
        return files;
    }

    /** Model inputs and outputs are int8, or float32 where the model itself quantizes and dequantizes them. */
    private void requireInt8Io() {
        for (int t : concat(graph.inputs(), graph.outputs())) {
            TensorType type = graph.tensor(t).type();
            if (type != TensorType.INT8 && type != TensorType.FLOAT32) {
                throw new UnsupportedOperationException("c-standalone supports int8 models; tensor '"
                        + graph.tensor(t).name() + "' is " + type.dtypeName()
                        + " (export float models with --format c-array and run them with TFLite Micro)");
            }
        }
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private int ioBytes(List<Integer> tensors) {
        return ioBytes(interpreter, tensors);
    }

    /** Bytes of the given tensors together: the raw I/O layout of {@code lb_invoke}. */
    static int ioBytes(Interpreter interpreter, List<Integer> tensors) {
        int total = 0;
        for (int t : tensors) {
            total += interpreter.tensor(t).byteSize();
        }
        return total;
    }

    private String banner() {
        return "/*\n"
                + " * Generated by LittleBrain (littlebrain deploy --format c-standalone) from "
                + CSource.commentText(modelSource) + ".\n"
                + " * " + graph.operators().size() + " operators, int8, tensor arena "
                + interpreter.arenaBytes() + " bytes (LittleBrain's memory planner).\n"
                + " * Bit-exact with LittleBrain's runtime and TensorFlow Lite Micro's reference kernels.\n"
                + " * Do not edit: re-run the export instead.\n"
                + " */\n";
    }

    private String modelHeader(int inputBytes, int outputBytes) {
        return CSource.modelHeader(banner(), inputBytes, outputBytes,
                "#define LB_ARENA_BYTES " + interpreter.arenaBytes() + "\n" + ModelIoDefines.of(model, labels),
                "/* Runs the model once; returns 0 on success. Not reentrant: one static arena. */\n"
                        + "int lb_invoke(const void *input, void *output);\n");
    }

    private String modelSource(int inputBytes, int outputBytes) {
        StringBuilder b = new StringBuilder();
        b.append(banner());
        b.append("#include \"lb_model.h\"\n");
        b.append("#include \"lb_kernels.h\"\n\n");
        b.append("#include <stddef.h>\n#include <stdint.h>\n#include <string.h>\n\n");
        b.append("#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L\n");
        b.append("#define LB_ALIGN16 _Alignas(16)\n");
        b.append("#elif defined(__GNUC__) || defined(__clang__)\n");
        b.append("#define LB_ALIGN16 __attribute__((aligned(16)))\n");
        b.append("#else\n#define LB_ALIGN16\n#endif\n\n");
        b.append("/* Define LB_OP_DONE(index) to time each operator (e.g. read a cycle counter); empty by default. */\n");
        b.append("#ifndef LB_OP_DONE\n#define LB_OP_DONE(index) ((void) 0)\n#endif\n\n");
        b.append("static LB_ALIGN16 int8_t lb_arena[").append(Math.max(1, interpreter.arenaBytes())).append("];\n\n");
        if (scratchWords > 0) {
            b.append("/* Rows widened to 16 bits and im2col columns of the optimised kernels, the largest one's. */\n");
            b.append("static LB_ALIGN16 int32_t lb_scratch[").append(scratchWords).append("];\n\n");
        }
        b.append(data);
        b.append("int lb_invoke(const void *input, void *output)\n{\n");
        b.append("    const uint8_t *in = (const uint8_t *) input;\n");
        b.append("    uint8_t *out = (uint8_t *) output;\n");
        if (needsLoopIndex) {
            b.append("    int i;\n");
        }
        b.append('\n');
        int offset = 0;
        for (int t : graph.inputs()) {
            TensorView v = interpreter.tensor(t);
            b.append("    memcpy(lb_arena + ").append(v.offset()).append(", in + ").append(offset).append(", ")
                    .append(v.byteSize()).append("); /* ").append(CSource.commentText(v.name())).append(" */\n");
            offset += v.byteSize();
        }
        b.append('\n').append(body).append('\n');
        offset = 0;
        for (int t : graph.outputs()) {
            TensorView v = interpreter.tensor(t);
            b.append("    memcpy(out + ").append(offset).append(", lb_arena + ").append(v.offset()).append(", ")
                    .append(v.byteSize()).append("); /* ").append(CSource.commentText(v.name())).append(" */\n");
            offset += v.byteSize();
        }
        b.append("    return 0;\n}\n");
        return b.toString();
    }

    private static String resource(String name) {
        try (InputStream in = StandaloneCGenerator.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- operators -------------------------------------------------------------------------------

    private void emitOp(int index, Operator op) {
        OperatorCode code = model.operatorCode(op);
        BuiltinOperator builtin = code.isCustom() ? null : code.builtin();
        if (builtin == null) {
            throw unsupported(index, code.displayName());
        }
        if (builtin != BuiltinOperator.SHAPE && builtin != BuiltinOperator.STRIDED_SLICE
                && builtin != BuiltinOperator.PACK && builtin != BuiltinOperator.RESHAPE) {
            for (int t : concat(op.inputs(), op.outputs())) {
                // The float side of QUANTIZE (input) and DEQUANTIZE (output) is the model's float I/O.
                boolean floatSide = (builtin == BuiltinOperator.QUANTIZE && t == op.inputs().get(0))
                        || (builtin == BuiltinOperator.DEQUANTIZE && t == op.outputs().get(0));
                if (floatSide && graph.tensor(t).type() == TensorType.FLOAT32) {
                    continue;
                }
                if (t >= 0 && !model.isConstant(graph.tensor(t)) && graph.tensor(t).type() != TensorType.INT8) {
                    throw new UnsupportedOperationException("c-standalone supports int8 models; operator " + index
                            + " (" + code.displayName() + ") has " + graph.tensor(t).type().dtypeName()
                            + " tensor '" + graph.tensor(t).name() + "'");
                }
            }
        }
        switch (builtin) {
            case CONV_2D -> emitConv(index, op);
            case DEPTHWISE_CONV_2D -> emitDepthwise(index, op);
            case FULLY_CONNECTED -> emitFullyConnected(index, op);
            case MAX_POOL_2D, AVERAGE_POOL_2D -> emitPool(index, op, builtin);
            case SOFTMAX -> emitSoftmax(index, op);
            case ADD, SUB -> emitAdd(index, op, builtin);
            case MUL -> emitMul(index, op);
            case CONCATENATION -> emitConcatenation(index, op);
            case TANH, LOGISTIC -> emitTanhOrLogistic(index, op, builtin);
            case RELU -> emitRelu(index, op);
            case RELU6 -> emitRelu6(index, op);
            case LEAKY_RELU -> emitLeakyRelu(index, op);
            case TRANSPOSE -> emitTranspose(index, op);
            case QUANTIZE -> emitQuantize(index, op);
            case DEQUANTIZE -> emitDequantize(index, op);
            case MEAN -> emitMean(index, op);
            case PAD, PADV2 -> emitPad(index, op, builtin);
            case RESHAPE, EXPAND_DIMS, SQUEEZE -> emitCopy(index, op, builtin);
            case SHAPE, STRIDED_SLICE, PACK -> requireFoldable(index, op, builtin);
            default -> throw unsupported(index, code.displayName());
        }
    }

    private static UnsupportedOperationException unsupported(int index, String name) {
        return new UnsupportedOperationException("c-standalone does not support operator " + index + " (" + name
                + ") yet; it compiles " + COMPILED.stream().map(Enum::name).collect(java.util.stream.Collectors.joining(", "))
                + " (use --format c-array with TensorFlow Lite Micro instead)");
    }

    private String arena(int tensor) {
        return "lb_arena + " + interpreter.tensor(tensor).offset();
    }

    /** An int8 operand: a const array for a constant tensor, else its place in the arena. */
    private String int8Operand(int tensor) {
        return model.isConstant(graph.tensor(tensor)) ? int8Constant(tensor) : arena(tensor);
    }

    /** A float as an exact C99 hexadecimal literal. */
    private static String floatLiteral(float f) {
        return Float.toHexString(f) + "f";
    }

    private String comment(int index, Operator op, String name) {
        TensorView out = interpreter.tensor(op.outputs().get(0));
        return "    /* " + index + ": " + name + " -> " + CSource.commentText(out.name()) + " "
                + java.util.Arrays.toString(out.shape()) + " */\n";
    }

    private String int8Constant(int tensor) {
        return constants.computeIfAbsent(tensor, t -> {
            String name = "lb_tensor_" + t;
            byte[] bytes = model.bufferOf(graph.tensor(t)).bytes();
            long[] values = new long[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                values[i] = bytes[i];
            }
            data.append("/* ").append(CSource.commentText(graph.tensor(t).name())).append(" */\n");
            data.append("static const int8_t ").append(name).append("[").append(values.length).append("] = {\n");
            CSource.appendInts(data, values, 16);
            data.append("};\n\n");
            return name;
        });
    }

    private String biasConstant(int tensor) {
        if (tensor < 0) {
            return "NULL";
        }
        if (graph.tensor(tensor).type() != TensorType.INT32) {
            throw new UnsupportedOperationException("c-standalone needs int32 biases; tensor '"
                    + graph.tensor(tensor).name() + "' is " + graph.tensor(tensor).type().dtypeName());
        }
        return constants.computeIfAbsent(tensor, t -> {
            String name = "lb_tensor_" + t;
            TensorView v = interpreter.tensor(t);
            long[] values = new long[v.elementCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = v.int32(i);
            }
            data.append("/* ").append(CSource.commentText(graph.tensor(t).name())).append(" */\n");
            data.append("static const int32_t ").append(name).append("[").append(values.length).append("] = {\n");
            CSource.appendInts(data, values, 8);
            data.append("};\n\n");
            return name;
        });
    }

    private void int32Array(String name, int[] values) {
        long[] v = new long[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i];
        }
        data.append("static const int32_t ").append(name).append("[").append(v.length).append("] = {\n");
        CSource.appendInts(data, v, 8);
        data.append("};\n\n");
    }

    /** An operator's {@code lb_requant}: the per-channel requantization its kernel was prepared with. */
    private Requant requant(int index, Requantization r) {
        String prefix = "lb_op" + index;
        // A zero multiplier gives 0 whatever the shift; shift -1 keeps such a channel on the optimised paths.
        int[] shifts = r.shifts().toArray();
        boolean belowHalf = true;
        for (int c = 0; c < shifts.length; c++) {
            if (r.multipliers().get(c) == 0) {
                shifts[c] = -1;
            }
            belowHalf &= shifts[c] <= -1;
        }
        int32Array(prefix + "_multipliers", r.multipliers().toArray());
        int32Array(prefix + "_shifts", shifts);
        data.append("static const lb_requant ").append(prefix).append("_requant = {\n    ")
                .append(prefix).append("_multipliers, ").append(prefix).append("_shifts, ")
                .append(r.inputOffset()).append(", ").append(r.outputZeroPoint()).append(", ")
                .append(r.range().min()).append(", ").append(r.range().max()).append("\n};\n\n");
        return new Requant("&" + prefix + "_requant", belowHalf);
    }

    /**
     * An operator's {@code lb_requant}; {@code belowHalf}: every multiplier is below one half (shift <= -1), as the
     * optimised kernels' requantization requires.
     */
    private record Requant(String ref, boolean belowHalf) {
    }

    /** An operator's {@code lb_window}: the geometry its kernel was prepared with. */
    private String window(int index, Window g) {
        String name = "lb_op" + index + "_window";
        data.append("static const lb_window ").append(name).append(" = {\n    ")
                .append(g.batches()).append(", ").append(g.inHeight()).append(", ").append(g.inWidth()).append(", ")
                .append(g.inDepth()).append(",\n    ").append(g.filterHeight()).append(", ").append(g.filterWidth())
                .append(",\n    ").append(g.outHeight()).append(", ").append(g.outWidth()).append(", ")
                .append(g.outDepth()).append(",\n    ").append(g.strideHeight()).append(", ").append(g.strideWidth())
                .append(", ").append(g.dilationHeight()).append(", ").append(g.dilationWidth())
                .append(",\n    ").append(g.padTop()).append(", ").append(g.padLeft()).append("\n};\n\n");
        return "&" + name;
    }

    private void emitConv(int index, Operator op) {
        ConvParams p = interpreter.params(index, ConvParams.class);
        Window g = p.window();
        TensorView in = interpreter.tensor(op.inputs().get(0));
        TensorView filter = interpreter.tensor(op.inputs().get(1));
        TensorView out = interpreter.tensor(op.outputs().get(0));
        int bias = op.inputs().size() > 2 ? op.inputs().get(2) : -1;
        data.append("/* operator ").append(index).append(": CONV_2D */\n");
        boolean oneGroup = p.filterDepth() == g.inDepth();
        byte[][] rows = weightRows(op.inputs().get(1), filter.dim(0));
        boolean pointwiseShape = g.filterHeight() == 1 && g.filterWidth() == 1 && g.strideHeight() == 1
                && g.strideWidth() == 1 && g.outHeight() == g.inHeight() && g.outWidth() == g.inWidth();
        if (oneGroup && pointwiseShape && emitLiveMatmul(index, op, "CONV_2D 1x1", in.elementCount() / g.inDepth(),
                rows, bias, in, p.requantization(), filter.name())) {
            return;
        }
        Requant requant = requant(index, p.requantization());
        String q = requant.ref();
        java.util.Optional<Folded> folded = oneGroup && requant.belowHalf()
                ? foldedBias(index, rows, bias, in.zeroPoint())
                : java.util.Optional.empty();
        boolean pointwise = pointwiseShape;
        String w = folded.isPresent() && pointwise ? "" : window(index, g);
        String f = folded.isPresent() ? pairedFilter(index, rows, filter.name()) : int8Constant(op.inputs().get(1));
        body.append(comment(index, op, "CONV_2D"));
        if (folded.isEmpty()) {
            body.append("    lb_conv2d_s8(").append(w).append(", ").append(q).append(", ").append(arena(in.index()))
                    .append(", ").append(f).append(", ").append(p.filterDepth()).append(", ").append(biasConstant(bias))
                    .append(", ").append(arena(out.index())).append(");\n");
        } else if (pointwise) {
            // A pointwise convolution over NHWC is a matrix product: every pixel is a row of in_d values.
            emitMatmul(in.elementCount() / g.inDepth(), g.inDepth(), g.outDepth(), q, arena(in.index()), f,
                    folded.get(), arena(out.index()));
        } else {
            emitIm2col(w, q, in, f, g.filterHeight() * g.filterWidth() * g.inDepth(), folded.get(), out);
        }
    }

    /**
     * A matrix product whose filter has dead channels (see {@link LiveBlock}) as lb_matmul_live_s8: only the live
     * block's weights, folded bias and requantization are emitted, with each dead channel's constant output (its
     * bias alone through the reference requantization). False, with nothing emitted, where the filter has no live
     * block worth it or the live block does not meet the optimised kernels' conditions.
     */
    private boolean emitLiveMatmul(int index, Operator op, String what, int rowCount, byte[][] rows, int bias,
            TensorView in, Requantization r, String filterName) {
        java.util.Optional<LiveBlock> found = LiveBlock.of(rows);
        if (found.isEmpty()) {
            return false;
        }
        LiveBlock live = found.get();
        int[] channels = live.liveOut();
        int[] multipliers = new int[channels.length];
        int[] shifts = new int[channels.length];
        for (int i = 0; i < channels.length; i++) {
            multipliers[i] = r.multipliers().get(channels[i]);
            shifts[i] = r.shifts().get(channels[i]);
            if (multipliers[i] != 0 && shifts[i] > -1) {
                return false; // the optimised requantization needs multipliers below one half
            }
        }
        byte[][] block = live.rowsOf(rows);
        long[] folded = foldedValues(block, bias, channels, in.zeroPoint());
        if (folded == null) {
            return false;
        }
        long[] deadRow = new long[live.outDepth()];
        for (int oc = 0; oc < deadRow.length; oc++) {
            if (!live.isLive(oc)) {
                // No weight: the accumulator is the bias alone, requantized as the reference kernel does.
                int acc = bias >= 0 ? interpreter.tensor(bias).int32(oc) : 0;
                acc = FixedPoint.multiplyByQuantizedMultiplier(acc, r.multipliers().get(oc), r.shifts().get(oc))
                        + r.outputZeroPoint();
                deadRow[oc] = FixedPoint.clamp(acc, r.range().min(), r.range().max());
            }
        }
        String q = requant(index, new Requantization(r.inputOffset(), IntArray.of(multipliers), IntArray.of(shifts),
                r.outputZeroPoint(), r.range())).ref();
        Folded f = emitFolded(index, folded, in.zeroPoint());
        String pairs = pairedFilter(index, block, filterName + ", its live block of " + live.liveOut().length + " of "
                + live.outDepth() + " channels by " + live.liveIn().length + " of " + live.depth() + " depths");
        String prefix = "lb_op" + index;
        uint16Array(prefix + "_live_in", live.liveIn());
        uint16Array(prefix + "_live_out", live.liveOut());
        data.append("/* each channel's output where its filter is all zero (live channels are overwritten) */\n");
        data.append("static const int8_t ").append(prefix).append("_dead_row[").append(deadRow.length).append("] = {\n");
        CSource.appendInts(data, deadRow, 16);
        data.append("};\n\n");
        data.append("static const lb_live ").append(prefix).append("_live = {\n    ").append(live.depth()).append(", ")
                .append(live.outDepth()).append(", ").append(live.liveIn().length).append(", ")
                .append(live.liveOut().length).append(", ").append(prefix).append("_live_in, ").append(prefix)
                .append("_live_out, ").append(prefix).append("_dead_row\n};\n\n");
        int paddedLive = padded(live.liveIn().length);
        scratchWords = Math.max(scratchWords, Math.max(1, 3 * paddedLive / 2 + (live.bufferBytes() + 3) / 4));
        body.append(comment(index, op, what + ", live block " + live.liveOut().length + "x" + live.liveIn().length));
        body.append("    lb_matmul_live").append(f.suffix()).append("(&").append(prefix).append("_live, ")
                .append(rowCount).append(", ").append(q).append(", ").append(arena(in.index())).append(", ")
                .append(pairs).append(", ").append(f.name()).append(", lb_scratch, ")
                .append(arena(interpreter.tensor(op.outputs().get(0)).index())).append(");\n");
        return true;
    }

    private void uint16Array(String name, int[] values) {
        long[] v = new long[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i];
        }
        data.append("static const uint16_t ").append(name).append("[").append(Math.max(1, v.length)).append("] = {\n");
        CSource.appendInts(data, v.length == 0 ? new long[] {0} : v, 16);
        data.append("};\n\n");
    }

    private void emitIm2col(String window, String requant, TensorView in, String filter, int depth, Folded folded,
            TensorView out) {
        // In-channel counts of a multiple of 4 are widened straight from the image (lb_kernels.c).
        scratchWords = Math.max(scratchWords, padded(depth) + (in.dim(3) % 4 == 0 ? 0 : (2 * depth + 3) / 4));
        body.append("    lb_conv2d_im2col").append(folded.suffix()).append("(").append(window).append(", ")
                .append(requant).append(", ").append(arena(in.index())).append(", ").append(filter).append(", ")
                .append(folded.name())
                .append(", lb_scratch, ").append(arena(out.index())).append(");\n");
    }

    private void emitMatmul(int rows, int depth, int outDepth, String requant, String input, String filter,
            Folded folded, String output) {
        scratchWords = Math.max(scratchWords, rows >= 3 ? 3 * padded(depth) / 2 : 0);
        body.append("    lb_matmul").append(folded.suffix()).append("(").append(rows).append(", ").append(depth)
                .append(", ").append(outDepth).append(", ").append(requant).append(", ").append(input).append(", ")
                .append(filter).append(", ").append(folded.name()).append(rows >= 3 ? ", lb_scratch, " : ", NULL, ").append(output).append(");\n");
    }

    /** The depth of the optimised kernels' filter layout: a multiple of 4. */
    private static int padded(int depth) {
        return (depth + 3) & ~3;
    }

    /**
     * The filter rows in the optimised kernels' layout (lb_kernels.c): channels in pairs (an odd last one with a
     * zero channel), depth padded with zeros to a multiple of 4, each block of 4 depths of a pair as two words,
     * [c k, c+1 k, c k+2, c+1 k+2] and [c k+1, c+1 k+1, c k+3, c+1 k+3].
     */
    private String pairedFilter(int index, byte[][] rows, String tensorName) {
        int depth = rows.length == 0 ? 0 : rows[0].length;
        int padded = padded(depth);
        int pairs = (rows.length + 1) / 2;
        long[] values = new long[pairs * 2 * padded];
        for (int p = 0; p < pairs; p++) {
            for (int k = 0; k < depth; k++) {
                int at = p * 2 * padded + (k / 4) * 8 + (k % 2) * 4 + ((k / 2) % 2) * 2;
                values[at] = rows[2 * p][k];
                values[at + 1] = 2 * p + 1 < rows.length ? rows[2 * p + 1][k] : 0;
            }
        }
        String name = "lb_op" + index + "_filter";
        data.append("/* ").append(CSource.commentText(tensorName))
                .append(", in channel pairs (lb_kernels.c), depth padded to ").append(padded).append(" */\n");
        data.append("static const int8_t ").append(name).append("[").append(values.length).append("] = {\n");
        CSource.appendInts(data, values, 16);
        data.append("};\n\n");
        return name;
    }

    /**
     * The largest magnitude a depthwise accumulator can reach: bias plus taps of (x + offset) in [-255, 255] times
     * the channel's weights ({@code filter} [1][h][w][channels]).
     */
    private long depthwiseAccumulatorBound(int bias, int filter, int channels) {
        byte[] w = model.bufferOf(graph.tensor(filter)).bytes();
        long largest = 0;
        for (int c = 0; c < channels; c++) {
            long magnitude = 0;
            for (int i = c; i < w.length; i += channels) {
                magnitude += Math.abs(w[i]);
            }
            long b = bias >= 0 ? Math.abs((long) interpreter.tensor(bias).int32(c)) : 0;
            largest = Math.max(largest, b + 255L * magnitude);
        }
        return largest;
    }

    /**
     * The filter rows for lb_fully_connected_row_s8: rows in groups of four (zero rows up to a multiple of 4), the
     * depth padded to a multiple of 4, and per group and block of 4 depths the paired layout's words of its two
     * pairs one after the other (16 bytes). A union with an int32_t makes the array word-aligned: the kernel
     * reads it two words per LDRD, which faults on unaligned addresses.
     */
    private String quadFilter(int index, byte[][] rows, String tensorName) {
        int depth = rows.length == 0 ? 0 : rows[0].length;
        int padded = padded(depth);
        int groups = (rows.length + 3) / 4;
        long[] values = new long[groups * 4 * padded];
        for (int oc = 0; oc < rows.length; oc++) {
            int c = oc % 4;
            for (int k = 0; k < depth; k++) {
                int at = (oc / 4) * 4 * padded + (k / 4) * 16 + (c / 2) * 8 + (k % 2) * 4 + ((k / 2) % 2) * 2 + c % 2;
                values[at] = rows[oc][k];
            }
        }
        String name = "lb_op" + index + "_filter";
        data.append("/* ").append(CSource.commentText(tensorName))
                .append(", in groups of four rows (lb_kernels.c), depth padded to ").append(padded).append(" */\n");
        data.append("static const union {\n    int32_t align;\n    int8_t bytes[").append(values.length)
                .append("];\n} ").append(name).append(" = {.bytes = {\n");
        CSource.appendInts(data, values, 16);
        data.append("}};\n\n");
        return name + ".bytes";
    }

    /**
     * A 3x3 depthwise filter [1][3][3][channels] regrouped for lb_depthwise_conv3x3_s8: four channels at a time,
     * each group's nine taps one after another ([c / 4][tap][c % 4]), so the kernel reads a group's taps at fixed
     * offsets from one pointer. The same bytes, another order.
     */
    private String groupedDepthwiseFilter(int index, int tensor, String tensorName, int channels) {
        byte[] bytes = model.bufferOf(graph.tensor(tensor)).bytes();
        long[] values = new long[bytes.length];
        for (int t = 0; t < 9; t++) {
            for (int c = 0; c < channels; c++) {
                values[(c / 4) * 36 + t * 4 + c % 4] = bytes[t * channels + c];
            }
        }
        String name = "lb_op" + index + "_filter";
        data.append("/* ").append(CSource.commentText(tensorName))
                .append(", in groups of four channels, nine taps each (lb_kernels.c) */\n");
        data.append("static const int8_t ").append(name).append("[").append(values.length).append("] = {\n");
        CSource.appendInts(data, values, 16);
        data.append("};\n\n");
        return name;
    }

    /** The filter's bytes as {@code rows} rows (output channels) of equal length. */
    private byte[][] weightRows(int tensor, int rows) {
        byte[] bytes = model.bufferOf(graph.tensor(tensor)).bytes();
        int depth = bytes.length / rows;
        byte[][] r = new byte[rows][];
        for (int oc = 0; oc < rows; oc++) {
            r[oc] = java.util.Arrays.copyOfRange(bytes, oc * depth, (oc + 1) * depth);
        }
        return r;
    }

    /**
     * bias[oc] + input_offset * sum(filter row oc): the input offset's share of every accumulator, a constant,
     * so the kernel multiplies raw int8 values. Empty (use the reference kernel) where a folded value plus any
     * sum of the row's products with int8 inputs (at most 128 * sum |w|) could leave int32, so no partial sum
     * overflows; {@link Folded#wide} where it could reach 2^30, the fast requantization's bound.
     */
    private java.util.Optional<Folded> foldedBias(int index, byte[][] rows, int bias, int inputZeroPoint) {
        int[] channels = new int[rows.length];
        for (int oc = 0; oc < channels.length; oc++) {
            channels[oc] = oc;
        }
        long[] folded = foldedValues(rows, bias, channels, inputZeroPoint);
        return folded == null ? java.util.Optional.empty()
                : java.util.Optional.of(emitFolded(index, folded, inputZeroPoint));
    }

    /**
     * The folded bias of each row (row i is output channel {@code channels[i]}), with the largest accumulator any
     * int8 input can give appended as the last element; null where that could leave int32.
     */
    private long[] foldedValues(byte[][] rows, int bias, int[] channels, int inputZeroPoint) {
        long[] folded = new long[rows.length + 1];
        long largest = 0;
        for (int i = 0; i < rows.length; i++) {
            long sum = 0;
            long magnitude = 0;
            for (byte v : rows[i]) {
                sum += v;
                magnitude += Math.abs(v);
            }
            folded[i] = (bias >= 0 ? interpreter.tensor(bias).int32(channels[i]) : 0) - (long) inputZeroPoint * sum;
            largest = Math.max(largest, Math.abs(folded[i]) + 128L * magnitude);
            if (largest > Integer.MAX_VALUE) {
                return null;
            }
        }
        folded[rows.length] = largest;
        return folded;
    }

    /** Emits {@link #foldedValues}' array (without its last element, the bound). */
    private Folded emitFolded(int index, long[] foldedAndBound, int inputZeroPoint) {
        long[] folded = java.util.Arrays.copyOf(foldedAndBound, foldedAndBound.length - 1);
        String name = "lb_op" + index + "_folded_bias";
        data.append("/* bias + input offset (").append(-inputZeroPoint).append(") * sum of each filter row */\n");
        data.append("static const int32_t ").append(name).append("[").append(Math.max(1, folded.length))
                .append("] = {\n");
        CSource.appendInts(data, folded.length == 0 ? new long[] {0} : folded, 8);
        data.append("};\n\n");
        return new Folded(name, foldedAndBound[foldedAndBound.length - 1] >= ACCUMULATOR_BOUND);
    }

    /** A folded bias array; {@code wide}: its accumulators may reach 2^30, for the kernels' _wide twins. */
    private record Folded(String name, boolean wide) {
        String suffix() {
            return wide ? "_wide_s8" : "_s8";
        }
    }

    private void emitDepthwise(int index, Operator op) {
        DepthwiseParams p = interpreter.params(index, DepthwiseParams.class);
        Window g = p.window();
        TensorView in = interpreter.tensor(op.inputs().get(0));
        TensorView filter = interpreter.tensor(op.inputs().get(1));
        TensorView out = interpreter.tensor(op.outputs().get(0));
        int bias = op.inputs().size() > 2 ? op.inputs().get(2) : -1;
        data.append("/* operator ").append(index).append(": DEPTHWISE_CONV_2D */\n");
        String w = window(index, g);
        Requant requant = requant(index, p.requantization());
        String q = requant.ref();
        if (g.inDepth() == 1 && requant.belowHalf()) {
            // One input channel: every output channel is a filter over the same pixels, i.e. a CONV_2D whose
            // filter is this one transposed from [1][h][w][out_d] to [out_d][h][w][1].
            int taps = g.filterHeight() * g.filterWidth();
            int outD = g.outDepth();
            byte[] bytes = model.bufferOf(graph.tensor(op.inputs().get(1))).bytes();
            byte[][] rows = new byte[outD][taps];
            for (int t = 0; t < taps; t++) {
                for (int oc = 0; oc < outD; oc++) {
                    rows[oc][t] = bytes[t * outD + oc];
                }
            }
            java.util.Optional<Folded> folded = foldedBias(index, rows, bias, in.zeroPoint());
            if (folded.isPresent()) {
                String name = pairedFilter(index, rows, filter.name() + ", as a CONV_2D filter [out_d][h][w][1]");
                body.append(comment(index, op, "DEPTHWISE_CONV_2D of one channel, as CONV_2D"));
                emitIm2col(w, q, in, name, taps, folded.get(), out);
                return;
            }
        }
        long accumulators = depthwiseAccumulatorBound(bias, op.inputs().get(1), g.outDepth());
        boolean dm1 = p.depthMultiplier() == 1 && requant.belowHalf() && accumulators <= Integer.MAX_VALUE;
        if (dm1 && g.filterHeight() == 3 && g.filterWidth() == 3 && g.dilationHeight() == 1
                && g.dilationWidth() == 1 && g.inDepth() % 4 == 0) {
            String f = groupedDepthwiseFilter(index, op.inputs().get(1), filter.name(), g.inDepth());
            String b = biasConstant(bias);
            body.append(comment(index, op, "DEPTHWISE_CONV_2D 3x3"));
            body.append("    lb_depthwise_conv3x3").append(accumulators >= ACCUMULATOR_BOUND ? "_wide_s8(" : "_s8(")
                    .append(w).append(", ").append(q).append(", ")
                    .append(arena(in.index())).append(", ").append(f).append(", ").append(b).append(", ")
                    .append(arena(out.index())).append(");\n");
            return;
        }
        String f = int8Constant(op.inputs().get(1));
        String b = biasConstant(bias);
        body.append(comment(index, op, "DEPTHWISE_CONV_2D"));
        if (dm1) {
            body.append("    lb_depthwise_conv2d_dm1").append(accumulators >= ACCUMULATOR_BOUND ? "_wide_s8(" : "_s8(")
                    .append(w).append(", ").append(q).append(", ")
                    .append(arena(in.index())).append(", ").append(f).append(", ").append(b).append(", ")
                    .append(arena(out.index())).append(");\n");
        } else {
            body.append("    lb_depthwise_conv2d_s8(").append(w).append(", ").append(q).append(", ")
                    .append(p.depthMultiplier()).append(", ").append(arena(in.index())).append(", ").append(f)
                    .append(", ").append(b).append(", ").append(arena(out.index())).append(");\n");
        }
    }

    private void emitFullyConnected(int index, Operator op) {
        FullyConnectedParams p = interpreter.params(index, FullyConnectedParams.class);
        TensorView in = interpreter.tensor(op.inputs().get(0));
        TensorView filter = interpreter.tensor(op.inputs().get(1));
        TensorView out = interpreter.tensor(op.outputs().get(0));
        int bias = op.inputs().size() > 2 ? op.inputs().get(2) : -1;
        int outDepth = p.outDepth();
        int accumDepth = p.accumDepth();
        int batches = p.batches();
        data.append("/* operator ").append(index).append(": FULLY_CONNECTED */\n");
        int filterOffset = p.filterOffset();
        byte[][] rows = weightRows(op.inputs().get(1), filter.dim(0));
        if (filterOffset == 0 && batches > 1 && emitLiveMatmul(index, op, "FULLY_CONNECTED", batches, rows, bias, in,
                p.requantization(), filter.name())) {
            return;
        }
        Requant requant = requant(index, p.requantization());
        String q = requant.ref();
        java.util.Optional<Folded> folded = filterOffset == 0 && requant.belowHalf()
                ? foldedBias(index, rows, bias, in.zeroPoint())
                : java.util.Optional.empty();
        if (folded.isPresent() && batches == 1) {
            String quads = quadFilter(index, rows, filter.name());
            body.append(comment(index, op, "FULLY_CONNECTED, one row"));
            body.append("    lb_fully_connected_row").append(folded.get().suffix()).append("(").append(accumDepth)
                    .append(", ").append(outDepth).append(", ").append(q).append(", ").append(arena(in.index()))
                    .append(", ").append(quads).append(", ").append(folded.get().name()).append(", ")
                    .append(arena(out.index())).append(");\n");
            return;
        }
        String f = folded.isPresent() ? pairedFilter(index, rows, filter.name()) : int8Constant(op.inputs().get(1));
        body.append(comment(index, op, "FULLY_CONNECTED"));
        if (folded.isPresent()) {
            emitMatmul(batches, accumDepth, outDepth, q, arena(in.index()), f, folded.get(), arena(out.index()));
        } else {
            body.append("    lb_fully_connected_s8(").append(batches).append(", ").append(accumDepth).append(", ")
                    .append(outDepth).append(", ").append(q).append(", ").append(filterOffset).append(", ")
                    .append(arena(in.index())).append(", ").append(f).append(", ").append(biasConstant(bias))
                    .append(", ").append(arena(out.index())).append(");\n");
        }
    }

    private void emitPool(int index, Operator op, BuiltinOperator builtin) {
        PoolParams p = interpreter.params(index, PoolParams.class);
        TensorView in = interpreter.tensor(op.inputs().get(0));
        TensorView out = interpreter.tensor(op.outputs().get(0));
        data.append("/* operator ").append(index).append(": ").append(builtin).append(" */\n");
        String w = window(index, p.window());
        ActivationRange range = p.range();
        String fn = builtin == BuiltinOperator.MAX_POOL_2D ? "lb_max_pool_s8" : "lb_average_pool_s8";
        body.append(comment(index, op, builtin.name()));
        body.append("    ").append(fn).append("(").append(w).append(", ").append(range.min()).append(", ")
                .append(range.max()).append(", ").append(arena(in.index())).append(", ").append(arena(out.index()))
                .append(");\n");
    }

    private void emitSoftmax(int index, Operator op) {
        TensorView in = interpreter.tensor(op.inputs().get(0));
        TensorView out = interpreter.tensor(op.outputs().get(0));
        SoftmaxParams p = interpreter.params(index, SoftmaxParams.class);
        if (p.outputBits() != 8) {
            throw unsupported(index, "SOFTMAX to int" + p.outputBits());
        }
        body.append(comment(index, op, "SOFTMAX"));
        body.append("    lb_softmax_s8(").append(p.rows()).append(", ").append(p.depth()).append(", ")
                .append(p.inputMultiplier().multiplier()).append(", ").append(p.inputMultiplier().shift())
                .append(", ").append(p.diffMin()).append(", ")
                .append(arena(in.index())).append(", ").append(arena(out.index())).append(");\n");
    }

    private void emitCopy(int index, Operator op, BuiltinOperator builtin) {
        TensorView in = interpreter.tensor(op.inputs().get(0));
        TensorView out = interpreter.tensor(op.outputs().get(0));
        if (in.isConstant()) {
            throw unsupported(index, builtin.name() + " of a constant");
        }
        if (in.offset() == out.offset()) {
            body.append("    /* ").append(index).append(": ").append(builtin)
                    .append(" shares its input's bytes: nothing to do */\n");
        } else {
            body.append(comment(index, op, builtin.name()));
            body.append("    memmove(").append(arena(out.index())).append(", ").append(arena(in.index()))
                    .append(", ").append(out.byteSize()).append(");\n");
        }
    }

    /** Shapes are static, so a shape computation whose only readers are RESHAPE's shape input folds away. */
    private void requireFoldable(int index, Operator op, BuiltinOperator builtin) {
        int produced = op.outputs().get(0);
        if (graph.outputs().contains(produced)) {
            throw unsupported(index, builtin.name() + " producing a model output");
        }
        for (Operator reader : graph.operators()) {
            BuiltinOperator rb = model.operatorCode(reader).builtin();
            for (int k = 0; k < reader.inputs().size(); k++) {
                if (reader.inputs().get(k) != produced) {
                    continue;
                }
                boolean ok = SHAPE_ONLY.contains(rb) || (rb == BuiltinOperator.RESHAPE && k == 1);
                if (!ok) {
                    throw unsupported(index, builtin.name() + " read by " + rb);
                }
            }
        }
        body.append("    /* ").append(index).append(": ").append(builtin)
                .append(" folded away: shapes are static */\n");
    }

    // ---- elementwise and data-movement operators -------------------------------------------------

    /** The element-index table of a broadcast operand, or NULL when it has the output's shape. */
    private String broadcastTable(int index, String operand, java.util.Optional<IntArray> offsets) {
        if (offsets.isEmpty()) {
            return "NULL";
        }
        String name = "lb_op" + index + "_" + operand + "_index";
        int32Array(name, offsets.get().toArray());
        return name;
    }

    private void emitAdd(int index, Operator op, BuiltinOperator builtin) {
        AddParams p = interpreter.params(index, AddParams.class);
        TensorView a = interpreter.tensor(op.inputs().get(0));
        TensorView b = interpreter.tensor(op.inputs().get(1));
        TensorView out = interpreter.tensor(op.outputs().get(0));
        data.append("/* operator ").append(index).append(": ").append(builtin).append(" */\n");
        String ia = broadcastTable(index, "a", p.broadcast().offsetsA());
        String ib = broadcastTable(index, "b", p.broadcast().offsetsB());
        String name = "lb_op" + index + "_add";
        data.append("static const lb_add_params ").append(name).append(" = {\n    ")
                .append(p.inputOffsetA()).append(", ").append(p.inputOffsetB()).append(", ")
                .append(p.outputZeroPoint())
                .append(",\n    ").append(p.multiplierA().multiplier()).append(", ").append(p.multiplierA().shift())
                .append(",\n    ").append(p.multiplierB().multiplier()).append(", ").append(p.multiplierB().shift())
                .append(",\n    ").append(p.outputMultiplier().multiplier()).append(", ")
                .append(p.outputMultiplier().shift())
                .append(",\n    ").append(p.range().min()).append(", ").append(p.range().max()).append("\n};\n\n");
        body.append(comment(index, op, builtin.name()));
        body.append("    lb_add_s8(").append(out.elementCount()).append(", &").append(name).append(", ")
                .append(p.subtract() ? 1 : 0).append(", ").append(int8Operand(a.index())).append(", ").append(ia)
                .append(", ").append(int8Operand(b.index())).append(", ").append(ib).append(", ")
                .append(arena(out.index())).append(");\n");
    }

    private void emitMul(int index, Operator op) {
        MulParams p = interpreter.params(index, MulParams.class);
        TensorView a = interpreter.tensor(op.inputs().get(0));
        TensorView b = interpreter.tensor(op.inputs().get(1));
        TensorView out = interpreter.tensor(op.outputs().get(0));
        if (p.broadcast().offsetsA().isPresent()) {
            data.append("/* operator ").append(index).append(": MUL */\n");
        }
        String ia = broadcastTable(index, "a", p.broadcast().offsetsA());
        String ib = broadcastTable(index, "b", p.broadcast().offsetsB());
        body.append(comment(index, op, "MUL"));
        body.append("    lb_mul_s8(").append(out.elementCount()).append(", ").append(p.inputOffsetA()).append(", ")
                .append(p.inputOffsetB()).append(", ").append(p.multiplier().multiplier()).append(", ")
                .append(p.multiplier().shift()).append(", ").append(p.outputZeroPoint()).append(", ")
                .append(p.range().min()).append(", ").append(p.range().max()).append(",\n              ")
                .append(int8Operand(a.index())).append(", ")
                .append(ia).append(", ").append(int8Operand(b.index())).append(", ").append(ib).append(", ")
                .append(arena(out.index())).append(");\n");
    }

    /** TFLM copies the raw bytes of every input, whatever their scales (as the runtime does). */
    private void emitConcatenation(int index, Operator op) {
        ConcatenationParams p = interpreter.params(index, ConcatenationParams.class);
        TensorView out = interpreter.tensor(op.outputs().get(0));
        int outer = p.outerCount();
        int sliceBytes = 0;
        for (int k = 0; k < p.chunkBytes().length(); k++) {
            sliceBytes += p.chunkBytes().get(k);
        }
        body.append(comment(index, op, "CONCATENATION"));
        String indent = outer > 1 ? "        " : "    ";
        if (outer > 1) {
            body.append("    for (i = 0; i < ").append(outer).append("; i++) {\n");
        }
        int outOffset = 0;
        for (int k = 0; k < op.inputs().size(); k++) {
            int t = op.inputs().get(k);
            int chunk = p.chunkBytes().get(k);
            String src = outer > 1 ? " + i * " + chunk : "";
            String dst = outer > 1 ? " + i * " + sliceBytes : "";
            body.append(indent).append("memcpy(lb_arena + ").append(out.offset() + outOffset).append(dst).append(", ")
                    .append(int8Operand(t)).append(src).append(", ").append(chunk).append(");\n");
            outOffset += chunk;
        }
        if (outer > 1) {
            body.append("    }\n");
            needsLoopIndex = true;
        }
    }

    private void emitTanhOrLogistic(int index, Operator op, BuiltinOperator builtin) {
        TanhLogisticParams p = interpreter.params(index, TanhLogisticParams.class);
        TensorView in = interpreter.tensor(op.inputs().get(0));
        TensorView out = interpreter.tensor(op.outputs().get(0));
        String fn = builtin == BuiltinOperator.TANH ? "lb_tanh_s8" : "lb_logistic_s8";
        body.append(comment(index, op, builtin.name()));
        body.append("    ").append(fn).append("(").append(out.elementCount()).append(", ").append(p.inputZeroPoint())
                .append(", ").append(p.inputMultiplier()).append(", ").append(p.inputLeftShift()).append(", ")
                .append(p.inputRangeRadius()).append(", ").append(arena(in.index())).append(", ")
                .append(arena(out.index())).append(");\n");
    }

    private void emitRelu6(int index, Operator op) {
        Relu6Params p = interpreter.params(index, Relu6Params.class);
        TensorView in = interpreter.tensor(op.inputs().get(0));
        TensorView out = interpreter.tensor(op.outputs().get(0));
        body.append(comment(index, op, "RELU6"));
        body.append("    lb_relu6_s8(").append(out.elementCount()).append(", ").append(p.min()).append(", ")
                .append(p.max()).append(", ").append(arena(in.index())).append(", ").append(arena(out.index()))
                .append(");\n");
    }

    /** TFLM's int8 RELU requantizes to the output's scale, then clamps at the output's zero point. */
    private void emitRelu(int index, Operator op) {
        TensorView in = interpreter.tensor(op.inputs().get(0));
        TensorView out = interpreter.tensor(op.outputs().get(0));
        body.append(comment(index, op, "RELU"));
        emitRequantize(interpreter.params(index, RequantizeParams.class), in, out);
    }

    /** lb_requantize_s8: integer QUANTIZE and int8 RELU. */
    private void emitRequantize(RequantizeParams p, TensorView in, TensorView out) {
        body.append("    lb_requantize_s8(").append(out.elementCount()).append(", ").append(p.inputOffset())
                .append(", ").append(p.multiplier().multiplier()).append(", ").append(p.multiplier().shift())
                .append(", ").append(p.outputZeroPoint()).append(", ").append(p.min()).append(", ").append(p.max())
                .append(", ").append(int8Operand(in.index())).append(", ").append(arena(out.index())).append(");\n");
    }

    private void emitLeakyRelu(int index, Operator op) {
        LeakyReluParams p = interpreter.params(index, LeakyReluParams.class);
        TensorView in = interpreter.tensor(op.inputs().get(0));
        TensorView out = interpreter.tensor(op.outputs().get(0));
        body.append(comment(index, op, "LEAKY_RELU"));
        body.append("    lb_leaky_relu_s8(").append(out.elementCount()).append(", ").append(p.inputZeroPoint())
                .append(", ").append(p.identity().multiplier()).append(", ").append(p.identity().shift())
                .append(", ").append(p.alpha().multiplier()).append(", ").append(p.alpha().shift()).append(", ")
                .append(p.outputZeroPoint()).append(",\n                     ").append(int8Operand(in.index()))
                .append(", ").append(arena(out.index())).append(");\n");
    }

    private void emitTranspose(int index, Operator op) {
        TransposeParams p = interpreter.params(index, TransposeParams.class);
        TensorView in = interpreter.tensor(op.inputs().get(0));
        TensorView out = interpreter.tensor(op.outputs().get(0));
        int rank = p.outputShape().length();
        if (rank > 8) {
            throw unsupported(index, "TRANSPOSE of rank " + rank);
        }
        String prefix = "lb_op" + index;
        data.append("/* operator ").append(index).append(": TRANSPOSE */\n");
        int32Array(prefix + "_out_dims", p.outputShape().toArray());
        int32Array(prefix + "_in_strides", p.inputStrides().toArray());
        body.append(comment(index, op, "TRANSPOSE"));
        body.append("    lb_transpose_s8(").append(rank).append(", ").append(prefix).append("_out_dims, ").append(prefix)
                .append("_in_strides, ").append(int8Operand(in.index())).append(", ").append(arena(out.index()))
                .append(");\n");
    }

    private void emitQuantize(int index, Operator op) {
        TensorView in = interpreter.tensor(op.inputs().get(0));
        TensorView out = interpreter.tensor(op.outputs().get(0));
        body.append(comment(index, op, "QUANTIZE"));
        if (in.type() == TensorType.FLOAT32) {
            QuantizeParams p = interpreter.params(index, QuantizeParams.class);
            body.append("    lb_quantize_f32_s8(").append(out.elementCount()).append(", ")
                    .append(floatLiteral(p.scale())).append(", ").append(p.zeroPoint()).append(", ")
                    .append(arena(in.index())).append(", ").append(arena(out.index())).append(");\n");
        } else {
            emitRequantize(interpreter.params(index, RequantizeParams.class), in, out);
        }
    }

    private void emitDequantize(int index, Operator op) {
        TensorView in = interpreter.tensor(op.inputs().get(0));
        TensorView out = interpreter.tensor(op.outputs().get(0));
        if (out.type() != TensorType.FLOAT32) {
            throw unsupported(index, "DEQUANTIZE to " + out.type().dtypeName());
        }
        DequantizeParams p = interpreter.params(index, DequantizeParams.class);
        body.append(comment(index, op, "DEQUANTIZE"));
        body.append("    lb_dequantize_s8_f32(").append(out.elementCount()).append(", ")
                .append(floatLiteral(p.scale())).append(", ").append(p.zeroPoint()).append(", ")
                .append(int8Operand(in.index())).append(", ").append(arena(out.index())).append(");\n");
    }

    private void emitMean(int index, Operator op) {
        MeanParams p = interpreter.params(index, MeanParams.class);
        TensorView in = interpreter.tensor(op.inputs().get(0));
        TensorView out = interpreter.tensor(op.outputs().get(0));
        int rank = p.inputShape().length();
        if (rank > 5) {
            throw unsupported(index, "MEAN of rank " + rank);
        }
        // Rank 5 with leading dimensions of 1; a reduced dimension's output stride is 0.
        int[] dims = {1, 1, 1, 1, 1};
        int[] strides = new int[5];
        for (int d = 0; d < rank; d++) {
            dims[5 - rank + d] = p.inputShape().get(d);
            strides[5 - rank + d] = p.outputStrides().get(d);
        }
        String prefix = "lb_op" + index;
        data.append("/* operator ").append(index).append(": MEAN */\n");
        int32Array(prefix + "_dims", dims);
        int32Array(prefix + "_out_strides", strides);
        data.append("static int32_t ").append(prefix).append("_sums[").append(Math.max(1, out.elementCount()))
                .append("];\n\n");
        body.append(comment(index, op, "MEAN"));
        body.append("    lb_mean_s8(").append(prefix).append("_dims, ").append(prefix).append("_out_strides, ")
                .append(out.elementCount()).append(", ").append(p.count()).append(", ").append(p.inputZeroPoint())
                .append(", ").append(p.multiplier().multiplier()).append(", ").append(p.multiplier().shift())
                .append(", ").append(p.outputZeroPoint())
                .append(",\n               ").append(int8Operand(in.index())).append(", ").append(prefix)
                .append("_sums, ").append(arena(out.index())).append(");\n");
    }

    private void emitPad(int index, Operator op, BuiltinOperator builtin) {
        PadParams p = interpreter.params(index, PadParams.class);
        TensorView in = interpreter.tensor(op.inputs().get(0));
        TensorView out = interpreter.tensor(op.outputs().get(0));
        int rank = p.inputShape().length();
        if (rank > 5) {
            throw unsupported(index, builtin.name() + " of rank " + rank);
        }
        // Rank 5 with leading dimensions of 1 and no padding.
        int[] inDims = {1, 1, 1, 1, 1};
        int[] outDims = {1, 1, 1, 1, 1};
        int[] before = new int[5];
        for (int d = 0; d < rank; d++) {
            int k = 5 - rank + d;
            inDims[k] = p.inputShape().get(d);
            outDims[k] = p.outputShape().get(d);
            before[k] = p.padBefore().get(d);
        }
        String name = "lb_op" + index + "_pad";
        data.append("/* operator ").append(index).append(": ").append(builtin).append(" */\n");
        data.append("static const lb_pad_shape ").append(name).append(" = {\n    {")
                .append(joined(inDims)).append("},\n    {").append(joined(outDims)).append("},\n    {")
                .append(joined(before)).append("}\n};\n\n");
        body.append(comment(index, op, builtin.name()));
        body.append("    lb_pad_s8(&").append(name).append(", ").append(p.padElement()).append(", ")
                .append(int8Operand(in.index())).append(", ").append(arena(out.index())).append(");\n");
    }

    private static String joined(int[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return b.toString();
    }
}
