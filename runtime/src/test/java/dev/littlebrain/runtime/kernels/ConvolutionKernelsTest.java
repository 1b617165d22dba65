package dev.littlebrain.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.tflite.Activation;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.OneOpModelBuilder;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.Padding;
import dev.littlebrain.tflite.Quantization;
import dev.littlebrain.tflite.TensorType;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CONV_2D and DEPTHWISE_CONV_2D against {@link ConvReference} on random data. */
class ConvolutionKernelsTest {
    private static final float IN_SCALE = 0.05f;
    private static final int IN_ZP = -3;
    private static final float OUT_SCALE = 0.4f;
    private static final int OUT_ZP = 5;

    /** fill: random, or "min"/"max" for saturation (every input at -128 or 127). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "same-stride2-odd, 1, 7, 5, 3, 4, 3, 3, 2, 2, 1, 1, SAME, NONE, true, random",
        "same-stride1-even, 2, 6, 4, 2, 3, 2, 2, 1, 1, 1, 1, SAME, RELU, true, random",
        "valid-dilated, 1, 9, 8, 3, 2, 3, 2, 1, 2, 2, 3, VALID, RELU6, true, random",
        "same-dilated-stride, 1, 8, 7, 2, 3, 3, 3, 2, 1, 2, 2, SAME, RELU_N1_TO_1, false, random",
        "1x1-per-tensor, 1, 4, 4, 8, 6, 1, 1, 1, 1, 1, 1, VALID, NONE, false, random",
        "saturate-low, 1, 5, 5, 3, 4, 3, 3, 1, 1, 1, 1, SAME, NONE, true, min",
        "saturate-high, 1, 5, 5, 3, 4, 3, 3, 1, 1, 1, 1, SAME, RELU6, true, max",
    })
    void conv2dInt8(String name, int batches, int inH, int inW, int inC, int outC, int fH, int fW, int sH, int sW,
            int dH, int dW, Padding padding, Activation act, boolean perChannel, String fill) {
        ConvReference ref = new ConvReference(batches, inH, inW, inC, fH, fW, outC, sH, sW, dH, dW,
                padding == Padding.SAME, 0);
        Random r = new Random(name.hashCode());
        int[] x = fill(r, batches * inH * inW * inC, fill);
        int[] w = random(r, outC * fH * fW * inC, -127, 127);
        int[] bias = random(r, outC, -2000, 2000);
        float[] wScales = scales(r, perChannel ? outC : 1);
        int[] expected = ref.int8(x, IN_ZP, IN_SCALE, w, wScales, bias, OUT_SCALE, OUT_ZP,
                actMin(act), actMax(act));

        OneOpModelBuilder m = new OneOpModelBuilder();
        int in = m.addInput(new int[] {batches, inH, inW, inC}, TensorType.INT8,
                Quantization.perTensor(IN_SCALE, IN_ZP));
        int filter = m.addConstant(new int[] {outC, fH, fW, inC}, TensorType.INT8, weightQuant(wScales, 0),
                OneOpModelBuilder.int8(w));
        int b = m.addConstant(new int[] {outC}, TensorType.INT32, null, OneOpModelBuilder.int32(bias));
        int out = m.addOutput(new int[] {batches, ref.outH(), ref.outW(), outC}, TensorType.INT8,
                Quantization.perTensor(OUT_SCALE, OUT_ZP));
        Interpreter interpreter = new Interpreter(m.model(BuiltinOperator.CONV_2D,
                new OperatorOptions.Conv2D(padding, sW, sH, act, dW, dH), new int[] {in, filter, b}, new int[] {out}));
        interpreter.input(0).copyFrom(OneOpModelBuilder.int8(x));
        interpreter.invoke();
        assertArrayEquals(expected, OneOpModelBuilder.ints(interpreter.output(0).bytes()));
        assertDistinctValues(expected, fill);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "dm1-same-stride2, 1, 7, 6, 4, 1, 3, 3, 2, 2, 1, 1, SAME, RELU",
        "dm2-same, 1, 5, 5, 3, 2, 3, 3, 1, 1, 1, 1, SAME, NONE",
        "dm3-valid-dilated, 2, 9, 7, 2, 3, 2, 3, 1, 2, 3, 2, VALID, RELU6",
        "dm8-like-micro-speech, 1, 9, 8, 1, 8, 10, 8, 2, 2, 1, 1, SAME, RELU",
    })
    void depthwiseInt8(String name, int batches, int inH, int inW, int inC, int dm, int fH, int fW, int sH, int sW,
            int dH, int dW, Padding padding, Activation act) {
        int outC = inC * dm;
        ConvReference ref = new ConvReference(batches, inH, inW, inC, fH, fW, outC, sH, sW, dH, dW,
                padding == Padding.SAME, dm);
        Random r = new Random(name.hashCode());
        int[] x = random(r, batches * inH * inW * inC, -128, 127);
        int[] w = random(r, fH * fW * outC, -127, 127);
        int[] bias = random(r, outC, -2000, 2000);
        float[] wScales = scales(r, outC);
        int[] expected = ref.int8(x, IN_ZP, IN_SCALE, w, wScales, bias, OUT_SCALE, OUT_ZP, actMin(act), actMax(act));

        OneOpModelBuilder m = new OneOpModelBuilder();
        int in = m.addInput(new int[] {batches, inH, inW, inC}, TensorType.INT8,
                Quantization.perTensor(IN_SCALE, IN_ZP));
        int filter = m.addConstant(new int[] {1, fH, fW, outC}, TensorType.INT8, weightQuant(wScales, 3),
                OneOpModelBuilder.int8(w));
        int b = m.addConstant(new int[] {outC}, TensorType.INT32, null, OneOpModelBuilder.int32(bias));
        int out = m.addOutput(new int[] {batches, ref.outH(), ref.outW(), outC}, TensorType.INT8,
                Quantization.perTensor(OUT_SCALE, OUT_ZP));
        Interpreter interpreter = new Interpreter(m.model(BuiltinOperator.DEPTHWISE_CONV_2D,
                new OperatorOptions.DepthwiseConv2D(padding, sW, sH, dm, act, dW, dH), new int[] {in, filter, b},
                new int[] {out}));
        interpreter.input(0).copyFrom(OneOpModelBuilder.int8(x));
        interpreter.invoke();
        assertArrayEquals(expected, OneOpModelBuilder.ints(interpreter.output(0).bytes()));
    }

    @ParameterizedTest(name = "depthwise={0}")
    @CsvSource({"false", "true"})
    void float32WithoutBias(boolean depthwise) {
        int inH = 6;
        int inW = 5;
        int inC = 3;
        int dm = 2;
        int outC = depthwise ? inC * dm : 4;
        ConvReference ref = new ConvReference(1, inH, inW, inC, 3, 2, outC, 2, 1, 1, 2, true, depthwise ? dm : 0);
        Random r = new Random(42);
        float[] x = new float[inH * inW * inC];
        float[] w = new float[depthwise ? 3 * 2 * outC : outC * 3 * 2 * inC];
        double[] xd = new double[x.length];
        double[] wd = new double[w.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
            xd[i] = x[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
            wd[i] = w[i];
        }
        double[] expected = ref.sums(xd, wd);

        OneOpModelBuilder m = new OneOpModelBuilder();
        int in = m.addInput(new int[] {1, inH, inW, inC}, TensorType.FLOAT32, null);
        int filter = m.addConstant(depthwise ? new int[] {1, 3, 2, outC} : new int[] {outC, 3, 2, inC},
                TensorType.FLOAT32, null, OneOpModelBuilder.float32(w));
        int out = m.addOutput(new int[] {1, ref.outH(), ref.outW(), outC}, TensorType.FLOAT32, null);
        Interpreter interpreter = depthwise
                ? new Interpreter(m
                        .model(BuiltinOperator.DEPTHWISE_CONV_2D, new OperatorOptions.DepthwiseConv2D(Padding.SAME,
                                1, 2, dm, Activation.RELU, 2, 1), new int[] {in, filter, -1}, new int[] {out}))
                : new Interpreter(m.model(BuiltinOperator.CONV_2D, new OperatorOptions.Conv2D(Padding.SAME, 1, 2,
                        Activation.RELU, 2, 1), new int[] {in, filter, -1}, new int[] {out}));
        interpreter.input(0).copyFrom(OneOpModelBuilder.float32(x));
        interpreter.invoke();
        float[] actual = OneOpModelBuilder.floats(interpreter.output(0).bytes());
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < actual.length; i++) {
            assertEquals(Math.max(0, expected[i]), actual[i], 1e-5, "output " + i);
        }
    }

    @org.junit.jupiter.api.Test
    void depthMultiplierThatDoesNotMatchTheFilterIsRejected() {
        OneOpModelBuilder m = new OneOpModelBuilder();
        int in = m.addInput(new int[] {1, 4, 4, 2}, TensorType.FLOAT32, null);
        int filter = m.addConstant(new int[] {1, 3, 3, 6}, TensorType.FLOAT32, null, new byte[4 * 54]);
        int out = m.addOutput(new int[] {1, 4, 4, 6}, TensorType.FLOAT32, null);
        dev.littlebrain.runtime.KernelException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.littlebrain.runtime.KernelException.class,
                        () -> new Interpreter(m.model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 1, 1, 2, Activation.NONE, 1, 1),
                        new int[] {in, filter, -1}, new int[] {out})));
        assertTrue(e.getMessage().contains("DEPTHWISE_CONV_2D") && e.getMessage().contains("depth_multiplier"),
                e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void outputShapeThatPaddingCannotGiveIsRejected() {
        OneOpModelBuilder m = new OneOpModelBuilder();
        int in = m.addInput(new int[] {1, 5, 5, 1}, TensorType.FLOAT32, null);
        int filter = m.addConstant(new int[] {2, 3, 3, 1}, TensorType.FLOAT32, null, new byte[4 * 18]);
        int out = m.addOutput(new int[] {1, 5, 5, 2}, TensorType.FLOAT32, null);
        dev.littlebrain.runtime.KernelException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.littlebrain.runtime.KernelException.class, () -> new Interpreter(m.model(BuiltinOperator.CONV_2D,
                        new OperatorOptions.Conv2D(Padding.VALID, 1, 1, Activation.NONE, 1, 1),
                        new int[] {in, filter, -1}, new int[] {out})));
        assertTrue(e.getMessage().contains("CONV_2D") && e.getMessage().contains("VALID"), e.getMessage());
    }

    static Quantization weightQuant(float[] scales, int dim) {
        return Quantization.perChannel(scales, new long[scales.length], dim);
    }

    static float[] scales(Random r, int n) {
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = 0.002f + 0.01f * r.nextFloat();
        }
        return s;
    }

    static int[] random(Random r, int n, int lo, int hi) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + r.nextInt(hi - lo + 1);
        }
        return v;
    }

    private static int[] fill(Random r, int n, String fill) {
        return switch (fill) {
            case "min" -> java.util.stream.IntStream.generate(() -> -128).limit(n).toArray();
            case "max" -> java.util.stream.IntStream.generate(() -> 127).limit(n).toArray();
            default -> random(r, n, -128, 127);
        };
    }

    static int actMin(Activation act) {
        return switch (act) {
            case RELU, RELU6 -> OUT_ZP;
            case RELU_N1_TO_1 -> Math.max(-128, OUT_ZP + roundHalfAway(-1f / OUT_SCALE));
            default -> -128;
        };
    }

    static int actMax(Activation act) {
        return switch (act) {
            case RELU6 -> Math.min(127, OUT_ZP + roundHalfAway(6f / OUT_SCALE));
            case RELU_N1_TO_1 -> Math.min(127, OUT_ZP + roundHalfAway(1f / OUT_SCALE));
            default -> 127;
        };
    }

    /** std::round on the float quotient, as TFLite quantizes activation bounds (-1 / 0.4f is exactly -2.5f). */
    static int roundHalfAway(float v) {
        return (int) Math.signum(v) * (int) Math.floor(Math.abs((double) v) + 0.5);
    }

    /** Guards against vacuous cases: random inputs must not collapse to one clamped value. */
    private static void assertDistinctValues(int[] values, String fill) {
        if (fill.equals("random")) {
            assertTrue(java.util.Arrays.stream(values).distinct().count() > 3, "test data saturates everything");
        }
    }
}
