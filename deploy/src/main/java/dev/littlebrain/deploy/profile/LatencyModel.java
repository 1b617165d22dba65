package dev.littlebrain.deploy.profile;

import dev.littlebrain.deploy.LiveBlock;
import dev.littlebrain.runtime.MacCounter;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Operator;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.Subgraph;
import dev.littlebrain.tflite.Tensor;
import dev.littlebrain.tflite.TensorType;
import java.util.EnumSet;
import java.util.Set;

/**
 * Instructions per inference of LittleBrain's standalone C on a Cortex-M4, estimated per operator from the
 * loops its kernel runs. Each cost term is one loop level of the kernel in {@code lb_kernels.c}: a
 * convolution pays for every multiply-accumulate of its innermost (channel) loop, for every filter tap it
 * visits (bounds check and pointer arithmetic, which dominate when a tap holds one or two channels, as in a
 * first layer or a dilated convolution) and for every output (requantization); a depthwise convolution's
 * innermost loop is the tap loop itself. The coefficients are least-squares fits to per-operator counts
 * measured on the emulated Cortex-M4 (QEMU {@code -icount}, {@code CortexM4Test}, which times every
 * operator with a cycle-counter hook in the generated code and checks each against this model). They hold
 * for this generator's C at {@code -O2} on a core with the DSP extension (Cortex-M4F); cores without it run the
 * portable loops, which this model does not fit yet. Measure on the device for a final figure.
 */
public final class LatencyModel {
    /*
     * The optimised paths (lb_kernels.c, cores with the DSP extension): a matrix product of int8 rows with the
     * input offset folded into the bias, against the filter in channel pairs with the depth padded to a multiple
     * of 4 (so the multiply-accumulates counted are pixels x even channels x padded depth). Three widened rows
     * share each weight word (pointwise CONV_2D, batched FULLY_CONNECTED), two im2col columns (any other
     * CONV_2D); a single row (batch-1 FULLY_CONNECTED) sign-extends its input in registers, with a scalar tail of
     * depth % 4. Every output pays one inlined requantization.
     */
    static final double MATMUL_PER_MAC = 1.27;
    static final double MATMUL_PER_OUTPUT = 23;
    static final double VECTOR_PER_MAC = 1.81;
    static final double VECTOR_PER_OUTPUT = 41;
    /**
     * Filters with dead channels (lb_matmul_live_s8): per row, each live depth gathered by its index, then the row
     * written as the dead channels' constants (memcpy) with each live output stored by its index.
     */
    static final double LIVE_GATHER_PER_DEPTH = 4;
    static final double LIVE_SCATTER_PER_OUTPUT = 4;
    static final double LIVE_PER_ROW = 30;
    /** Batch 1 (lb_fully_connected_row_s8): the filter in groups of four rows, two weight words per LDRD. */
    static final double ROW_PER_MAC = 1.45;
    static final double ROW_PER_OUTPUT = 41;
    static final double SCALAR_TAIL_PER_MAC = 5.0;
    static final double IM2COL_PER_MAC = 1.17;
    static final double IM2COL_PER_OUTPUT = 30;
    /** im2col: each column byte widened (and copied first, one memcpy per filter row, where in_d % 4 != 0). */
    static final double IM2COL_PER_BYTE = 6.0;
    static final double IM2COL_PER_ROW = 68;
    /** Dilated filter rows: one short memcpy per tap (misc_conv_dilated, measured under QEMU). */
    static final double IM2COL_PER_TAP = 47;
    /** Depth multiplier 1: four channels per pass of the taps, the input offset added in 16-bit lanes. */
    static final double DEPTHWISE_DM1_PER_MAC = 3.5;
    static final double DEPTHWISE_DM1_PER_OUTPUT = 42;
    /** 3x3, depth multiplier 1, channels a multiple of 4: interior pixels unrolled, one filter row per pass. */
    static final double DEPTHWISE_3X3_PER_MAC = 3.2;
    static final double DEPTHWISE_3X3_PER_OUTPUT = 36;
    /* The reference loops, where no optimised path applies (grouped convolutions, depth multiplier > 1). */
    static final double CONV_PER_MAC = 5.5;
    static final double CONV_PER_TAP = 32;
    static final double CONV_PER_OUTPUT = 108;
    static final double DEPTHWISE_PER_MAC = 19.3;
    static final double DEPTHWISE_PER_OUTPUT = 148;
    static final double DENSE_PER_MAC = 7.0;
    static final double DENSE_PER_OUTPUT = 67;
    static final double POOL_PER_WINDOW_ELEMENT = 10.5;
    static final double POOL_PER_OUTPUT = 40;
    /** ADD/SUB rescale both operands and the sum: three fixed-point multiplications per element. */
    static final double ADD_PER_ELEMENT = 88;
    static final double MUL_PER_ELEMENT = 43;
    /** One MultiplyByQuantizedMultiplier per element: RELU, LEAKY_RELU and int8-to-int8 QUANTIZE. */
    static final double REQUANTIZE_PER_ELEMENT = 28;
    static final double CLAMP_PER_ELEMENT = 10;
    /** gemmlowp's fixed-point exp and reciprocal per element. */
    static final double TRANSCENDENTAL_PER_ELEMENT = 228;
    static final double SOFTMAX_PER_ELEMENT = 290;
    static final double SOFTMAX_PER_ROW = 1200;
    /** float32 to int8 divides and rounds in software-emulated double precision on a single-precision FPU. */
    static final double QUANTIZE_FLOAT_PER_ELEMENT = 330;
    static final double DEQUANTIZE_PER_ELEMENT = 90;
    static final double MEAN_PER_INPUT = 22;
    static final double MEAN_PER_OUTPUT = 40;
    static final double PAD_PER_ROW = 45;
    static final double PAD_PER_OUTPUT_BYTE = 1.5;
    static final double TRANSPOSE_PER_ELEMENT = 15;
    /** memcpy/memmove of a reshape or concatenation. */
    static final double COPY_PER_BYTE = 0.6;
    static final double CALL = 20;
    /** lb_invoke's own entry, exit and memcpy set-up. */
    static final double INVOKE = 60;
    /** Operators this model has no kernel-shaped term for: an elementwise guess. */
    static final double OTHER_PER_ELEMENT = 40;

