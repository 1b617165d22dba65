package dev.littlebrain.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.runtime.memory.BestOfPlanner;
import dev.littlebrain.runtime.memory.MemoryPlanner;
import dev.littlebrain.tflite.Activation;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.OneOpModelBuilder;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.Padding;
import dev.littlebrain.tflite.TensorType;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Outputs written over their inputs give the bytes they give in memory of their own: every kernel that declares
 * an in-place output, on random shapes, against the same model planned with every buffer apart.
 */
class InPlaceOutputsTest {
    /** The default planner without in-place outputs (the interface's default ignores them). */
    private static final MemoryPlanner APART = requests -> new BestOfPlanner().plan(requests);

    @Test
    void aSameConvolutionWritesItsOutputBelowItsInputByTheWindowAboveAndThePixelsInFlight() {
        // 3x3 SAME, stride 1, over 8x8x16 (16-byte pixels, 128-byte rows), 16 channels out. Output pixel (y, x) with
        // y, x >= 1 first reads input pixel (y - 1, x - 1), 9 pixels before its own index; the kernels may write up
        // to 3 pixels (to y * 8 + x + 2) before reading that window: 9 + 3 = 12 pixels, 192 bytes.
        Model model = conv(new Random(1), 1, 8, 8, 16, 16, 3, 3, 1, 1, 1, 1, Padding.SAME);
        Interpreter interpreter = new Interpreter(model);
        int in = model.mainSubgraph().inputs().get(0);
        int out = model.mainSubgraph().outputs().get(0);
        assertEquals(-192, interpreter.tensor(out).offset() - interpreter.tensor(in).offset());
        assertEquals(1024 + 192, interpreter.arenaBytes());
        interpreter.memoryPlan().verify();
    }

    @Test
    void randomConvolutionsOverTheirInputMatchSeparateMemory() {
        Random random = new Random(19);
        int overlapped = 0;
        for (int trial = 0; trial < 300; trial++) {
            int batches = 1 + random.nextInt(2);
            int h = 1 + random.nextInt(12);
            int w = 1 + random.nextInt(12);
            int inC = 1 + random.nextInt(6);
            int fh = 1 + random.nextInt(Math.min(h, 4));
            int fw = 1 + random.nextInt(Math.min(w, 4));
            int sh = 1 + random.nextInt(3);
            int sw = 1 + random.nextInt(3);
            int dh = fh * 2 <= h ? 1 + random.nextInt(2) : 1;
            int dw = fw * 2 <= w ? 1 + random.nextInt(2) : 1;
            Padding padding = random.nextBoolean() ? Padding.SAME : Padding.VALID;
            Model model;
            if (random.nextBoolean()) {
                int outC = 1 + random.nextInt(6);
                model = conv(random, batches, h, w, inC, outC, fh, fw, sh, sw, dh, dw, padding);
            } else {
                int multiplier = 1 + random.nextInt(2);
                model = depthwise(random, batches, h, w, inC, multiplier, fh, fw, sh, sw, dh, dw, padding);
            }
            overlapped += sameOutputs(model, random, "trial " + trial) ? 1 : 0;
        }
        System.out.println("in-place: " + overlapped + " of 300 random convolutions wrote over their input");
        assertTrue(overlapped > 100, overlapped + " of 300 overlapped");
    }

    @Test
    void elementwiseOutputsOverEitherInputMatchSeparateMemory() {
        Random random = new Random(5);
        int[] shape = {1, 5, 3, 7};
        OperatorOptions.AddSub add = OperatorOptions.AddSub.add(Activation.RELU);
        OperatorOptions.AddSub sub = OperatorOptions.AddSub.sub(Activation.RELU);
        for (BuiltinOperator op : new BuiltinOperator[] {BuiltinOperator.ADD, BuiltinOperator.SUB}) {
            assertTrue(sameOutputs(new OneOpModelBuilder().int8Input(0.05f, 3, shape).int8Input(0.03f, -7, shape)
                    .int8Output(0.07f, -2, shape).model(op, op == BuiltinOperator.ADD ? add : sub), random, op.name()));
        }
        assertTrue(sameOutputs(new OneOpModelBuilder().int8Input(0.05f, 3, shape).int8Input(0.03f, -7, shape)
                .int8Output(0.07f, -2, shape).model(BuiltinOperator.MUL,
                        OperatorOptions.MulDiv.mul(Activation.NONE)), random, "MUL"));
        assertTrue(sameOutputs(new OneOpModelBuilder().input(TensorType.FLOAT32, shape)
                .input(TensorType.FLOAT32, shape).output(TensorType.FLOAT32, shape).model(BuiltinOperator.ADD, add),
                random, "float ADD"));
        assertTrue(sameOutputs(new OneOpModelBuilder().int8Input(0.05f, 3, shape).int8Output(0.02f, -128, shape)
                .model(BuiltinOperator.TANH, new OperatorOptions.None()), random, "TANH"));
        assertTrue(sameOutputs(new OneOpModelBuilder().int8Input(0.05f, 3, shape).int8Output(0.04f, 9, shape)
                .model(BuiltinOperator.QUANTIZE, new OperatorOptions.None()), random, "QUANTIZE"));
    }

