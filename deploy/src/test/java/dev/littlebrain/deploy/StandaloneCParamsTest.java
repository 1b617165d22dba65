package dev.littlebrain.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.params.AddParams;
import dev.littlebrain.runtime.params.ConcatenationParams;
import dev.littlebrain.runtime.params.ConvParams;
import dev.littlebrain.runtime.params.DepthwiseParams;
import dev.littlebrain.runtime.params.DequantizeParams;
import dev.littlebrain.runtime.params.FullyConnectedParams;
import dev.littlebrain.runtime.params.IntArray;
import dev.littlebrain.runtime.params.KernelParams;
import dev.littlebrain.runtime.params.LeakyReluParams;
import dev.littlebrain.runtime.params.MeanParams;
import dev.littlebrain.runtime.params.MulParams;
import dev.littlebrain.runtime.params.PadParams;
import dev.littlebrain.runtime.params.PoolParams;
import dev.littlebrain.runtime.params.QuantizeParams;
import dev.littlebrain.runtime.params.Relu6Params;
import dev.littlebrain.runtime.params.RequantizeParams;
import dev.littlebrain.runtime.params.Requantization;
import dev.littlebrain.runtime.params.SoftmaxParams;
import dev.littlebrain.runtime.params.TanhLogisticParams;
import dev.littlebrain.runtime.params.TransposeParams;
import dev.littlebrain.runtime.params.Window;
import dev.littlebrain.tflite.Activation;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.OneOpModelBuilder;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.TensorType;
import dev.littlebrain.tflite.TfliteReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The C generator emits exactly the parameters the Java kernels compute with: for every operator of every int8
 * conformance model, the constants in {@code lb_model.c} (multiplier tables, window and requantization structs,
 * literal kernel arguments) equal the fields of the params record that a separately prepared runtime's kernel
 * holds. No compiler needed: this reads the generated text.
 */
class StandaloneCParamsTest {
    /** An integer literal that is not part of an identifier, a hexadecimal float or an arena offset name. */
    private static final Pattern INT = Pattern.compile("(?<![\\w.+])-?\\d+(?![\\w.])");

    static java.util.stream.Stream<Path> int8Cases() {
        return StandaloneCGeneratorTest.int8Cases();
    }

    @ParameterizedTest
    @MethodSource("int8Cases")
    void conformanceModels(Path caseDir) throws Exception {
        emittedConstantsAreTheKernelsParams(TfliteReader.read(caseDir.resolve("model.tflite")),
                caseDir.getFileName().toString());
    }

    /** The operators and shapes the conformance models lack: SUB, broadcasting, LEAKY_RELU, TRANSPOSE. */
    @Test
    void oneOperatorModels() {
        emittedConstantsAreTheKernelsParams(new OneOpModelBuilder().int8Input(0.02f, 10, 2, 3, 4)
                .int8Input(0.03f, -1, 1, 3, 1).output(TensorType.INT8, new int[] {2, 3, 4}, 0.04f, 0)
                .model(BuiltinOperator.SUB, new OperatorOptions.AddSub(28, Activation.RELU, false)), "SUB");
        emittedConstantsAreTheKernelsParams(new OneOpModelBuilder().int8Input(0.05f, 3, 2, 1, 4)
                .int8Input(0.11f, -20, 1, 3, 1).output(TensorType.INT8, new int[] {2, 3, 4}, 0.09f, -5)
                .model(BuiltinOperator.MUL, OperatorOptions.MulDiv.mul(Activation.RELU6)), "MUL");
        emittedConstantsAreTheKernelsParams(new OneOpModelBuilder().int8Input(0.04f, 12, 1, 80)
                .output(TensorType.INT8, new int[] {1, 80}, 0.03f, -40)
                .model(BuiltinOperator.LEAKY_RELU, new OperatorOptions.LeakyRelu(0.1f)), "LEAKY_RELU");
        emittedConstantsAreTheKernelsParams(new OneOpModelBuilder().int8Input(0.1f, -2, 2, 3, 1, 4, 5)
                .constInts(4, 2, 0, 3, 1).output(TensorType.INT8, new int[] {5, 1, 2, 4, 3}, 0.1f, -2)
                .model(BuiltinOperator.TRANSPOSE, new OperatorOptions.Empty(0)), "TRANSPOSE");
    }