    private static final Set<BuiltinOperator> COPIES = EnumSet.of(BuiltinOperator.RESHAPE, BuiltinOperator.EXPAND_DIMS,
            BuiltinOperator.SQUEEZE, BuiltinOperator.CONCATENATION);
    /** Shape computations fold away in the generated C. */
    private static final Set<BuiltinOperator> FOLDED = EnumSet.of(BuiltinOperator.SHAPE, BuiltinOperator.STRIDED_SLICE,
            BuiltinOperator.PACK);

    private LatencyModel() {
    }

    /** The whole inference: every operator, plus {@code lb_invoke}'s copies of the inputs and outputs. */
    public static long instructions(Model model) {
        Subgraph g = model.mainSubgraph();
        double io = 0;
        for (int t : g.inputs()) {
            io += g.tensor(t).elementCount() * (double) byteSize(g.tensor(t));
        }
        for (int t : g.outputs()) {
            io += g.tensor(t).elementCount() * (double) byteSize(g.tensor(t));
        }
        long total = Math.round(INVOKE + COPY_PER_BYTE * io);
        for (long op : perOperator(model)) {
            total += op;
        }
        return total;
    }

    /** The estimate for each operator of the main subgraph, in execution order. */
    public static long[] perOperator(Model model) {
        Subgraph g = model.mainSubgraph();
        long[] estimates = new long[g.operators().size()];
        for (int i = 0; i < estimates.length; i++) {
            estimates[i] = Math.round(CALL + kernel(model, g, g.operators().get(i)));
        }
        return estimates;
    }