    @Test
    void aBroadcastOperandIsNeverWrittenOver() {
        // b [1, 1, 1, 7] is read once per output row: an output over it would clobber what the next row reads.
        Model model = new OneOpModelBuilder().int8Input(0.05f, 3, 1, 1, 1, 7).int8Input(0.03f, -7, 1, 5, 3, 7)
                .int8Output(0.07f, -2, 1, 5, 3, 7).model(BuiltinOperator.ADD,
                        OperatorOptions.AddSub.add(Activation.NONE));
        Interpreter interpreter = new Interpreter(model);
        var plan = interpreter.memoryPlan();
        assertEquals(1, plan.inPlace().size(), "only the full-shape operand");
        assertEquals(model.mainSubgraph().inputs().get(1), plan.inPlace().get(0).inputTensor());
        assertTrue(sameOutputs(model, new Random(3), "broadcast ADD"));
    }

    /** Runs {@code model} planned as usual and planned apart on the same random inputs; whether it went in place. */
    private static boolean sameOutputs(Model model, Random random, String what) {
        Interpreter inPlace = new Interpreter(model);
        Interpreter apart = new Interpreter(model, InterpreterOptions.defaults().withPlanner(APART));
        inPlace.memoryPlan().verify();
        for (int example = 0; example < 3; example++) {
            for (int i = 0; i < inPlace.inputCount(); i++) {
                byte[] bytes = new byte[inPlace.input(i).byteSize()];
                if (inPlace.input(i).type() == TensorType.FLOAT32) {
                    float[] values = new float[bytes.length / 4];
                    for (int k = 0; k < values.length; k++) {
                        values[k] = random.nextFloat() * 4 - 2;
                    }
                    bytes = OneOpModelBuilder.float32(values);
                } else {
                    random.nextBytes(bytes);
                }
                inPlace.input(i).copyFrom(bytes);
                apart.input(i).copyFrom(bytes);
            }
            inPlace.invoke();
            apart.invoke();
            assertArrayEquals(apart.output(0).bytes(), inPlace.output(0).bytes(), what + ", example " + example);
        }
        return !inPlace.memoryPlan().inPlace().isEmpty() && inPlace.arenaBytes() < apart.arenaBytes();
    }

    private static Model conv(Random r, int batches, int h, int w, int inC, int outC, int fh, int fw, int sh, int sw,
            int dh, int dw, Padding padding) {
        int outH = outSize(padding, h, fh, sh, dh);
        int outW = outSize(padding, w, fw, sw, dw);
        return new OneOpModelBuilder().int8Input(0.05f, r.nextInt(20) - 10, batches, h, w, inC)
                .constFilter(r, 0, outC, fh, fw, inC).constBias(r, 2000, outC)
                .int8Output(0.2f, r.nextInt(20) - 10, batches, outH, outW, outC)
                .model(BuiltinOperator.CONV_2D, new OperatorOptions.Conv2D(padding, sw, sh, Activation.NONE, dw, dh));
    }

    private static Model depthwise(Random r, int batches, int h, int w, int inC, int multiplier, int fh, int fw,
            int sh, int sw, int dh, int dw, Padding padding) {
        int outH = outSize(padding, h, fh, sh, dh);
        int outW = outSize(padding, w, fw, sw, dw);
        int outC = inC * multiplier;
        return new OneOpModelBuilder().int8Input(0.05f, r.nextInt(20) - 10, batches, h, w, inC)
                .constFilter(r, 3, 1, fh, fw, outC).constBias(r, 2000, outC)
                .int8Output(0.1f, r.nextInt(20) - 10, batches, outH, outW, outC)
                .model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(padding, sw, sh, multiplier, Activation.NONE, dw, dh));
    }

    /** TensorFlow's output size (an independent statement of SpatialPadding's rule). */
    private static int outSize(Padding padding, int in, int filter, int stride, int dilation) {
        int effective = (filter - 1) * dilation + 1;
        return padding == Padding.SAME ? (in + stride - 1) / stride : (in - effective + stride) / stride;
    }
}
