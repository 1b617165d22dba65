package dev.littlebrain.train;

import dev.littlebrain.tflite.Buffer;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Operator;
import dev.littlebrain.tflite.OperatorCode;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.Padding;
import dev.littlebrain.tflite.Subgraph;
import dev.littlebrain.tflite.Tensor;
import dev.littlebrain.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a trained {@link ModelSpec} as a float32 TFLite graph with batch 1: BatchNorm folded into the conv or
 * dense before it (when that layer has no activation), Dropout removed, RELU/RELU6 fused into the op, other
 * activations and softmax as their own ops. 1D layers run as their 2D TFLite ops on a {@code [1, 1, W, C]} view.
 */
public final class TfliteExport {
    private final List<Tensor> tensors = new ArrayList<>();
    private final List<Buffer> buffers = new ArrayList<>(List.of(Buffer.EMPTY));
    private final List<Operator> operators = new ArrayList<>();
    private final Map<BuiltinOperator, Integer> opcodes = new LinkedHashMap<>();
    private int current;
    private int[] currentShape;

    private TfliteExport() {
    }

    public static Model of(ModelSpec spec, TrainedParameters params) {
        return new TfliteExport().build(spec, params);
    }

    private Model build(ModelSpec spec, TrainedParameters params) {
        List<LayerSpec> layers = spec.layers();
        List<int[]> shapes = spec.shapes();
        currentShape = batched(shapes.get(0));
        current = addTensor("input", currentShape, 0);
        int input = current;
        for (int i = 1; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            int[] in = shapes.get(i - 1);
            int[] out = shapes.get(i);
            String name = "layer" + i;
            if (layer instanceof LayerSpec.Reshape || layer instanceof LayerSpec.Flatten) {
                view(batched(out));
            } else if (layer instanceof LayerSpec.Dropout) {
                continue;
            } else if (layer instanceof LayerSpec.Activate a) {
                activation(a.activation(), name, out);
            } else if (layer instanceof LayerSpec.BatchNorm) {
                float[][] ss = batchNormScaleShift(params, i);
                int c = in[in.length - 1];
                view(batched(in));
                int scale = addConstant(name + "/scale", new int[] {c}, ss[0]);
                int shift = addConstant(name + "/shift", new int[] {c}, ss[1]);
                int mul = addTensor(name + "/mul", currentShape, 0);
                addOp(BuiltinOperator.MUL, new int[] {current, scale}, mul,
                        OperatorOptions.MulDiv.mul(dev.littlebrain.tflite.Activation.NONE));
                int add = addTensor(name, currentShape, 0);
                addOp(BuiltinOperator.ADD, new int[] {mul, shift}, add,
                        OperatorOptions.AddSub.add(dev.littlebrain.tflite.Activation.NONE));
                current = add;
            } else if (layer instanceof LayerSpec.Pool1D p) {
                view(new int[] {1, 1, in[0], in[1]});
                pool(p.max(), new OperatorOptions.Pool2D(p.padding(), p.stride(), 1, p.pool(), 1,
                        dev.littlebrain.tflite.Activation.NONE), name, new int[] {1, 1, out[0], out[1]});
            } else if (layer instanceof LayerSpec.Pool2D p) {
                view(batched(in));
                pool(p.max(), new OperatorOptions.Pool2D(p.padding(), p.strideW(), p.strideH(), p.poolW(), p.poolH(),
                        dev.littlebrain.tflite.Activation.NONE), name, batched(out));
            } else if (layer instanceof LayerSpec.GlobalAveragePool) {
                view(batched(in));
                int[] axes = in.length == 2 ? new int[] {1} : new int[] {1, 2};
                int axesTensor = addIntConstant(name + "/axes", axes);
                int o = addTensor(name, batched(out), 0);
                addOp(BuiltinOperator.MEAN, new int[] {current, axesTensor}, o, new OperatorOptions.Reducer(false));
                current = o;
                currentShape = batched(out);
            } else {
                i = weighted(layers, i, in, out, params);
            }
        }
        view(batched(spec.outputShape()));
        List<OperatorCode> codes = new ArrayList<>();
        for (BuiltinOperator op : opcodes.keySet()) {
            codes.add(OperatorCode.builtin(op));
        }
        Subgraph main = new Subgraph("main", tensors, List.of(input), List.of(current), operators);
        return new Model(Model.SCHEMA_VERSION, codes, List.of(main), "LittleBrain train (float32)", buffers,
                List.of(), List.of());
    }

