package dev.littlebrain.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.littlebrain.tflite.Activation;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.OneOpModelBuilder;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.Padding;
import dev.littlebrain.tflite.TensorType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Single-operator models for the shapes the conformance cases do not reach (broadcasting, SUB, concatenation
 * with an outer loop, MEAN over inner axes, PAD of several dimensions, extreme TANH/LOGISTIC scales): the
 * compiled C on random inputs against the runtime, with gcc -O2 -Werror and with ASan/UBSan.
 */
@Tag("toolchain")
@Execution(ExecutionMode.CONCURRENT)
class StandaloneCOpsTest {
    @TempDir
    Path dir;

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
        check(new OneOpModelBuilder().int8Input(0.02f, -3, 1, 9, 7, 3).constFilter(r, 0, 5, 3, 3, 3)
                .constBias(r, 2000, 5)
                .output(TensorType.INT8, new int[] {1, 5, 4, 5}, 0.05f, 4)
                .model(BuiltinOperator.CONV_2D, new OperatorOptions.Conv2D(Padding.SAME, 2, 2, Activation.RELU, 1, 1)));
        // im2col with dilation 2x3, VALID, per-tensor filter, no bias, 2 batches (odd pixel count overall).
        check(new OneOpModelBuilder().int8Input(0.03f, 11, 2, 9, 10, 2).constFilter(r, -1, 3, 2, 3, 2)
                .output(TensorType.INT8, new int[] {2, 7, 4, 3}, 0.04f, -7)
                .model(BuiltinOperator.CONV_2D,
                        new OperatorOptions.Conv2D(Padding.VALID, 1, 1, Activation.NONE, 3, 2)));
        // SAME with dilation: padding taps inside the dilated window.
        check(new OneOpModelBuilder().int8Input(0.03f, -128, 1, 6, 5, 4).constFilter(r, 0, 6, 3, 3, 4)
                .constBias(r, 500, 6)
                .output(TensorType.INT8, new int[] {1, 6, 5, 6}, 0.06f, 0)
                .model(BuiltinOperator.CONV_2D,
                        new OperatorOptions.Conv2D(Padding.SAME, 1, 1, Activation.RELU6, 2, 2)));
        // Pointwise: 7 pixels (odd), 13 input channels, 7 output channels.
        check(new OneOpModelBuilder().int8Input(0.05f, 5, 1, 1, 7, 13).constFilter(r, 0, 7, 1, 1, 13)
                .constBias(r, 3000, 7)
                .output(TensorType.INT8, new int[] {1, 1, 7, 7}, 0.08f, -2)
                .model(BuiltinOperator.CONV_2D, new OperatorOptions.Conv2D(Padding.SAME, 1, 1, Activation.NONE, 1, 1)));
        // Pointwise with stride 2: through im2col.
        check(new OneOpModelBuilder().int8Input(0.05f, 5, 1, 5, 5, 6).constFilter(r, 0, 3, 1, 1, 6)
                .output(TensorType.INT8, new int[] {1, 3, 3, 3}, 0.08f, -2)
                .model(BuiltinOperator.CONV_2D,
                        new OperatorOptions.Conv2D(Padding.VALID, 2, 2, Activation.NONE, 1, 1)));
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
        check(new OneOpModelBuilder().int8Input(0.05f, -9, 1, 2, 4, 8).constFilter(r, 0, 6, 1, 1, 8)
                .constBias(r, 3000, 6)
                .output(TensorType.INT8, new int[] {1, 2, 4, 6}, 0.07f, 3)
                .model(BuiltinOperator.CONV_2D, new OperatorOptions.Conv2D(Padding.SAME, 1, 1, Activation.RELU, 1, 1)));
        // Pointwise, 10 pixels (3 + 3 + 3 + 1), depth 6, 3 channels.
        check(new OneOpModelBuilder().int8Input(0.05f, 4, 1, 1, 10, 6).constFilter(r, 0, 3, 1, 1, 6)
                .constBias(r, 3000, 3)
                .output(TensorType.INT8, new int[] {1, 1, 10, 3}, 0.06f, -1)
                .model(BuiltinOperator.CONV_2D, new OperatorOptions.Conv2D(Padding.SAME, 1, 1, Activation.NONE, 1, 1)));
        // im2col widened from the image: in_d 8, 3x3 SAME over 5x5 (25 pixels), 3 channels.
        check(new OneOpModelBuilder().int8Input(0.03f, -20, 1, 5, 5, 8).constFilter(r, 0, 3, 3, 3, 8)
                .constBias(r, 2000, 3)
                .output(TensorType.INT8, new int[] {1, 5, 5, 3}, 0.09f, 5)
                .model(BuiltinOperator.CONV_2D, new OperatorOptions.Conv2D(Padding.SAME, 1, 1, Activation.RELU, 1, 1)));
        // The same with stride 2 and dilation 2 (padding taps inside the window), 5 channels.
        check(new OneOpModelBuilder().int8Input(0.03f, 7, 1, 7, 6, 4).constFilter(r, 0, 5, 3, 2, 4)
                .output(TensorType.INT8, new int[] {1, 4, 3, 5}, 0.09f, -3)
                .model(BuiltinOperator.CONV_2D, new OperatorOptions.Conv2D(Padding.SAME, 2, 2, Activation.NONE, 2, 2)));
        // Batch-1 FULLY_CONNECTED (the row kernel, filter in groups of four rows): 5, 6 and 7 outputs (a group of
        // 4 and 1, 2, 3 left), depth 10 (a tail of 2); 2 outputs of depth 3 (no whole block of 4 at all).
        for (int outputs = 5; outputs <= 7; outputs++) {
            check(new OneOpModelBuilder().int8Input(0.02f, 9, 1, 10).constFilter(r, 0, outputs, 10)
                    .constBias(r, 4000, outputs)
                    .output(TensorType.INT8, new int[] {1, outputs}, 0.05f, -4)
                    .model(BuiltinOperator.FULLY_CONNECTED, new OperatorOptions.FullyConnected(Activation.NONE, 0,
                            false, false)));
            org.junit.jupiter.api.Assertions.assertTrue(Files.readString(dir.resolve("lb_model.c"))
                    .contains("lb_fully_connected_row_s8("), "the row kernel");
        }
        check(new OneOpModelBuilder().int8Input(0.02f, -9, 1, 3).constFilter(r, 0, 2, 3).constBias(r, 4000, 2)
                .output(TensorType.INT8, new int[] {1, 2}, 0.05f, 4)
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
        check(new OneOpModelBuilder().int8Input(0.02f, 3, 1, 1, 7, 12).constFilter(r, 0, 5, 1, 1, 12)
                .constInts(2_000_000_000, -1_900_000_000, 1_073_741_824, -1_073_741_824, 12_345)
                .output(TensorType.INT8, new int[] {1, 1, 7, 5}, 1000f, 2)
                .model(BuiltinOperator.CONV_2D, new OperatorOptions.Conv2D(Padding.SAME, 1, 1, Activation.NONE, 1, 1)));
        assertWide();
        check(new OneOpModelBuilder().int8Input(0.02f, -6, 1, 4, 5, 4).constFilter(r, 0, 3, 3, 3, 4)
                .constInts(-2_100_000_000, 1_500_000_000, -700)
                .output(TensorType.INT8, new int[] {1, 4, 5, 3}, 1000f, -1)
                .model(BuiltinOperator.CONV_2D, new OperatorOptions.Conv2D(Padding.SAME, 1, 1, Activation.NONE, 1, 1)));
        assertWide();
        check(new OneOpModelBuilder().int8Input(0.02f, 5, 1, 24).constFilter(r, 0, 6, 24)
                .constInts(1_900_000_000, -1_950_000_000, 1_073_741_824, 5, -1_073_741_824, 2_000_000_000)
                .output(TensorType.INT8, new int[] {1, 6}, 1000f, 0)
                .model(BuiltinOperator.FULLY_CONNECTED, new OperatorOptions.FullyConnected(Activation.NONE, 0, false,
                        false)));
        assertWide();
        check(new OneOpModelBuilder().int8Input(0.02f, -5, 1, 6, 5, 8).constFilter(r, 3, 1, 3, 3, 8)
                .constInts(2_000_000_000, -2_000_000_000, 1_073_741_824, -1_073_741_824, 3, -4, 1_600_000_000, 0)
                .output(TensorType.INT8, new int[] {1, 6, 5, 8}, 1000f, 3)
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
        check(new OneOpModelBuilder().int8Input(0.02f, -5, 1, 8, 9, 7).constFilter(r, 3, 1, 3, 3, 7)
                .constBias(r, 1000, 7)
                .output(TensorType.INT8, new int[] {1, 4, 5, 7}, 0.03f, 3)
                .model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 2, 2, 1, Activation.RELU, 1, 1)));
        // Depth multiplier 1 with dilation, 2 batches, per-tensor filter, no bias.
        check(new OneOpModelBuilder().int8Input(0.02f, 17, 2, 7, 8, 9).constFilter(r, -1, 1, 3, 2, 9)
                .output(TensorType.INT8, new int[] {2, 7, 8, 9}, 0.03f, -9)
                .model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 1, 1, 1, Activation.NONE, 2, 3)));
        // One input channel, depth multiplier 5: compiled as a CONV_2D.
        check(new OneOpModelBuilder().int8Input(0.02f, 9, 1, 10, 7, 1).constFilter(r, 3, 1, 4, 3, 5)
                .constBias(r, 800, 5)
                .output(TensorType.INT8, new int[] {1, 5, 4, 5}, 0.03f, 1)
                .model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 2, 2, 5, Activation.RELU, 1, 1)));
        // Three input channels, depth multiplier 2: the reference kernel.
        check(new OneOpModelBuilder().int8Input(0.02f, 9, 1, 6, 5, 3).constFilter(r, 3, 1, 3, 3, 6).constBias(r, 800, 6)
                .output(TensorType.INT8, new int[] {1, 6, 5, 6}, 0.03f, 1)
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
        check3x3(new OneOpModelBuilder().int8Input(0.02f, -5, 1, 7, 6, 8).constFilter(r, 3, 1, 3, 3, 8).constBias(r, 1000, 8)
                .output(TensorType.INT8, new int[] {1, 7, 6, 8}, 0.03f, 3)
                .model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 1, 1, 1, Activation.RELU, 1, 1)));
        check3x3(new OneOpModelBuilder().int8Input(0.02f, 12, 2, 9, 8, 12).constFilter(r, 3, 1, 3, 3, 12).constBias(r, 1000, 12)
                .output(TensorType.INT8, new int[] {2, 5, 4, 12}, 0.03f, -3)
                .model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 2, 2, 1, Activation.RELU6, 1, 1)));
        check3x3(new OneOpModelBuilder().int8Input(0.02f, 0, 1, 8, 10, 4).constFilter(r, 3, 1, 3, 3, 4).constBias(r, 1000, 4)
                .output(TensorType.INT8, new int[] {1, 4, 5, 4}, 0.03f, 1)
                .model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 2, 2, 1, Activation.NONE, 1, 1)));
        check3x3(new OneOpModelBuilder().int8Input(0.02f, -128, 1, 7, 9, 8).constFilter(r, -1, 1, 3, 3, 8)
                .output(TensorType.INT8, new int[] {1, 3, 4, 8}, 0.05f, 2)
                .model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(Padding.VALID, 2, 2, 1, Activation.NONE, 1, 1)));
        check3x3(new OneOpModelBuilder().int8Input(0.02f, 7, 1, 2, 2, 4).constFilter(r, 3, 1, 3, 3, 4).constBias(r, 1000, 4)
                .output(TensorType.INT8, new int[] {1, 2, 2, 4}, 0.03f, 0)
                .model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 1, 1, 1, Activation.NONE, 1, 1)));
    }

    /**
     * Every C window kernel with its output written over its input, as the runtime's planner allows (the
     * expected bytes come from a run with every tensor apart): im2col widened from the image and through int8
     * columns, the pointwise product in blocks of three rows, the reference (grouped) convolution, and the
     * depthwise 3x3, depth-multiplier-1 and reference kernels.
     */
    @Test
    void windowKernelsWriteOverTheirInput() throws Exception {
        java.util.Random r = new java.util.Random(29);
        OperatorOptions.Conv2D same = new OperatorOptions.Conv2D(Padding.SAME, 1, 1, Activation.NONE, 1, 1);
        checkInPlace("lb_conv2d_im2col_s8(", new OneOpModelBuilder().int8Input(0.03f, -20, 1, 6, 5, 8)
                .constFilter(r, 0, 6, 3, 3, 8).constBias(r, 2000, 6)
                .output(TensorType.INT8, new int[] {1, 6, 5, 6}, 0.09f, 5).model(BuiltinOperator.CONV_2D, same));
        checkInPlace("lb_conv2d_im2col_s8(", new OneOpModelBuilder().int8Input(0.03f, 4, 1, 7, 6, 3)
                .constFilter(r, 0, 3, 3, 3, 3).constBias(r, 2000, 3)
                .output(TensorType.INT8, new int[] {1, 7, 6, 3}, 0.09f, -5).model(BuiltinOperator.CONV_2D, same));
        checkInPlace("lb_matmul_s8(", new OneOpModelBuilder().int8Input(0.05f, -9, 1, 4, 5, 6)
                .constFilter(r, 0, 4, 1, 1, 6).constBias(r, 3000, 4)
                .output(TensorType.INT8, new int[] {1, 4, 5, 4}, 0.07f, 3).model(BuiltinOperator.CONV_2D, same));
        checkInPlace("lb_conv2d_s8(", new OneOpModelBuilder().int8Input(0.05f, 2, 1, 6, 6, 8)
                .constFilter(r, 0, 8, 3, 3, 4).constBias(r, 2000, 8)
                .output(TensorType.INT8, new int[] {1, 6, 6, 8}, 0.1f, 1).model(BuiltinOperator.CONV_2D, same));
        checkInPlace("lb_depthwise_conv3x3_s8(", new OneOpModelBuilder().int8Input(0.02f, -5, 1, 7, 6, 8)
                .constFilter(r, 3, 1, 3, 3, 8).constBias(r, 1000, 8)
                .output(TensorType.INT8, new int[] {1, 7, 6, 8}, 0.03f, 3).model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 1, 1, 1, Activation.NONE, 1, 1)));
        checkInPlace("lb_depthwise_conv2d_dm1_s8(", new OneOpModelBuilder().int8Input(0.02f, 6, 1, 8, 7, 6)
                .constFilter(r, 3, 1, 3, 2, 6).constBias(r, 1000, 6)
                .output(TensorType.INT8, new int[] {1, 8, 7, 6}, 0.03f, -3).model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 1, 1, 1, Activation.NONE, 1, 1)));
        checkInPlace("lb_depthwise_conv2d_s8(", new OneOpModelBuilder().int8Input(0.02f, 9, 1, 6, 5, 3)
                .constFilter(r, 3, 1, 3, 3, 6).constBias(r, 800, 6)
                .output(TensorType.INT8, new int[] {1, 6, 5, 6}, 0.03f, 1).model(BuiltinOperator.DEPTHWISE_CONV_2D,
                        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 1, 1, 2, Activation.NONE, 1, 1)));
    }

    /**
     * Filters with dead channels (rows or columns all zero, as training leaves some): only the live block is
     * multiplied, the dead channels written as their constants, and the bytes stay the whole matrix's — pointwise
     * CONV_2D over more rows than one chunk, with an activation clamping some constants, batched FULLY_CONNECTED,
     * a filter with no live channel at all, and the output written over the input.
     */
    @Test
    void deadChannelsAreSkippedWithTheSameBytes() throws Exception {
        java.util.Random r = new java.util.Random(31);
        OperatorOptions.Conv2D same = new OperatorOptions.Conv2D(Padding.SAME, 1, 1, Activation.RELU6, 1, 1);
        checkLive(new OneOpModelBuilder().int8Input(0.05f, -9, 1, 5, 6, 10)
                .constFilterWithDeadChannels(r, 0, java.util.Set.of(0, 3, 4, 8, 11), java.util.Set.of(1, 2, 7), 12,
                        1, 1, 10)
                .constBias(r, 3000, 12)
                .output(TensorType.INT8, new int[] {1, 5, 6, 12}, 0.02f, -100).model(BuiltinOperator.CONV_2D, same));
        checkLive(new OneOpModelBuilder().int8Input(0.02f, 20, 7, 16)
                .constFilterWithDeadChannels(r, 0, java.util.Set.of(1, 2, 3), java.util.Set.of(0, 5, 6, 9, 15), 5, 16)
                .output(TensorType.INT8, new int[] {7, 5}, 0.05f, -6)
                .model(BuiltinOperator.FULLY_CONNECTED, new OperatorOptions.FullyConnected(Activation.NONE, 0, false,
                        false)));
        java.util.Set<Integer> all = java.util.Set.of(0, 1, 2, 3);
        checkLive(new OneOpModelBuilder().int8Input(0.05f, 3, 1, 3, 3, 4)
                .constFilterWithDeadChannels(r, 0, all, java.util.Set.of(), 4, 1, 1, 4).constBias(r, 3000, 4)
                .output(TensorType.INT8, new int[] {1, 3, 3, 4}, 0.07f, 1).model(BuiltinOperator.CONV_2D,
                        new OperatorOptions.Conv2D(Padding.SAME, 1, 1, Activation.NONE, 1, 1)));
        checkInPlace("lb_matmul_live_s8(", new OneOpModelBuilder().int8Input(0.05f, -9, 1, 5, 7, 12)
                .constFilterWithDeadChannels(r, 0, java.util.Set.of(2, 5, 6), java.util.Set.of(0, 4, 9, 10), 8, 1, 1,
                        12)
                .constBias(r, 3000, 8)
                .output(TensorType.INT8, new int[] {1, 5, 7, 8}, 0.07f, 3).model(BuiltinOperator.CONV_2D,
                        new OperatorOptions.Conv2D(Padding.SAME, 1, 1, Activation.NONE, 1, 1)));
    }

    private void checkLive(Model model) throws Exception {
        check(model);
        org.junit.jupiter.api.Assertions.assertTrue(Files.readString(dir.resolve("lb_model.c"))
                .contains("lb_matmul_live_s8("), "the live-block kernel");
    }

    private void checkInPlace(String kernel, Model model) throws Exception {
        org.junit.jupiter.api.Assertions.assertFalse(new dev.littlebrain.runtime.Interpreter(model).memoryPlan()
                .inPlace().isEmpty(), kernel + ": the output over the input");
        check(model);
        org.junit.jupiter.api.Assertions.assertTrue(Files.readString(dir.resolve("lb_model.c")).contains(kernel),
                kernel);
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
        check(new OneOpModelBuilder().int8Input(0.02f, -7, 1, 37).constFilter(r, -1, 9, 37).constBias(r, 4000, 9)
                .output(TensorType.INT8, new int[] {1, 9}, 0.05f, 6)
                .model(BuiltinOperator.FULLY_CONNECTED, new OperatorOptions.FullyConnected(Activation.RELU, 0, false,
                        false)));
        // Three batches, per-channel, no bias.
        check(new OneOpModelBuilder().int8Input(0.02f, 20, 3, 16).constFilter(r, 0, 5, 16)
                .output(TensorType.INT8, new int[] {3, 5}, 0.05f, -6)
                .model(BuiltinOperator.FULLY_CONNECTED, new OperatorOptions.FullyConnected(Activation.NONE, 0, false,
                        false)));
    }

    @Test
    void addWithBroadcastAndRelu() throws Exception {
        check(new OneOpModelBuilder().int8Input(0.05f, 3, 2, 3, 4).int8Input(0.11f, -20, 1, 3, 1)
                .output(TensorType.INT8, new int[] {2, 3, 4}, 0.09f, -5)
                .model(BuiltinOperator.ADD, new OperatorOptions.AddSub(11, Activation.RELU, false)));
    }

    @Test
    void subtract() throws Exception {
        check(new OneOpModelBuilder().int8Input(0.02f, 10, 1, 17).int8Input(0.03f, -1, 1, 17)
                .output(TensorType.INT8, new int[] {1, 17}, 0.04f, 0)
                .model(BuiltinOperator.SUB, new OperatorOptions.AddSub(28, Activation.NONE, false)));
    }

    @Test
    void mulWithBroadcastAndRelu6() throws Exception {
        check(new OneOpModelBuilder().int8Input(0.1f, 0, 2, 1, 4).int8Input(0.07f, 5, 3, 1)
                .output(TensorType.INT8, new int[] {2, 3, 4}, 0.05f, -10)
                .model(BuiltinOperator.MUL, new OperatorOptions.MulDiv(21, Activation.RELU6)));
    }

    @Test
    void concatenationWithOuterLoop() throws Exception {
        check(new OneOpModelBuilder().int8Input(0.1f, 0, 2, 3, 2).int8Input(0.2f, 4, 2, 1, 2)
                .output(TensorType.INT8, new int[] {2, 4, 2}, 0.1f, 0)
                .model(BuiltinOperator.CONCATENATION, new OperatorOptions.Concatenation(-2, Activation.NONE)));
    }

    @Test
    void meanOverInnerAxes() throws Exception {
        check(new OneOpModelBuilder().int8Input(0.04f, -7, 2, 3, 4, 5).constInts(1, -1)
                .output(TensorType.INT8, new int[] {2, 1, 4, 1}, 0.03f, 2)
                .model(BuiltinOperator.MEAN, new OperatorOptions.Reducer(true)));
    }

    @Test
    void padSeveralDimensions() throws Exception {
        check(new OneOpModelBuilder().int8Input(0.1f, -3, 2, 3, 4).constInts(1, 0, 0, 2, 1, 1)
                .output(TensorType.INT8, new int[] {3, 5, 6}, 0.1f, -3)
                .model(BuiltinOperator.PAD, new OperatorOptions.Empty(22)));
    }

    @Test
    void tanhAndLogisticAtExtremeScales() throws Exception {
        for (float scale : new float[] {0.001f, 0.02f, 0.5f, 3f}) {
            check(new OneOpModelBuilder().int8Input(scale, 5, 1, 64)
                    .output(TensorType.INT8, new int[] {1, 64}, 1f / 128, 0)
                    .model(BuiltinOperator.TANH, new OperatorOptions.Empty(0)));
            check(new OneOpModelBuilder().int8Input(scale, -9, 1, 64)
                    .output(TensorType.INT8, new int[] {1, 64}, 1f / 256, -128)
                    .model(BuiltinOperator.LOGISTIC, new OperatorOptions.Empty(0)));
        }
    }

    @Test
    void requantizeAndFloatQuantizeDequantize() throws Exception {
        check(new OneOpModelBuilder().int8Input(0.3f, 7, 1, 40).output(TensorType.INT8, new int[] {1, 40}, 0.01f, -4)
                .model(BuiltinOperator.QUANTIZE, new OperatorOptions.Empty(0)));
        check(new OneOpModelBuilder().input(TensorType.FLOAT32, 1, 64)
                .output(TensorType.INT8, new int[] {1, 64}, 0.0173f, 9)
                .model(BuiltinOperator.QUANTIZE, new OperatorOptions.Empty(0)));
        check(new OneOpModelBuilder().int8Input(0.0173f, 9, 1, 64).output(TensorType.FLOAT32, 1, 64)
                .model(BuiltinOperator.DEQUANTIZE, new OperatorOptions.Empty(0)));
    }

    @Test
    void reluRequantizesToTheOutputScale() throws Exception {
        check(new OneOpModelBuilder().int8Input(0.05f, -20, 1, 96)
                .output(TensorType.INT8, new int[] {1, 96}, 0.03f, -128)
                .model(BuiltinOperator.RELU, new OperatorOptions.Empty(0)));
        check(new OneOpModelBuilder().int8Input(0.2f, 17, 2, 5, 7)
                .output(TensorType.INT8, new int[] {2, 5, 7}, 0.5f, 30)
                .model(BuiltinOperator.RELU, new OperatorOptions.Empty(0)));
    }

    @Test
    void leakyReluWithTwoMultipliers() throws Exception {
        check(new OneOpModelBuilder().int8Input(0.04f, 12, 1, 80).output(TensorType.INT8, new int[] {1, 80}, 0.03f, -40)
                .model(BuiltinOperator.LEAKY_RELU, new OperatorOptions.LeakyRelu(0.1f)));
        check(new OneOpModelBuilder().int8Input(0.3f, -7, 3, 9).output(TensorType.INT8, new int[] {3, 9}, 0.07f, 25)
                .model(BuiltinOperator.LEAKY_RELU, new OperatorOptions.LeakyRelu(0.3f)));
    }

    @Test
    void transposeOfRanksTwoToFive() throws Exception {
        check(new OneOpModelBuilder().int8Input(0.1f, 0, 5, 7).constInts(1, 0)
                .output(TensorType.INT8, new int[] {7, 5}, 0.1f, 0)
                .model(BuiltinOperator.TRANSPOSE, new OperatorOptions.Empty(0)));
        check(new OneOpModelBuilder().int8Input(0.1f, 3, 1, 4, 6, 3).constInts(0, 3, 1, 2)
                .output(TensorType.INT8, new int[] {1, 3, 4, 6}, 0.1f, 3)
                .model(BuiltinOperator.TRANSPOSE, new OperatorOptions.Empty(0)));
        check(new OneOpModelBuilder().int8Input(0.1f, -2, 2, 3, 1, 4, 5).constInts(4, 2, 0, 3, 1)
                .output(TensorType.INT8, new int[] {5, 1, 2, 4, 3}, 0.1f, -2)
                .model(BuiltinOperator.TRANSPOSE, new OperatorOptions.Empty(0)));
    }

    /** What the runtime runs, the generated C runs too: no operator is left to a TFLM-only path. */
    @Test
    void everyRuntimeOperatorIsCompiled() {
        java.util.Set<BuiltinOperator> missing = java.util.EnumSet.copyOf(
                dev.littlebrain.runtime.kernels.BuiltinOps.resolver().supported());
        missing.removeAll(StandaloneCGenerator.COMPILED);
        org.junit.jupiter.api.Assertions.assertTrue(missing.isEmpty(),
                "runtime operators c-standalone lacks: " + missing);
    }

    /**
     * An averaging ensemble (RESHAPE, CONCATENATION, MEAN over the members' axis, and a requantized input for the
     * member quantized differently), as {@code train} writes for an impulse with ensemble members.
     */
    @Test
    void averagingEnsembleOfClassifiers() throws Exception {
        Model first = new OneOpModelBuilder().int8Input(0.05f, 3, 1, 6)
                .output(TensorType.INT8, new int[] {1, 6}, 1f / 256, -128)
                .model(BuiltinOperator.SOFTMAX, new OperatorOptions.Softmax(1f));
        Model second = new OneOpModelBuilder().int8Input(0.09f, -11, 1, 6)
                .output(TensorType.INT8, new int[] {1, 6}, 1f / 256, -128)
                .model(BuiltinOperator.SOFTMAX, new OperatorOptions.Softmax(0.7f));
        check(dev.littlebrain.tflite.ModelEnsemble.averaging(List.of(first, second, first), "ensemble"));
    }
}