    private static void emittedConstantsAreTheKernelsParams(Model model, String modelName) {
        String c = StandaloneCGenerator.generate(model, "test").get(StandaloneCGenerator.MODEL_SOURCE);
        Interpreter runtime = new Interpreter(model);
        int checked = 0;
        for (int i = 0; i < model.mainSubgraph().operators().size(); i++) {
            KernelParams p = runtime.params(i);
            String call = operatorBody(c, i);
            String where = modelName + " operator " + i + " (" + p.getClass().getSimpleName() + ")";
            if (p instanceof SoftmaxParams s) {
                assertEquals(List.of(s.rows(), s.depth(), s.inputMultiplier().multiplier(),
                        s.inputMultiplier().shift(), s.diffMin()), literals(call, "lb_softmax_s8"), where);
            } else if (p instanceof ConvParams conv) {
                requantization(c, i, conv.requantization(), where);
                optionalWindow(c, i, conv.window(), where);
            } else if (p instanceof DepthwiseParams dw) {
                requantization(c, i, dw.requantization(), where);
                window(c, i, dw.window(), where);
            } else if (p instanceof FullyConnectedParams fc) {
                requantization(c, i, fc.requantization(), where);
            } else if (p instanceof PoolParams pool) {
                window(c, i, pool.window(), where);
                String fn = call.contains("lb_max_pool_s8") ? "lb_max_pool_s8" : "lb_average_pool_s8";
                assertEquals(List.of(pool.range().min(), pool.range().max()), literals(call, fn), where);
            } else if (p instanceof AddParams add) {
                assertEquals(List.of(add.inputOffsetA(), add.inputOffsetB(), add.outputZeroPoint(),
                        add.multiplierA().multiplier(), add.multiplierA().shift(), add.multiplierB().multiplier(),
                        add.multiplierB().shift(), add.outputMultiplier().multiplier(),
                        add.outputMultiplier().shift(), add.range().min(), add.range().max()),
                        block(c, "lb_op" + i + "_add").orElseThrow(), where);
                assertEquals(add.subtract() ? 1 : 0, literals(call, "lb_add_s8").get(1), where);
                broadcast(c, i, "a", add.broadcast().offsetsA(), where);
                broadcast(c, i, "b", add.broadcast().offsetsB(), where);
            } else if (p instanceof MulParams mul) {
                assertEquals(List.of(mul.inputOffsetA(), mul.inputOffsetB(), mul.multiplier().multiplier(),
                        mul.multiplier().shift(), mul.outputZeroPoint(), mul.range().min(), mul.range().max()),
                        literals(call, "lb_mul_s8").subList(1, 8), where);
                broadcast(c, i, "a", mul.broadcast().offsetsA(), where);
                broadcast(c, i, "b", mul.broadcast().offsetsB(), where);
            } else if (p instanceof TanhLogisticParams t) {
                String fn = call.contains("lb_tanh_s8") ? "lb_tanh_s8" : "lb_logistic_s8";
                assertEquals(List.of(t.inputZeroPoint(), t.inputMultiplier(), t.inputLeftShift(),
                        t.inputRangeRadius()), literals(call, fn).subList(1, 5), where);
            } else if (p instanceof Relu6Params r) {
                assertEquals(List.of(r.min(), r.max()), literals(call, "lb_relu6_s8").subList(1, 3), where);
            } else if (p instanceof RequantizeParams r) {
                assertEquals(List.of(r.inputOffset(), r.multiplier().multiplier(), r.multiplier().shift(),
                        r.outputZeroPoint(), r.min(), r.max()), literals(call, "lb_requantize_s8").subList(1, 7),
                        where);
            } else if (p instanceof LeakyReluParams r) {
                assertEquals(List.of(r.inputZeroPoint(), r.identity().multiplier(), r.identity().shift(),
                        r.alpha().multiplier(), r.alpha().shift(), r.outputZeroPoint()),
                        literals(call, "lb_leaky_relu_s8").subList(1, 7), where);
            } else if (p instanceof QuantizeParams q) {
                assertTrue(call.contains(", " + Float.toHexString(q.scale()) + "f, " + q.zeroPoint() + ", "), where);
            } else if (p instanceof DequantizeParams q) {
                assertTrue(call.contains(", " + Float.toHexString(q.scale()) + "f, " + q.zeroPoint() + ", "), where);
            } else if (p instanceof MeanParams m) {
                assertEquals(rank5(m.inputShape(), 1), block(c, "lb_op" + i + "_dims").orElseThrow(), where);
                assertEquals(rank5(m.outputStrides(), 0), block(c, "lb_op" + i + "_out_strides").orElseThrow(), where);
                assertEquals(List.of(m.count(), m.inputZeroPoint(), m.multiplier().multiplier(),
                        m.multiplier().shift(), m.outputZeroPoint()), literals(call, "lb_mean_s8").subList(1, 6),
                        where);
            } else if (p instanceof PadParams pad) {
                List<Integer> shape = new ArrayList<>(rank5(pad.inputShape(), 1));
                shape.addAll(rank5(pad.outputShape(), 1));
                shape.addAll(rank5(pad.padBefore(), 0));
                assertEquals(shape, block(c, "lb_op" + i + "_pad").orElseThrow(), where);
                assertEquals(List.of(pad.padElement()), literals(call, "lb_pad_s8"), where);
            } else if (p instanceof TransposeParams t) {
                assertEquals(list(t.outputShape()), block(c, "lb_op" + i + "_out_dims").orElseThrow(), where);
                assertEquals(list(t.inputStrides()), block(c, "lb_op" + i + "_in_strides").orElseThrow(), where);
            } else if (p instanceof ConcatenationParams cat) {
                List<Integer> chunks = new ArrayList<>();
                Matcher m = Pattern.compile("memcpy\\([^;]*, (\\d+)\\);").matcher(call);
                while (m.find()) {
                    chunks.add(Integer.parseInt(m.group(1)));
                }
                assertEquals(list(cat.chunkBytes()), chunks, where);
                assertEquals(cat.outerCount() > 1, call.contains("for (i = 0; i < " + cat.outerCount() + ";"), where);
            } else {
                assertEquals(KernelParams.NONE, p, where);
                continue;
            }
            checked++;
        }
        assertTrue(checked > 0, modelName + ": no operator with parameters");
    }