    /** Conv1D/Conv2D/DepthwiseConv2D/Dense at {@code i}, folding a following BatchNorm and activation; returns the last layer consumed. */
    private int weighted(List<LayerSpec> layers, int i, int[] in, int[] out, TrainedParameters params) {
        LayerSpec layer = layers.get(i);
        String name = "layer" + i;
        TrainedParameters.Weights w = params.get(i, "weight");
        float[] weight = w.values().clone();
        float[] bias = params.get(i, "bias").values().clone();
        Activation act = activationOf(layer);
        int last = i;
        if (act == Activation.NONE && last + 1 < layers.size() && layers.get(last + 1) instanceof LayerSpec.BatchNorm) {
            // y = gamma * (conv(x) + b - mean) / sqrt(var + eps) + beta: scale each output channel's filter.
            float[][] ss = batchNormScaleShift(params, last + 1);
            int perChannel = weight.length / bias.length;
            for (int o = 0; o < bias.length; o++) {
                for (int k = 0; k < perChannel; k++) {
                    weight[o * perChannel + k] *= ss[0][o];
                }
                bias[o] = bias[o] * ss[0][o] + ss[1][o];
            }
            last++;
        }
        if (act == Activation.NONE && last + 1 < layers.size() && layers.get(last + 1) instanceof LayerSpec.Activate a) {
            act = a.activation();
            last++;
        }
        dev.littlebrain.tflite.Activation fused = switch (act) {
            case RELU -> dev.littlebrain.tflite.Activation.RELU;
            case RELU6 -> dev.littlebrain.tflite.Activation.RELU6;
            default -> dev.littlebrain.tflite.Activation.NONE;
        };
        int[] outShape;
        if (layer instanceof LayerSpec.Dense) {
            view(batched(in));
            int filter = addConstant(name + "/weights", w.shape(), weight);
            int b = addConstant(name + "/bias", new int[] {bias.length}, bias);
            outShape = batched(out);
            int o = addTensor(name, outShape, 0);
            addOp(BuiltinOperator.FULLY_CONNECTED, new int[] {current, filter, b}, o,
                    new OperatorOptions.FullyConnected(fused, 0, false, false));
            current = o;
        } else if (layer instanceof LayerSpec.Conv1D c) {
            // PyTorch [out, in, k] -> TFLite [out, 1, k, in].
            int[] s = w.shape();
            float[] filter = new float[weight.length];
            for (int o = 0; o < s[0]; o++) {
                for (int ch = 0; ch < s[1]; ch++) {
                    for (int k = 0; k < s[2]; k++) {
                        filter[(o * s[2] + k) * s[1] + ch] = weight[(o * s[1] + ch) * s[2] + k];
                    }
                }
            }
            view(new int[] {1, 1, in[0], in[1]});
            int f = addConstant(name + "/filter", new int[] {s[0], 1, s[2], s[1]}, filter);
            int b = addConstant(name + "/bias", new int[] {bias.length}, bias);
            outShape = new int[] {1, 1, out[0], out[1]};
            int o = addTensor(name, outShape, 0);
            addOp(BuiltinOperator.CONV_2D, new int[] {current, f, b}, o,
                    new OperatorOptions.Conv2D(c.padding(), c.stride(), 1, fused, 1, 1));
            current = o;
        } else if (layer instanceof LayerSpec.Conv2D c) {
            // PyTorch [out, in, kH, kW] -> TFLite [out, kH, kW, in].
            float[] filter = ohwi(weight, w.shape());
            int[] s = w.shape();
            view(batched(in));
            int f = addConstant(name + "/filter", new int[] {s[0], s[2], s[3], s[1]}, filter);
            int b = addConstant(name + "/bias", new int[] {bias.length}, bias);
            outShape = batched(out);
            int o = addTensor(name, outShape, 0);
            addOp(BuiltinOperator.CONV_2D, new int[] {current, f, b}, o,
                    new OperatorOptions.Conv2D(c.padding(), c.strideW(), c.strideH(), fused, 1, 1));
            current = o;
        } else if (layer instanceof LayerSpec.DepthwiseConv2D c) {
            // PyTorch [C, 1, kH, kW] -> TFLite [1, kH, kW, C].
            int[] s = w.shape();
            float[] filter = ohwi(weight, s);
            float[] dw = new float[filter.length];
            int hw = s[2] * s[3];
            for (int ch = 0; ch < s[0]; ch++) {
                for (int k = 0; k < hw; k++) {
                    dw[k * s[0] + ch] = filter[ch * hw + k];
                }
            }
            view(batched(in));
            int f = addConstant(name + "/filter", new int[] {1, s[2], s[3], s[0]}, dw);
            int b = addConstant(name + "/bias", new int[] {bias.length}, bias);
            outShape = batched(out);
            int o = addTensor(name, outShape, 0);
            addOp(BuiltinOperator.DEPTHWISE_CONV_2D, new int[] {current, f, b}, o,
                    new OperatorOptions.DepthwiseConv2D(c.padding(), c.strideW(), c.strideH(), 1, fused, 1, 1));
            current = o;
        } else {
            throw new IllegalArgumentException("cannot export layer " + i + " (" + layer.describe() + ")");
        }
        currentShape = outShape;
        if (fused == dev.littlebrain.tflite.Activation.NONE) {
            activation(act, name + "/act", out);
        }
        return last;
    }

