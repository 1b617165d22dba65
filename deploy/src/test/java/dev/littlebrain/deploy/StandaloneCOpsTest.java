package dev.littlebrain.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.littlebrain.tflite.Activation;
import dev.littlebrain.tflite.Buffer;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Operator;
import dev.littlebrain.tflite.OperatorCode;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.Padding;
import dev.littlebrain.tflite.Quantization;
import dev.littlebrain.tflite.Subgraph;
import dev.littlebrain.tflite.Tensor;
import dev.littlebrain.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single-operator models for the shapes the conformance cases do not reach (broadcasting, SUB, concatenation
 * with an outer loop, MEAN over inner axes, PAD of several dimensions, extreme TANH/LOGISTIC scales): the
 * compiled C on random inputs against the runtime, with gcc -O2 -Werror and with ASan/UBSan.
 */
class StandaloneCOpsTest {
    @TempDir
    Path dir;

    /** A one-operator model under construction. */
    private static final class OneOp {
        final List<Tensor> tensors = new ArrayList<>();
        final List<Buffer> buffers = new ArrayList<>(List.of(Buffer.EMPTY));
        final List<Integer> graphInputs = new ArrayList<>();
        final List<Integer> opInputs = new ArrayList<>();
        int output = -1;

        OneOp input(TensorType type, float scale, int zeroPoint, int... shape) {
            int t = tensor(type, shape, scale, zeroPoint, 0);
            graphInputs.add(t);
            opInputs.add(t);
            return this;
        }

        OneOp int8(float scale, int zeroPoint, int... shape) {
            return input(TensorType.INT8, scale, zeroPoint, shape);
        }

        OneOp constInts(int... values) {
            ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (int v : values) {
                b.putInt(v);
            }
            buffers.add(Buffer.of(b.array()));
            opInputs.add(tensor(TensorType.INT32, new int[] {values.length}, 0f, 0, buffers.size() - 1));
            return this;
        }

        /** A constant int8 filter of random values, per-channel along {@code dimension} or per-tensor (-1). */
        OneOp constFilter(java.util.Random random, int dimension, int... shape) {
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            byte[] values = new byte[n];
            random.nextBytes(values);
            buffers.add(Buffer.of(values));
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
            tensors.add(new Tensor("t" + tensors.size(), shape, TensorType.INT8, buffers.size() - 1, q));
            opInputs.add(tensors.size() - 1);
            return this;
        }

        /** A constant int32 bias of random values of about {@code magnitude}. */
        OneOp constBias(java.util.Random random, int magnitude, int count) {
            ByteBuffer b = ByteBuffer.allocate(4 * count).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < count; i++) {
                b.putInt(random.nextInt(2 * magnitude + 1) - magnitude);
            }
            buffers.add(Buffer.of(b.array()));
            tensors.add(new Tensor("t" + tensors.size(), new int[] {count}, TensorType.INT32, buffers.size() - 1,
                    Quantization.NONE));
            opInputs.add(tensors.size() - 1);
            return this;
        }

        OneOp out(TensorType type, float scale, int zeroPoint, int... shape) {
            output = tensor(type, shape, scale, zeroPoint, 0);
            return this;
        }

        private int tensor(TensorType type, int[] shape, float scale, int zeroPoint, int buffer) {
            Quantization q = scale != 0f ? Quantization.perTensor(scale, zeroPoint) : Quantization.NONE;
            tensors.add(new Tensor("t" + tensors.size(), shape, type, buffer, q));
            return tensors.size() - 1;
        }