    private static double kernel(Model model, Subgraph g, Operator op) {
        BuiltinOperator b = model.operatorCode(op).builtin();
        long macs = MacCounter.count(model, op);
        Tensor in = g.tensor(op.inputs().get(0));
        Tensor out = g.tensor(op.output(0));
        long outputs = out.elementCount();
        if (b == null) {
            return OTHER_PER_ELEMENT * outputs;
        }
        return switch (b) {
            case CONV_2D -> {
                int[] filter = shape(g.tensor(op.inputs().get(1)));
                int[] input = shape(in);
                int[] output = shape(out);
                if (filter[3] != input[3]) {
                    long taps = outputs * filter[1] * filter[2];
                    yield CONV_PER_MAC * macs + CONV_PER_TAP * taps + CONV_PER_OUTPUT * outputs;
                }
                OperatorOptions.Conv2D o = (OperatorOptions.Conv2D) op.options();
                boolean pointwise = filter[1] == 1 && filter[2] == 1 && o.strideH() == 1 && o.strideW() == 1
                        && input[1] == output[1] && input[2] == output[2];
                long depth = (long) filter[1] * filter[2] * filter[3];
                long pixels = outputs / output[3];
                // Copied as int8 first where in_d % 4 != 0: one memcpy per filter row, or per tap when the row's
                // taps are dilated apart.
                double copies = filter[3] % 4 == 0 ? 0
                        : o.dilationW() > 1 ? IM2COL_PER_TAP * filter[1] * filter[2] : IM2COL_PER_ROW * filter[1];
                yield pointwise ? liveOrWhole(model, g.tensor(op.inputs().get(1)), pixels, output[3], depth)
                        : im2col(pixels, output[3], depth, copies);
            }
            case DEPTHWISE_CONV_2D -> {
                int[] filter = shape(g.tensor(op.inputs().get(1)));
                int[] output = shape(out);
                OperatorOptions.DepthwiseConv2D o = (OperatorOptions.DepthwiseConv2D) op.options();
                if (shape(in)[3] == 1) {
                    yield im2col(outputs / output[3], output[3], (long) filter[1] * filter[2],
                            IM2COL_PER_ROW * filter[1]);
                }
                boolean threeByThree = filter[1] == 3 && filter[2] == 3 && o.dilationH() == 1 && o.dilationW() == 1
                        && shape(in)[3] % 4 == 0;
                if (o.depthMultiplier() == 1 && threeByThree) {
                    yield DEPTHWISE_3X3_PER_MAC * macs + DEPTHWISE_3X3_PER_OUTPUT * outputs;
                }
                yield o.depthMultiplier() == 1 ? DEPTHWISE_DM1_PER_MAC * macs + DEPTHWISE_DM1_PER_OUTPUT * outputs
                        : DEPTHWISE_PER_MAC * macs + DEPTHWISE_PER_OUTPUT * outputs;
            }
            case FULLY_CONNECTED -> {
                Tensor filter = g.tensor(op.inputs().get(1));
                boolean offset = !filter.quantization().isPerChannel() && !filter.quantization().zeroPoint().isEmpty()
                        && filter.quantization().zeroPoint().get(0) != 0;
                long depth = shape(filter)[1];
                long rows = in.elementCount() / Math.max(1, depth);
                yield offset ? DENSE_PER_MAC * macs + DENSE_PER_OUTPUT * outputs
                        : rows >= 2 && LiveBlock.of(filterRows(model, filter)).isPresent()
                                ? liveOrWhole(model, filter, rows, shape(filter)[0], depth)
                        : rows >= 3 ? matmul(rows, shape(filter)[0], depth)
                        : rows == 1 ? row(outputs, depth) : vector(outputs, depth);
            }
            case MAX_POOL_2D, AVERAGE_POOL_2D -> {
                OperatorOptions.Pool2D o = (OperatorOptions.Pool2D) op.options();
                yield POOL_PER_WINDOW_ELEMENT * outputs * o.filterHeight() * o.filterWidth() + POOL_PER_OUTPUT * outputs;
            }
            case ADD, SUB -> ADD_PER_ELEMENT * outputs;
            case MUL -> MUL_PER_ELEMENT * outputs;
            case RELU, LEAKY_RELU -> REQUANTIZE_PER_ELEMENT * outputs;
            case RELU6 -> CLAMP_PER_ELEMENT * outputs;
            case QUANTIZE -> (in.type() == TensorType.FLOAT32 ? QUANTIZE_FLOAT_PER_ELEMENT : REQUANTIZE_PER_ELEMENT)
                    * outputs;
            case DEQUANTIZE -> DEQUANTIZE_PER_ELEMENT * outputs;
            case TANH, LOGISTIC -> TRANSCENDENTAL_PER_ELEMENT * outputs;
            case SOFTMAX -> {
                int[] s = shape(out);
                long depth = s.length == 0 ? 1 : Math.max(1, s[s.length - 1]);
                yield SOFTMAX_PER_ELEMENT * outputs + SOFTMAX_PER_ROW * (outputs / depth);
            }
            case MEAN -> MEAN_PER_INPUT * in.elementCount() + MEAN_PER_OUTPUT * outputs;
            case PAD, PADV2 -> {
                int[] s = shape(in);
                long rows = s.length == 0 ? 1 : in.elementCount() / Math.max(1, s[s.length - 1]);
                yield PAD_PER_ROW * rows + PAD_PER_OUTPUT_BYTE * outputs * byteSize(out);
            }
            case TRANSPOSE -> TRANSPOSE_PER_ELEMENT * outputs;
            default -> COPIES.contains(b) ? COPY_PER_BYTE * outputs * byteSize(out)
                    : FOLDED.contains(b) ? 0 : OTHER_PER_ELEMENT * outputs;
        };
    }