    private static void requantization(String c, int op, Requantization r, String where) {
        assertEquals(list(r.multipliers()), block(c, "lb_op" + op + "_multipliers").orElseThrow(), where);
        List<Integer> shifts = new ArrayList<>();
        for (int k = 0; k < r.shifts().length(); k++) {
            // The generator gives a zero multiplier shift -1 (its product is 0 whatever the shift).
            shifts.add(r.multipliers().get(k) == 0 ? -1 : r.shifts().get(k));
        }
        assertEquals(shifts, block(c, "lb_op" + op + "_shifts").orElseThrow(), where);
        assertEquals(List.of(r.inputOffset(), r.outputZeroPoint(), r.range().min(), r.range().max()),
                block(c, "lb_op" + op + "_requant").orElseThrow(), where);
    }

    private static void window(String c, int op, Window w, String where) {
        assertTrue(block(c, "lb_op" + op + "_window").isPresent(), where + ": no lb_window");
        optionalWindow(c, op, w, where);
    }

    /** A pointwise convolution on the matrix-product path has no window; any other has the record's. */
    private static void optionalWindow(String c, int op, Window w, String where) {
        block(c, "lb_op" + op + "_window").ifPresent(emitted -> assertEquals(List.of(w.batches(), w.inHeight(),
                w.inWidth(), w.inDepth(), w.filterHeight(), w.filterWidth(), w.outHeight(), w.outWidth(),
                w.outDepth(), w.strideHeight(), w.strideWidth(), w.dilationHeight(), w.dilationWidth(), w.padTop(),
                w.padLeft()), emitted, where));
    }

    private static void broadcast(String c, int op, String operand, Optional<IntArray> offsets, String where) {
        Optional<List<Integer>> emitted = block(c, "lb_op" + op + "_" + operand + "_index");
        assertEquals(offsets.map(StandaloneCParamsTest::list), emitted, where + " broadcast " + operand);
    }

    /** The integers of the initialiser of {@code name}, e.g. {@code static const lb_window name = { ... };}. */
    private static Optional<List<Integer>> block(String c, String name) {
        Matcher m = Pattern.compile("\\b" + name + "(\\[\\d+])? = \\{(.*?)};", Pattern.DOTALL).matcher(c);
        return m.find() ? Optional.of(ints(m.group(2))) : Optional.empty();
    }

    /** What {@code lb_invoke} does for operator {@code op}: from its comment line to its {@code LB_OP_DONE}. */
    private static String operatorBody(String c, int op) {
        int start = c.indexOf("\n    /* " + op + ": ", c.indexOf("int lb_invoke("));
        int end = c.indexOf("LB_OP_DONE(" + op + ");");
        assertTrue(start > 0 && end > start, "operator " + op + " missing");
        return c.substring(start, end);
    }

    /** The integer-literal arguments of the call to {@code fn}, in order (pointers and floats left out). */
    private static List<Integer> literals(String body, String fn) {
        int start = body.indexOf(fn + "(");
        assertTrue(start >= 0, "no call to " + fn + " in " + body);
        String args = body.substring(start + fn.length() + 1, body.indexOf(");", start));
        List<Integer> out = new ArrayList<>();
        for (String a : args.split(",")) {
            if (a.strip().matches("-?\\d+")) {
                out.add(Integer.parseInt(a.strip()));
            }
        }
        return out;
    }

    private static List<Integer> ints(String text) {
        List<Integer> out = new ArrayList<>();
        Matcher m = INT.matcher(text);
        while (m.find()) {
            out.add(Integer.parseInt(m.group()));
        }
        return out;
    }

    private static List<Integer> list(IntArray a) {
        return Arrays.stream(a.toArray()).boxed().toList();
    }

    /** The C kernels' rank-5 layout: leading dimensions filled with {@code fill}. */
    private static List<Integer> rank5(IntArray a, int fill) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < 5 - a.length(); k++) {
            out.add(fill);
        }
        out.addAll(list(a));
        assertFalse(out.size() > 5);
        return out;
    }
}
