package dev.littlebrain.deploy.tflm;

import dev.littlebrain.deploy.tflm.KernelFootprint.Persistent;
import dev.littlebrain.deploy.tflm.KernelFootprint.Scratch;
import dev.littlebrain.deploy.tflm.KernelFootprint.Step;
import dev.littlebrain.deploy.tflm.KernelFootprint.TempTensor;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Operator;
import dev.littlebrain.tflite.OperatorCode;
import dev.littlebrain.tflite.Subgraph;
import dev.littlebrain.tflite.Tensor;
import dev.littlebrain.tflite.TensorType;
import java.util.ArrayList;
import java.util.List;

/**
 * The allocations of TensorFlow Lite Micro's <em>reference</em> kernels (tensorflow/lite/micro/kernels), per
 * operator: the parser's builtin data (flatbuffer_conversions.cc), the kernel's OpData, and what its Prepare
 * asks for. Conv and depthwise conv allocate per-channel multiplier and shift arrays; fully connected only when
 * its weights are quantized per channel; MEAN of int8/int16 requests an int32 scratch buffer per output element.
 * Reference kernels request no other scratch buffers (CMSIS-NN's do: see {@link TflmArenaEstimate#CMSIS_NN_MARGIN_BYTES}).
 */
public final class TflmKernels {
    private TflmKernels() {
    }

    public static KernelFootprint of(Model model, Operator op, TflmTarget t) {
        OperatorCode code = model.operatorCode(op);
        if (code.isCustom()) {
            throw new UnsupportedOperationException("no TFLM arena model for custom operator " + code.displayName());
        }
        Subgraph graph = model.mainSubgraph();
        BuiltinOperator b = code.builtin();
        return switch (b) {
            case CONV_2D -> convolution(op, t, graph.tensor(op.input(1)).shape().get(0), ints(t, 7));
            case DEPTHWISE_CONV_2D -> convolution(op, t, graph.tensor(op.input(1)).shape().get(3), ints(t, 7));
            case FULLY_CONNECTED -> fullyConnected(graph, op, t);
            // TfLitePoolParams: padding, strides, filter size, activation, computed padding (4 ints); OpDataPooling:
            // padding (4 ints), int activation range, float activation range.
            case AVERAGE_POOL_2D, MAX_POOL_2D -> new KernelFootprint(ints(t, 10), 32, temps(op, 1, 1));
            case SOFTMAX -> softmax(graph, op, t);
            case RESHAPE -> reshape(graph, op, t);
            // TfLiteShapeParams {out_type}; Prepare only checks counts.
            case SHAPE -> new KernelFootprint(ints(t, 1), 0, List.of());
            // TfLiteStridedSliceParams: five masks and `offset`; OpData is StridedSliceParams (3 x (int8 count +
            // int32[5]) + masks = 84 bytes).
            case STRIDED_SLICE -> new KernelFootprint(ints(t, 5).bool(), 84, temps(op, 4, 1));
            // TfLitePackParams {values_count, axis}; no Init, no Prepare.
            case PACK -> new KernelFootprint(ints(t, 2), 0, List.of());
            case EXPAND_DIMS -> new KernelFootprint(null, 0, temps(op, 2, 1));
            // TfLiteAddParams/TfLiteSubParams {activation, pot_scale_int16}; OpDataAdd/OpDataSub: broadcast flag
            // and 14 int32 multipliers, shifts, offsets and ranges.
            case ADD, SUB -> new KernelFootprint(ints(t, 1).bool(), 60, temps(op, 2, 1));
            // TfLiteMulParams {activation}; OpDataMul: 9 int32.
            case MUL -> new KernelFootprint(ints(t, 1), 36, temps(op, 2, 1));
            case MEAN -> mean(graph, op, t);
            // OpDataQuantizeReference / DequantizeOpData: QuantizationParams {int32, double} and three int32.
            case QUANTIZE, DEQUANTIZE -> new KernelFootprint(null, 32, temps(op, 1, 1));
            // Pad OpData: PadParams (two int8 counts with int32[5] paddings, resizing category), output zero point.
            case PAD, PADV2 -> new KernelFootprint(null, 56, temps(op, op.inputs().size(), 1));
            // TfLiteConcatenationParams {axis, activation}; OpData: ConcatenationParams (axis, zero point and scale
            // arrays, count, output zero point and scale).
            case CONCATENATION -> new KernelFootprint(ints(t, 2),
                    t.struct().ints(1).pointers(2).ints(3).size(), temps(op, op.inputs().size(), 1));
            // Logistic/tanh OpData: input zero point, range radius, multiplier, shift (and int16 look-ups).
            case LOGISTIC, TANH -> new KernelFootprint(null, 24, temps(op, 1, 1));
            // ReluOpData: ReluParams (offsets, multiplier, shift, range); Relu6OpData: int8/int16 six and zero.
            case RELU -> new KernelFootprint(null, 24, temps(op, 1, 1));
            case RELU6 -> new KernelFootprint(null, 6, temps(op, 1, 1));
            // TfLiteLeakyReluParams {alpha}; LeakyReluOpData: zero points, alpha and identity multipliers/shifts.
            case LEAKY_RELU -> new KernelFootprint(ints(t, 1), 24, temps(op, 1, 1));
            // TfLiteSqueezeParams {squeeze_dims[8], num_squeeze_dims}.
            case SQUEEZE -> new KernelFootprint(ints(t, 9), 0, temps(op, 1, 1));
            case TRANSPOSE -> new KernelFootprint(null, 0, temps(op, op.inputs().size(), 1));
            default -> throw new UnsupportedOperationException("no TFLM arena model for operator " + b);
        };
    }