    /** Multiply-accumulates of the paired filter layout: channels rounded up to even, depth to a multiple of 4. */
    private static double paddedMacs(long rows, long channels, long depth) {
        return (double) rows * ((channels + 1) / 2 * 2) * ((depth + 3) / 4 * 4);
    }

    /** Three rows at a time (pointwise CONV_2D, batched FULLY_CONNECTED). */
    private static double matmul(long rows, long channels, long depth) {
        return MATMUL_PER_MAC * paddedMacs(rows, channels, depth) + MATMUL_PER_OUTPUT * rows * channels;
    }

    /** A matrix product over the filter's live block where it has one (see {@link LiveBlock}), else the whole. */
    private static double liveOrWhole(Model model, Tensor filter, long rows, long channels, long depth) {
        return LiveBlock.of(filterRows(model, filter)).map(live -> matmul(rows, live.liveOut().length,
                live.liveIn().length) + rows * (LIVE_PER_ROW + LIVE_GATHER_PER_DEPTH * live.liveIn().length
                        + COPY_PER_BYTE * channels + LIVE_SCATTER_PER_OUTPUT * live.liveOut().length))
                .orElseGet(() -> matmul(rows, channels, depth));
    }

    /** A constant filter as rows of its first dimension. */
    private static byte[][] filterRows(Model model, Tensor filter) {
        byte[] bytes = model.bufferOf(filter).bytes();
        int rows = shape(filter)[0];
        int depth = rows == 0 ? 0 : bytes.length / rows;
        byte[][] out = new byte[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = java.util.Arrays.copyOfRange(bytes, r * depth, (r + 1) * depth);
        }
        return out;
    }

    /** Two rows (batch-2 FULLY_CONNECTED), one at a time: packed over whole blocks of 4 depths, a scalar tail. */
    private static double vector(long outputs, long depth) {
        return VECTOR_PER_MAC * outputs * (depth - depth % 4) + SCALAR_TAIL_PER_MAC * outputs * (depth % 4)
                + VECTOR_PER_OUTPUT * outputs;
    }

    /** Batch 1: whole blocks of 4 depths packed, a scalar tail of depth % 4. */
    private static double row(long outputs, long depth) {
        return ROW_PER_MAC * outputs * (depth - depth % 4) + SCALAR_TAIL_PER_MAC * outputs * (depth % 4)
                + ROW_PER_OUTPUT * outputs;
    }

    /** Two im2col columns at a time; copies: the cost per column of copying it as int8 first (in_d % 4 != 0). */
    private static double im2col(long pixels, long channels, long depth, double copies) {
        return IM2COL_PER_MAC * paddedMacs(pixels, channels, depth) + IM2COL_PER_OUTPUT * pixels * channels
                + IM2COL_PER_BYTE * pixels * depth + copies * pixels;
    }

    private static int[] shape(Tensor t) {
        return t.shape().stream().mapToInt(Integer::intValue).toArray();
    }

    private static int byteSize(Tensor t) {
        return t.type().byteSize();
    }

    public static double milliseconds(long instructions, Board board) {
        return instructions * board.cyclesPerInstruction() / (board.clockMhz() * 1000.0);
    }
}