        Model model(BuiltinOperator op, OperatorOptions options) {
            Operator operator = new Operator(0, opInputs.stream().mapToInt(Integer::intValue).toArray(),
                    new int[] {output}, options);
            Subgraph g = new Subgraph("main", tensors, graphInputs, List.of(output), List.of(operator));
            return new Model(Model.SCHEMA_VERSION, List.of(OperatorCode.builtin(op)), List.of(g), "test", buffers,
                    List.of(), List.of());
        }
    }

    private void check(Model model) throws Exception {
        HostCompiler.requireAvailable("gcc");
        StandaloneCGenerator.write(model, "test", dir);
        Files.writeString(dir.resolve("main.c"), StandaloneCGeneratorTest.MAIN);
        List<Path> inputs = StandaloneCGeneratorTest.randomInputs(model, dir, 24);
        byte[] expected = StandaloneCGeneratorTest.runtimeOutputs(model, inputs);
        HostCompiler.compile(dir, List.of("gcc", "-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-o", "model",
                "main.c", "lb_model.c", "lb_kernels.c"));
        assertArrayEquals(expected, StandaloneCGeneratorTest.runAll(dir, "model", inputs), "gcc -O2");
        HostCompiler.compile(dir, List.of("gcc", "-std=c99", "-O1", "-g", "-Wall", "-Wextra", "-Werror",
                "-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-o", "model_san", "main.c", "lb_model.c",
                "lb_kernels.c"));
        assertArrayEquals(expected, StandaloneCGeneratorTest.runAll(dir, "model_san", inputs), "ASan/UBSan");
        // The packed (DSP-extension) loops on emulated instructions, under the sanitizers too.
        HostCompiler.compile(dir, List.of("gcc", "-std=c99", "-O1", "-g", "-Wall", "-Wextra", "-Werror",
                "-DLB_EMULATE_DSP", "-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-o", "model_dsp",
                "main.c", "lb_model.c", "lb_kernels.c"));
        assertArrayEquals(expected, StandaloneCGeneratorTest.runAll(dir, "model_dsp", inputs), "emulated DSP");
    }

    /**
     * The optimised convolution paths (folded input offset, im2col, pointwise matrix product, packed arithmetic):
     * channel and depth counts that are not multiples of 2 or 4, padding, strides, dilation, per-channel and
     * per-tensor filters, no bias.
     */
    @Test
    void convolutionPathsAtAwkwardShapes() throws Exception {
        java.util.Random r = new java.util.Random(7);
        // im2col: 3x3, SAME, stride 2, 3 input channels (depth 27), 5 output channels, per-channel.
        check(new OneOp().int8(0.02f, -3, 1, 9, 7, 3).constFilter(r, 0, 5, 3, 3, 3).constBias(r, 2000, 5)
                .out(TensorType.INT8, 0.05f, 4, 1, 5, 4, 5)
                .model(BuiltinOperator.CONV_2D, new OperatorOptions.Conv2D(Padding.SAME, 2, 2, Activation.RELU, 1, 1)));
        // im2col with dilation 2x3, VALID, per-tensor filter, no bias, 2 batches (odd pixel count overall).
        check(new OneOp().int8(0.03f, 11, 2, 9, 10, 2).constFilter(r, -1, 3, 2, 3, 2)
                .out(TensorType.INT8, 0.04f, -7, 2, 7, 4, 3)
                .model(BuiltinOperator.CONV_2D, new OperatorOptions.Conv2D(Padding.VALID, 1, 1, Activation.NONE, 3, 2)));
        // SAME with dilation: padding taps inside the dilated window.
        check(new OneOp().int8(0.03f, -128, 1, 6, 5, 4).constFilter(r, 0, 6, 3, 3, 4).constBias(r, 500, 6)
                .out(TensorType.INT8, 0.06f, 0, 1, 6, 5, 6)
                .model(BuiltinOperator.CONV_2D, new OperatorOptions.Conv2D(Padding.SAME, 1, 1, Activation.RELU6, 2, 2)));
        // Pointwise: 7 pixels (odd), 13 input channels, 7 output channels.
        check(new OneOp().int8(0.05f, 5, 1, 1, 7, 13).constFilter(r, 0, 7, 1, 1, 13).constBias(r, 3000, 7)
                .out(TensorType.INT8, 0.08f, -2, 1, 1, 7, 7)
                .model(BuiltinOperator.CONV_2D, new OperatorOptions.Conv2D(Padding.SAME, 1, 1, Activation.NONE, 1, 1)));
        // Pointwise with stride 2: through im2col.
        check(new OneOp().int8(0.05f, 5, 1, 5, 5, 6).constFilter(r, 0, 3, 1, 1, 6)
                .out(TensorType.INT8, 0.08f, -2, 1, 3, 3, 3)
                .model(BuiltinOperator.CONV_2D, new OperatorOptions.Conv2D(Padding.VALID, 2, 2, Activation.NONE, 1, 1)));
    }

    /**
     * The paired-filter kernels: three-row blocks with one and two rows left, an odd channel count, depths with
     * and without a multiple of 4; im2col widening straight from the image (in_d a multiple of 4) with an odd
     * pixel count; batch-1 FULLY_CONNECTED with one, two and three channels after the blocks of four.
     */
    @Test
    void pairedFilterPathsAtEdgeShapes() throws Exception {
        java.util.Random r = new java.util.Random(17);
        // Pointwise, 8 pixels (3 + 3 + 2), depth 8, 6 channels.
        check(new OneOp().int8(0.05f, -9, 1, 2, 4, 8).constFilter(r, 0, 6, 1, 1, 8).constBias(r, 3000, 6)
                .out(TensorType.INT8, 0.07f, 3, 1, 2, 4, 6)
                .model(BuiltinOperator.CONV_2D, new OperatorOptions.Conv2D(Padding.SAME, 1, 1, Activation.RELU, 1, 1)));
        // Pointwise, 10 pixels (3 + 3 + 3 + 1), depth 6, 3 channels.
        check(new OneOp().int8(0.05f, 4, 1, 1, 10, 6).constFilter(r, 0, 3, 1, 1, 6).constBias(r, 3000, 3)
                .out(TensorType.INT8, 0.06f, -1, 1, 1, 10, 3)
                .model(BuiltinOperator.CONV_2D, new OperatorOptions.Conv2D(Padding.SAME, 1, 1, Activation.NONE, 1, 1)));
        // im2col widened from the image: in_d 8, 3x3 SAME over 5x5 (25 pixels), 3 channels.
        check(new OneOp().int8(0.03f, -20, 1, 5, 5, 8).constFilter(r, 0, 3, 3, 3, 8).constBias(r, 2000, 3)
                .out(TensorType.INT8, 0.09f, 5, 1, 5, 5, 3)
                .model(BuiltinOperator.CONV_2D, new OperatorOptions.Conv2D(Padding.SAME, 1, 1, Activation.RELU, 1, 1)));
        // The same with stride 2 and dilation 2 (padding taps inside the window), 5 channels.
        check(new OneOp().int8(0.03f, 7, 1, 7, 6, 4).constFilter(r, 0, 5, 3, 2, 4)
                .out(TensorType.INT8, 0.09f, -3, 1, 4, 3, 5)
                .model(BuiltinOperator.CONV_2D, new OperatorOptions.Conv2D(Padding.SAME, 2, 2, Activation.NONE, 2, 2)));
        // Batch-1 FULLY_CONNECTED (the row kernel, filter in groups of four rows): 5, 6 and 7 outputs (a group of
        // 4 and 1, 2, 3 left), depth 10 (a tail of 2); 2 outputs of depth 3 (no whole block of 4 at all).
        for (int outputs = 5; outputs <= 7; outputs++) {
            check(new OneOp().int8(0.02f, 9, 1, 10).constFilter(r, 0, outputs, 10).constBias(r, 4000, outputs)
                    .out(TensorType.INT8, 0.05f, -4, 1, outputs)
                    .model(BuiltinOperator.FULLY_CONNECTED, new OperatorOptions.FullyConnected(Activation.NONE, 0,
                            false, false)));
            org.junit.jupiter.api.Assertions.assertTrue(Files.readString(dir.resolve("lb_model.c"))
                    .contains("lb_fully_connected_row_s8("), "the row kernel");
        }
        check(new OneOp().int8(0.02f, -9, 1, 3).constFilter(r, 0, 2, 3).constBias(r, 4000, 2)
                .out(TensorType.INT8, 0.05f, 4, 1, 2)
                .model(BuiltinOperator.FULLY_CONNECTED, new OperatorOptions.FullyConnected(Activation.RELU, 0,
                        false, false)));
    }

    /**
     * Biases beyond 2^30 (as dead channels have): the _wide kernels, whose requantization takes accumulators
     * anywhere in int32. Output scales that keep the results in range make the rounding matter.
     */
    @Test
    void wideAccumulatorPaths() throws Exception {
        java.util.Random r = new java.util.Random(19);
        check(new OneOp().int8(0.02f, 3, 1, 1, 7, 12).constFilter(r, 0, 5, 1, 1, 12)
                .constInts(2_000_000_000, -1_900_000_000, 1_073_741_824, -1_073_741_824, 12_345)
                .out(TensorType.INT8, 1000f, 2, 1, 1, 7, 5)
                .model(BuiltinOperator.CONV_2D, new OperatorOptions.Conv2D(Padding.SAME, 1, 1, Activation.NONE, 1, 1)));
        assertWide();
        check(new OneOp().int8(0.02f, -6, 1, 4, 5, 4).constFilter(r, 0, 3, 3, 3, 4)
                .constInts(-2_100_000_000, 1_500_000_000, -700)
                .out(TensorType.INT8, 1000f, -1, 1, 4, 5, 3)
                .model(BuiltinOperator.CONV_2D, new OperatorOptions.Conv2D(Padding.SAME, 1, 1, Activation.NONE, 1, 1)));
        assertWide();
        check(new OneOp().int8(0.02f, 5, 1, 24).constFilter(r, 0, 6, 24)
                .constInts(1_900_000_000, -1_950_000_000, 1_073_741_824, 5, -1_073_741_824, 2_000_000_000)
                .out(TensorType.INT8, 1000f, 0, 1, 6)
                .model(BuiltinOperator.FULLY_CONNECTED, new OperatorOptions.FullyConnected(Activation.NONE, 0, false,
                        false)));
        assertWide();
        check(new OneOp().int8(0.02f, -5, 1, 6, 5, 8).constFilter(r, 3, 1, 3, 3, 8)
                .constInts(2_000_000_000, -2_000_000_000, 1_073_741_824, -1_073_741_824, 3, -4, 1_600_000_000, 0)
                .out(TensorType.INT8, 1000f, 3, 1, 6, 5, 8)
                .model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 1, 1, 1, Activation.NONE, 1, 1)));
        assertWide();
    }

    private void assertWide() throws java.io.IOException {
        org.junit.jupiter.api.Assertions.assertTrue(Files.readString(dir.resolve("lb_model.c")).contains("_wide_s8("),
                "the _wide kernel");
    }

    @Test
    void depthwisePathsAtAwkwardShapes() throws Exception {
        java.util.Random r = new java.util.Random(11);
        // Depth multiplier 1: 7 channels (a block of 4 and 3 left), SAME, stride 2, per-channel.
        check(new OneOp().int8(0.02f, -5, 1, 8, 9, 7).constFilter(r, 3, 1, 3, 3, 7).constBias(r, 1000, 7)
                .out(TensorType.INT8, 0.03f, 3, 1, 4, 5, 7)
                .model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 2, 2, 1, Activation.RELU, 1, 1)));
        // Depth multiplier 1 with dilation, 2 batches, per-tensor filter, no bias.
        check(new OneOp().int8(0.02f, 17, 2, 7, 8, 9).constFilter(r, -1, 1, 3, 2, 9)
                .out(TensorType.INT8, 0.03f, -9, 2, 7, 8, 9)
                .model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 1, 1, 1, Activation.NONE, 2, 3)));
        // One input channel, depth multiplier 5: compiled as a CONV_2D.
        check(new OneOp().int8(0.02f, 9, 1, 10, 7, 1).constFilter(r, 3, 1, 4, 3, 5).constBias(r, 800, 5)
                .out(TensorType.INT8, 0.03f, 1, 1, 5, 4, 5)
                .model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 2, 2, 5, Activation.RELU, 1, 1)));
        // Three input channels, depth multiplier 2: the reference kernel.
        check(new OneOp().int8(0.02f, 9, 1, 6, 5, 3).constFilter(r, 3, 1, 3, 3, 6).constBias(r, 800, 6)
                .out(TensorType.INT8, 0.03f, 1, 1, 6, 5, 6)
                .model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 1, 1, 2, Activation.NONE, 1, 1)));
    }

    /**
     * The 3x3 depthwise kernel (in_d a multiple of 4): interior pixels unrolled, border pixels checked. Stride 1
     * and 2 with SAME padding (top/left padding 1, and 0 with the extra row/column at the bottom/right), VALID,
     * 2 batches, an image smaller than the window (no interior pixel at all), per-tensor filter, no bias.
     */
    @Test
    void depthwise3x3InteriorAndBorders() throws Exception {
        java.util.Random r = new java.util.Random(23);
        check3x3(new OneOp().int8(0.02f, -5, 1, 7, 6, 8).constFilter(r, 3, 1, 3, 3, 8).constBias(r, 1000, 8)
                .out(TensorType.INT8, 0.03f, 3, 1, 7, 6, 8)
                .model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 1, 1, 1, Activation.RELU, 1, 1)));
        check3x3(new OneOp().int8(0.02f, 12, 2, 9, 8, 12).constFilter(r, 3, 1, 3, 3, 12).constBias(r, 1000, 12)
                .out(TensorType.INT8, 0.03f, -3, 2, 5, 4, 12)
                .model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 2, 2, 1, Activation.RELU6, 1, 1)));
        check3x3(new OneOp().int8(0.02f, 0, 1, 8, 10, 4).constFilter(r, 3, 1, 3, 3, 4).constBias(r, 1000, 4)
                .out(TensorType.INT8, 0.03f, 1, 1, 4, 5, 4)
                .model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 2, 2, 1, Activation.NONE, 1, 1)));
        check3x3(new OneOp().int8(0.02f, -128, 1, 7, 9, 8).constFilter(r, -1, 1, 3, 3, 8)
                .out(TensorType.INT8, 0.05f, 2, 1, 3, 4, 8)
                .model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(Padding.VALID, 2, 2, 1, Activation.NONE, 1, 1)));
        check3x3(new OneOp().int8(0.02f, 7, 1, 2, 2, 4).constFilter(r, 3, 1, 3, 3, 4).constBias(r, 1000, 4)
                .out(TensorType.INT8, 0.03f, 0, 1, 2, 2, 4)
                .model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 1, 1, 1, Activation.NONE, 1, 1)));
    }

    private void check3x3(Model model) throws Exception {
        check(model);
        org.junit.jupiter.api.Assertions.assertTrue(Files.readString(dir.resolve("lb_model.c"))
                .contains("lb_depthwise_conv3x3_s8("), "the 3x3 depthwise kernel");
    }

    @Test
    void fullyConnectedPaths() throws Exception {
        java.util.Random r = new java.util.Random(13);
        // Batch 1, depth 37, 9 outputs, per-tensor.
        check(new OneOp().int8(0.02f, -7, 1, 37).constFilter(r, -1, 9, 37).constBias(r, 4000, 9)
                .out(TensorType.INT8, 0.05f, 6, 1, 9)
                .model(BuiltinOperator.FULLY_CONNECTED, new OperatorOptions.FullyConnected(Activation.RELU, 0, false,
                        false)));
        // Three batches, per-channel, no bias.
        check(new OneOp().int8(0.02f, 20, 3, 16).constFilter(r, 0, 5, 16)
                .out(TensorType.INT8, 0.05f, -6, 3, 5)
                .model(BuiltinOperator.FULLY_CONNECTED, new OperatorOptions.FullyConnected(Activation.NONE, 0, false,
                        false)));
    }

    @Test
    void addWithBroadcastAndRelu() throws Exception {
        check(new OneOp().int8(0.05f, 3, 2, 3, 4).int8(0.11f, -20, 1, 3, 1).out(TensorType.INT8, 0.09f, -5, 2, 3, 4)
                .model(BuiltinOperator.ADD, new OperatorOptions.AddSub(11, Activation.RELU, false)));
    }

    @Test
    void subtract() throws Exception {
        check(new OneOp().int8(0.02f, 10, 1, 17).int8(0.03f, -1, 1, 17).out(TensorType.INT8, 0.04f, 0, 1, 17)
                .model(BuiltinOperator.SUB, new OperatorOptions.AddSub(28, Activation.NONE, false)));
    }

    @Test
    void mulWithBroadcastAndRelu6() throws Exception {
        check(new OneOp().int8(0.1f, 0, 2, 1, 4).int8(0.07f, 5, 3, 1).out(TensorType.INT8, 0.05f, -10, 2, 3, 4)
                .model(BuiltinOperator.MUL, new OperatorOptions.MulDiv(21, Activation.RELU6)));
    }

    @Test
    void concatenationWithOuterLoop() throws Exception {
        check(new OneOp().int8(0.1f, 0, 2, 3, 2).int8(0.2f, 4, 2, 1, 2).out(TensorType.INT8, 0.1f, 0, 2, 4, 2)
                .model(BuiltinOperator.CONCATENATION, new OperatorOptions.Concatenation(-2, Activation.NONE)));
    }

    @Test
    void meanOverInnerAxes() throws Exception {
        check(new OneOp().int8(0.04f, -7, 2, 3, 4, 5).constInts(1, -1).out(TensorType.INT8, 0.03f, 2, 2, 1, 4, 1)
                .model(BuiltinOperator.MEAN, new OperatorOptions.Reducer(true)));
    }

    @Test
    void padSeveralDimensions() throws Exception {
        check(new OneOp().int8(0.1f, -3, 2, 3, 4).constInts(1, 0, 0, 2, 1, 1).out(TensorType.INT8, 0.1f, -3, 3, 5, 6)
                .model(BuiltinOperator.PAD, new OperatorOptions.Empty(22)));
    }

    @Test
    void tanhAndLogisticAtExtremeScales() throws Exception {
        for (float scale : new float[] {0.001f, 0.02f, 0.5f, 3f}) {
            check(new OneOp().int8(scale, 5, 1, 64).out(TensorType.INT8, 1f / 128, 0, 1, 64)
                    .model(BuiltinOperator.TANH, new OperatorOptions.Empty(0)));
            check(new OneOp().int8(scale, -9, 1, 64).out(TensorType.INT8, 1f / 256, -128, 1, 64)
                    .model(BuiltinOperator.LOGISTIC, new OperatorOptions.Empty(0)));
        }
    }

    @Test
    void requantizeAndFloatQuantizeDequantize() throws Exception {
        check(new OneOp().int8(0.3f, 7, 1, 40).out(TensorType.INT8, 0.01f, -4, 1, 40)
                .model(BuiltinOperator.QUANTIZE, new OperatorOptions.Empty(0)));
        check(new OneOp().input(TensorType.FLOAT32, 0f, 0, 1, 64).out(TensorType.INT8, 0.0173f, 9, 1, 64)
                .model(BuiltinOperator.QUANTIZE, new OperatorOptions.Empty(0)));
        check(new OneOp().int8(0.0173f, 9, 1, 64).out(TensorType.FLOAT32, 0f, 0, 1, 64)
                .model(BuiltinOperator.DEQUANTIZE, new OperatorOptions.Empty(0)));
    }

    @Test
    void reluRequantizesToTheOutputScale() throws Exception {
        check(new OneOp().int8(0.05f, -20, 1, 96).out(TensorType.INT8, 0.03f, -128, 1, 96)
                .model(BuiltinOperator.RELU, new OperatorOptions.Empty(0)));
        check(new OneOp().int8(0.2f, 17, 2, 5, 7).out(TensorType.INT8, 0.5f, 30, 2, 5, 7)
                .model(BuiltinOperator.RELU, new OperatorOptions.Empty(0)));
    }

    @Test
    void leakyReluWithTwoMultipliers() throws Exception {
        check(new OneOp().int8(0.04f, 12, 1, 80).out(TensorType.INT8, 0.03f, -40, 1, 80)
                .model(BuiltinOperator.LEAKY_RELU, new OperatorOptions.LeakyRelu(0.1f)));
        check(new OneOp().int8(0.3f, -7, 3, 9).out(TensorType.INT8, 0.07f, 25, 3, 9)
                .model(BuiltinOperator.LEAKY_RELU, new OperatorOptions.LeakyRelu(0.3f)));
    }

    @Test
    void transposeOfRanksTwoToFive() throws Exception {
        check(new OneOp().int8(0.1f, 0, 5, 7).constInts(1, 0).out(TensorType.INT8, 0.1f, 0, 7, 5)
                .model(BuiltinOperator.TRANSPOSE, new OperatorOptions.Empty(0)));
        check(new OneOp().int8(0.1f, 3, 1, 4, 6, 3).constInts(0, 3, 1, 2).out(TensorType.INT8, 0.1f, 3, 1, 3, 4, 6)
                .model(BuiltinOperator.TRANSPOSE, new OperatorOptions.Empty(0)));
        check(new OneOp().int8(0.1f, -2, 2, 3, 1, 4, 5).constInts(4, 2, 0, 3, 1)
                .out(TensorType.INT8, 0.1f, -2, 5, 1, 2, 4, 3)
                .model(BuiltinOperator.TRANSPOSE, new OperatorOptions.Empty(0)));
    }

    /** What the runtime runs, the generated C runs too: no operator is left to a TFLM-only path. */
    @Test
    void everyRuntimeOperatorIsCompiled() {
        java.util.Set<BuiltinOperator> missing = java.util.EnumSet.copyOf(
                dev.littlebrain.runtime.kernels.BuiltinOps.resolver().supported());
        missing.removeAll(StandaloneCGenerator.COMPILED);
        org.junit.jupiter.api.Assertions.assertTrue(missing.isEmpty(), "runtime operators c-standalone lacks: " + missing);
    }

    /**
     * An averaging ensemble (RESHAPE, CONCATENATION, MEAN over the members' axis, and a requantized input for the
     * member quantized differently), as {@code train} writes for an impulse with ensemble members.
     */
    @Test
    void averagingEnsembleOfClassifiers() throws Exception {
        Model first = new OneOp().int8(0.05f, 3, 1, 6).out(TensorType.INT8, 1f / 256, -128, 1, 6)
                .model(BuiltinOperator.SOFTMAX, new OperatorOptions.Softmax(1f));
        Model second = new OneOp().int8(0.09f, -11, 1, 6).out(TensorType.INT8, 1f / 256, -128, 1, 6)
                .model(BuiltinOperator.SOFTMAX, new OperatorOptions.Softmax(0.7f));
        check(dev.littlebrain.tflite.ModelEnsemble.averaging(List.of(first, second, first), "ensemble"));
    }
}