    /**
     * Conv and depthwise conv share OpDataConv (padding, zero points, multiplier, shift, per-channel arrays,
     * activation range, filter buffer index). Prepare takes output, input and filter, allocates the per-channel
     * multipliers and shifts, then CalculateOpData takes input, filter, bias and output once more.
     */
    private static KernelFootprint convolution(Operator op, TflmTarget t, int channels, CLayout params) {
        int opData = t.struct().ints(9).pointers(2).ints(3).size();
        List<Step> steps = new ArrayList<>();
        steps.add(new TempTensor(op.output(0)));
        steps.add(new TempTensor(op.input(0)));
        steps.add(new TempTensor(op.input(1)));
        steps.add(new Persistent(4 * channels));
        steps.add(new Persistent(4 * channels));
        steps.add(new TempTensor(op.input(0)));
        steps.add(new TempTensor(op.input(1)));
        steps.add(new TempTensor(optionalInput(op, 2)));
        steps.add(new TempTensor(op.output(0)));
        return new KernelFootprint(params, opData, steps);
    }

    /** OpDataFullyConnected: eight int32, filter buffer index, per-channel arrays, is_per_channel. Per-channel
     * arrays only for per-channel weights (CalculateOpDataFullyConnected), while all four temps are held. */
    private static KernelFootprint fullyConnected(Subgraph graph, Operator op, TflmTarget t) {
        // TfLiteFullyConnectedParams: activation, weights_format, keep_num_dims, asymmetric_quantize_inputs,
        // quantized_bias_type.
        CLayout params = t.struct().ints(2).bool().bool().ints(1);
        int opData = t.struct().ints(9).pointers(2).bool().size();
        List<Step> steps = new ArrayList<>(List.of(new TempTensor(op.input(0)), new TempTensor(op.input(1)),
                new TempTensor(optionalInput(op, 2)), new TempTensor(op.output(0))));
        Tensor filter = graph.tensor(op.input(1));
        if (filter.quantization().scale().size() > 1) {
            steps.add(new Persistent(4 * filter.quantization().scale().size()));
            steps.add(new Persistent(4 * filter.quantization().scale().size()));
        }
        return new KernelFootprint(params, opData, steps);
    }

    /** TfLiteSoftmaxParams {beta}; SoftmaxParams: double beta, seven int32/float, five table pointers. int16 input
     * also allocates two 513-entry int16 look-up tables. */
    private static KernelFootprint softmax(Subgraph graph, Operator op, TflmTarget t) {
        int opData = t.struct().doubleField().ints(7).pointers(5).size();
        List<Step> steps = new ArrayList<>(temps(op, 1, 1));
        if (graph.tensor(op.input(0)).type() == TensorType.INT16) {
            steps.add(new Persistent(2 * 513));
            steps.add(new Persistent(2 * 513));
        }
        return new KernelFootprint(t.struct().ints(1), opData, steps);
    }

    /** TfLiteReshapeParams {shape[8], num_dimensions}; no Init. A -1 in the output shape makes Prepare copy the
     * output's dims into a persistent TfLiteIntArray. */
    private static KernelFootprint reshape(Subgraph graph, Operator op, TflmTarget t) {
        List<Step> steps = new ArrayList<>(List.of(new TempTensor(op.input(0)), new TempTensor(op.output(0))));
        List<Integer> shape = graph.tensor(op.output(0)).shape();
        if (shape.contains(-1)) {
            steps.add(new Persistent(4 + 4 * shape.size()));
        }
        return new KernelFootprint(ints(t, 9), 0, steps);
    }

    /** TfLiteReducerParams {keep_dims}; OpDataReduce: ten int32/float. Quantized MEAN requests an int32 scratch
     * accumulator per output element. */
    private static KernelFootprint mean(Subgraph graph, Operator op, TflmTarget t) {
        List<Step> steps = new ArrayList<>(temps(op, 2, 1));
        TensorType type = graph.tensor(op.input(0)).type();
        if (type == TensorType.INT8 || type == TensorType.INT16) {
            steps.add(new Scratch((int) (4 * graph.tensor(op.output(0)).elementCount())));
        }
        return new KernelFootprint(t.struct().bool(), 40, steps);
    }

    /** The first {@code inputs} inputs and {@code outputs} outputs as temp tensors, the way most Prepares take them. */
    private static List<Step> temps(Operator op, int inputs, int outputs) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            steps.add(new TempTensor(optionalInput(op, i)));
        }
        for (int i = 0; i < outputs && i < op.outputs().size(); i++) {
            steps.add(new TempTensor(op.output(i)));
        }
        return steps;
    }

    /** -1 for an input the operator omits: TFLM returns no tensor and allocates nothing for it. */
    private static int optionalInput(Operator op, int index) {
        return index < op.inputs().size() ? op.input(index) : -1;
    }

    private static CLayout ints(TflmTarget t, int count) {
        return t.struct().ints(count);
    }

}