    private static Activation activationOf(LayerSpec layer) {
        if (layer instanceof LayerSpec.Dense d) {
            return d.activation();
        } else if (layer instanceof LayerSpec.Conv1D c) {
            return c.activation();
        } else if (layer instanceof LayerSpec.Conv2D c) {
            return c.activation();
        } else if (layer instanceof LayerSpec.DepthwiseConv2D c) {
            return c.activation();
        }
        return Activation.NONE;
    }

    private void activation(Activation act, String name, int[] logical) {
        BuiltinOperator op = switch (act) {
            case NONE -> null;
            case RELU -> BuiltinOperator.RELU;
            case RELU6 -> BuiltinOperator.RELU6;
            case TANH -> BuiltinOperator.TANH;
            case SIGMOID -> BuiltinOperator.LOGISTIC;
            case SOFTMAX -> BuiltinOperator.SOFTMAX;
        };
        if (op == null) {
            return;
        }
        if (op == BuiltinOperator.SOFTMAX) {
            view(batched(logical)); // softmax runs over the last axis
        }
        int o = addTensor(name, currentShape, 0);
        addOp(op, new int[] {current}, o,
                op == BuiltinOperator.SOFTMAX ? new OperatorOptions.Softmax(1f) : new OperatorOptions.None());
        current = o;
    }

    private void pool(boolean max, OperatorOptions.Pool2D options, String name, int[] outShape) {
        int o = addTensor(name, outShape, 0);
        addOp(max ? BuiltinOperator.MAX_POOL_2D : BuiltinOperator.AVERAGE_POOL_2D, new int[] {current}, o, options);
        current = o;
        currentShape = outShape;
    }

    /** Makes the current tensor have {@code shape}, inserting a RESHAPE when it differs. */
    private void view(int[] shape) {
        if (Arrays.equals(shape, currentShape)) {
            return;
        }
        int shapeTensor = addIntConstant("reshape" + operators.size() + "/shape", shape);
        int o = addTensor("reshape" + operators.size(), shape, 0);
        addOp(BuiltinOperator.RESHAPE, new int[] {current, shapeTensor}, o,
                new OperatorOptions.Reshape(Arrays.stream(shape).boxed().toList()));
        current = o;
        currentShape = shape;
    }

    private static float[][] batchNormScaleShift(TrainedParameters params, int layer) {
        float[] gamma = params.get(layer, "gamma").values();
        float[] beta = params.get(layer, "beta").values();
        float[] mean = params.get(layer, "mean").values();
        float[] var = params.get(layer, "var").values();
        float[] scale = new float[gamma.length];
        float[] shift = new float[gamma.length];
        for (int c = 0; c < gamma.length; c++) {
            scale[c] = (float) (gamma[c] / Math.sqrt(var[c] + LayerSpec.BatchNorm.EPSILON));
            shift[c] = beta[c] - mean[c] * scale[c];
        }
        return new float[][] {scale, shift};
    }

    /** [O, I, H, W] -> [O, H, W, I]. */
    private static float[] ohwi(float[] w, int[] s) {
        float[] out = new float[w.length];
        for (int o = 0; o < s[0]; o++) {
            for (int c = 0; c < s[1]; c++) {
                for (int h = 0; h < s[2]; h++) {
                    for (int x = 0; x < s[3]; x++) {
                        out[((o * s[2] + h) * s[3] + x) * s[1] + c] = w[((o * s[1] + c) * s[2] + h) * s[3] + x];
                    }
                }
            }
        }
        return out;
    }

    private void addOp(BuiltinOperator op, int[] inputs, int output, OperatorOptions options) {
        int code = opcodes.computeIfAbsent(op, k -> opcodes.size());
        operators.add(new Operator(code, inputs, new int[] {output}, options));
    }

    private int addTensor(String name, int[] shape, int buffer) {
        tensors.add(new Tensor(name, shape, TensorType.FLOAT32, buffer, null));
        return tensors.size() - 1;
    }

    private int addConstant(String name, int[] shape, float[] values) {
        ByteBuffer bb = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bb.putFloat(v);
        }
        buffers.add(Buffer.of(bb.array()));
        return addTensor(name, shape, buffers.size() - 1);
    }

    private int addIntConstant(String name, int[] values) {
        ByteBuffer bb = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            bb.putInt(v);
        }
        buffers.add(Buffer.of(bb.array()));
        tensors.add(new Tensor(name, new int[] {values.length}, TensorType.INT32, buffers.size() - 1, null));
        return tensors.size() - 1;
    }

    private static int[] batched(int[] shape) {
        int[] out = new int[shape.length + 1];
        out[0] = 1;
        System.arraycopy(shape, 0, out, 1, shape.length);
        return out;
    }
}
