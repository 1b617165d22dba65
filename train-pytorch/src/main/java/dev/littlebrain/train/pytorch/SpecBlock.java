package dev.littlebrain.train.pytorch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import dev.littlebrain.train.Activation;
import dev.littlebrain.train.LayerSpec;
import dev.littlebrain.train.ModelSpec;
import dev.littlebrain.tflite.Padding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network of a {@link ModelSpec} as one DJL block. Activations stay channels-last between layers, as in
 * TensorFlow, so Flatten and Dense see the same element order as the exported TFLite graph; convolutions and
 * pools transpose to PyTorch's channels-first around the op. SAME padding is explicit and asymmetric (the
 * extra element after), which is what TensorFlow and TFLite compute. The block returns logits when the last
 * layer ends in softmax; the softmax is left to the loss and to {@link Network#predict}.
 */
final class SpecBlock extends AbstractBlock {
    /** PyTorch convention (weight of the new batch statistic), its default. */
    static final float BN_MOMENTUM = 0.1f;
    /** Keras' glorot_uniform: U(-sqrt(6 / (fanIn + fanOut)), +...). */
    private static final Initializer GLOROT = new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
            XavierInitializer.FactorType.AVG, 3);

    private final ModelSpec spec;
    private final List<int[]> shapes;
    private final Map<String, Parameter> byKey = new LinkedHashMap<>();

    SpecBlock(ModelSpec spec) {
        this.spec = spec;
        this.shapes = spec.shapes();
        List<LayerSpec> layers = spec.layers();
        for (int i = 1; i < layers.size(); i++) {
            int[] in = shapes.get(i - 1);
            int channels = in[in.length - 1];
            LayerSpec layer = layers.get(i);
                if (layer instanceof LayerSpec.Conv1D c) {
                    weightAndBias(i, new Shape(c.filters(), channels, c.kernel()), c.filters());
                } else if (layer instanceof LayerSpec.Conv2D c) {
                    weightAndBias(i, new Shape(c.filters(), channels, c.kernelH(), c.kernelW()),
                        c.filters());
                } else if (layer instanceof LayerSpec.DepthwiseConv2D c) {
                    weightAndBias(i, new Shape(channels, 1, c.kernelH(), c.kernelW()),
                        channels);
                } else if (layer instanceof LayerSpec.Dense d) {
                    weightAndBias(i, new Shape(d.units(), in[0]), d.units());
                } else if (layer instanceof LayerSpec.BatchNorm b) {
                    add(i, "gamma", Parameter.Type.GAMMA, new Shape(channels), Initializer.ONES, true);
                    add(i, "beta", Parameter.Type.BETA, new Shape(channels), Initializer.ZEROS, true);
                    add(i, "mean", Parameter.Type.RUNNING_MEAN, new Shape(channels), Initializer.ZEROS, false);
                    add(i, "var", Parameter.Type.RUNNING_VAR, new Shape(channels), Initializer.ONES, false);
                }
            }
    }

    ModelSpec spec() {
        return spec;
    }

    Map<String, Parameter> parametersByKey() {
        return byKey;
    }

    /** True when the spec's last layer applies softmax, which this block leaves out. */
    boolean endsInSoftmax() {
        LayerSpec last = spec.layers().get(spec.layers().size() - 1);
        return (last instanceof LayerSpec.Dense d && d.activation() == Activation.SOFTMAX)
                || (last instanceof LayerSpec.Activate a && a.activation() == Activation.SOFTMAX);
    }

    private void weightAndBias(int layer, Shape weight, int bias) {
        add(layer, "weight", Parameter.Type.WEIGHT, weight, GLOROT, true);
        add(layer, "bias", Parameter.Type.BIAS, new Shape(bias), Initializer.ZEROS, true);
    }

    private void add(int layer, String name, Parameter.Type type, Shape shape, Initializer init, boolean grad) {
        Parameter p = addParameter(Parameter.builder().setName(layer + "." + name).setType(type).optShape(shape)
                .optInitializer(init).optRequiresGrad(grad).build());
        byKey.put(layer + "." + name, p);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long[] dims = new long[spec.outputShape().length + 1];
        dims[0] = inputShapes[0].get(0);
        for (int i = 0; i < spec.outputShape().length; i++) {
            dims[i + 1] = spec.outputShape()[i];
        }
        return new Shape[] {new Shape(dims)};
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long n = x.getShape().get(0);
        List<LayerSpec> layers = spec.layers();
        x = x.reshape(batched(n, shapes.get(0)));
        for (int i = 1; i < layers.size(); i++) {
            int[] in = shapes.get(i - 1);
            boolean last = i == layers.size() - 1;
            LayerSpec layer = layers.get(i);
                if (layer instanceof LayerSpec.Input ignored) {
                    throw new IllegalStateException();
                } else if (layer instanceof LayerSpec.Reshape r) {
                    x = x.reshape(batched(n, r.shape()));
                } else if (layer instanceof LayerSpec.Flatten f) {
                    x = x.reshape(n, -1);
                } else if (layer instanceof LayerSpec.Dropout d) {
                    x = d.rate() == 0 ? x : Dropout.dropout(x, d.rate(), training).singletonOrThrow();
                } else if (layer instanceof LayerSpec.Dense d) {
                    x = Linear.linear(x, value(ps, x, i, "weight", training), value(ps, x, i, "bias", training))
                            .singletonOrThrow();
                    x = activate(x, d.activation(), last);
                } else if (layer instanceof LayerSpec.Activate a) {
                    x = activate(x, a.activation(), last);
                } else if (layer instanceof LayerSpec.Conv1D c) {
                    NDArray t = x.transpose(0, 2, 1);
                    t = padSame(t, 2, in[0], c.kernel(), c.stride(), c.padding(), 0f);
                    t = Conv1d.conv1d(t, value(ps, x, i, "weight", training), value(ps, x, i, "bias", training),
                            new Shape(c.stride()), new Shape(0), new Shape(1), 1).singletonOrThrow();
                    x = activate(t.transpose(0, 2, 1), c.activation(), last);
                } else if (layer instanceof LayerSpec.Conv2D c) {
                    NDArray t = x.transpose(0, 3, 1, 2);
                    t = padSame(t, 2, in[0], c.kernelH(), c.strideH(), c.padding(), 0f);
                    t = padSame(t, 3, in[1], c.kernelW(), c.strideW(), c.padding(), 0f);
                    t = Conv2d.conv2d(t, value(ps, x, i, "weight", training), value(ps, x, i, "bias", training),
                            new Shape(c.strideH(), c.strideW()), new Shape(0, 0), new Shape(1, 1), 1).singletonOrThrow();
                    x = activate(t.transpose(0, 2, 3, 1), c.activation(), last);
                } else if (layer instanceof LayerSpec.DepthwiseConv2D c) {
                    NDArray t = x.transpose(0, 3, 1, 2);
                    t = padSame(t, 2, in[0], c.kernelH(), c.strideH(), c.padding(), 0f);
                    t = padSame(t, 3, in[1], c.kernelW(), c.strideW(), c.padding(), 0f);
                    t = Conv2d.conv2d(t, value(ps, x, i, "weight", training), value(ps, x, i, "bias", training),
                            new Shape(c.strideH(), c.strideW()), new Shape(0, 0), new Shape(1, 1), in[2])
                            .singletonOrThrow();
                    x = activate(t.transpose(0, 2, 3, 1), c.activation(), last);
                } else if (layer instanceof LayerSpec.Pool1D p) {
                    NDArray t = x.transpose(0, 2, 1);
                    Shape k = new Shape(p.pool());
                    Shape s = new Shape(p.stride());
                    if (p.max()) {
                        // Padding with -inf: TensorFlow's SAME max pool ignores the padded cells.
                        t = padSame(t, 2, in[0], p.pool(), p.stride(), p.padding(), Float.NEGATIVE_INFINITY);
                        t = Pool.maxPool1d(t, k, s, new Shape(0), false);
                    } else {
                        // TensorFlow's SAME average counts only real cells: divide by the pooled mask.
                        NDArray mask = padSame(t.getManager().ones(new Shape(1, 1, in[0])), 2, in[0], p.pool(),
                                p.stride(), p.padding(), 0f);
                        t = padSame(t, 2, in[0], p.pool(), p.stride(), p.padding(), 0f);
                        t = Pool.avgPool1d(t, k, s, new Shape(0), false, true)
                                .div(Pool.avgPool1d(mask, k, s, new Shape(0), false, true));
                    }
                    x = t.transpose(0, 2, 1);
                } else if (layer instanceof LayerSpec.Pool2D p) {
                    NDArray t = x.transpose(0, 3, 1, 2);
                    Shape k = new Shape(p.poolH(), p.poolW());
                    Shape s = new Shape(p.strideH(), p.strideW());
                    if (p.max()) {
                        t = padSame(t, 2, in[0], p.poolH(), p.strideH(), p.padding(), Float.NEGATIVE_INFINITY);
                        t = padSame(t, 3, in[1], p.poolW(), p.strideW(), p.padding(), Float.NEGATIVE_INFINITY);
                        t = Pool.maxPool2d(t, k, s, new Shape(0, 0), false);
                    } else {
                        NDArray mask = t.getManager().ones(new Shape(1, 1, in[0], in[1]));
                        mask = padSame(mask, 2, in[0], p.poolH(), p.strideH(), p.padding(), 0f);
                        mask = padSame(mask, 3, in[1], p.poolW(), p.strideW(), p.padding(), 0f);
                        t = padSame(t, 2, in[0], p.poolH(), p.strideH(), p.padding(), 0f);
                        t = padSame(t, 3, in[1], p.poolW(), p.strideW(), p.padding(), 0f);
                        t = Pool.avgPool2d(t, k, s, new Shape(0, 0), false, true)
                                .div(Pool.avgPool2d(mask, k, s, new Shape(0, 0), false, true));
                    }
                    x = t.transpose(0, 2, 3, 1);
                } else if (layer instanceof LayerSpec.GlobalAveragePool g) {
                    x = in.length == 2 ? x.mean(new int[] {1}) : x.mean(new int[] {1}).mean(new int[] {1});
                } else if (layer instanceof LayerSpec.BatchNorm b) {
                    int rank = in.length + 1;
                    NDArray t = rank == 2 ? x : x.transpose(channelsFirst(rank));
                    t = BatchNorm.batchNorm(t, value(ps, x, i, "mean", training), value(ps, x, i, "var", training),
                            value(ps, x, i, "gamma", training), value(ps, x, i, "beta", training), 1, BN_MOMENTUM,
                            LayerSpec.BatchNorm.EPSILON, training).singletonOrThrow();
                    x = rank == 2 ? t : t.transpose(channelsLast(rank));
                }
            }
        return new NDList(x);
    }

    private NDArray value(ParameterStore ps, NDArray x, int layer, String name, boolean training) {
        return ps.getValue(byKey.get(layer + "." + name), x.getDevice(), training);
    }

    private static NDArray activate(NDArray x, Activation a, boolean last) {
        return switch (a) {
            case NONE -> x;
            case RELU -> ai.djl.nn.Activation.relu(x);
            case RELU6 -> ai.djl.nn.Activation.relu6(x);
            case TANH -> ai.djl.nn.Activation.tanh(x);
            case SIGMOID -> ai.djl.nn.Activation.sigmoid(x);
            case SOFTMAX -> last ? x : x.softmax(-1);
        };
    }

    /** Pads {@code axis} of a channels-first tensor as TensorFlow's SAME does: extra element at the end. */
    private static NDArray padSame(NDArray t, int axis, int in, int kernel, int stride, Padding padding, float value) {
        int total = LayerSpec.padTotal(in, kernel, stride, padding);
        if (total == 0) {
            return t;
        }
        int before = total / 2;
        int after = total - before;
        NDManager m = t.getManager();
        NDList parts = new NDList();
        long[] dims = t.getShape().getShape();
        if (before > 0) {
            dims[axis] = before;
            parts.add(m.full(new Shape(dims), value, t.getDataType()));
        }
        parts.add(t);
        dims[axis] = after;
        parts.add(m.full(new Shape(dims), value, t.getDataType()));
        return NDArrays.concat(parts, axis);
    }

    private static Shape batched(long n, int[] shape) {
        long[] dims = new long[shape.length + 1];
        dims[0] = n;
        for (int i = 0; i < shape.length; i++) {
            dims[i + 1] = shape[i];
        }
        return new Shape(dims);
    }

    private static int[] channelsFirst(int rank) {
        int[] axes = new int[rank];
        axes[1] = rank - 1;
        for (int i = 2; i < rank; i++) {
            axes[i] = i - 1;
        }
        return axes;
    }

    private static int[] channelsLast(int rank) {
        int[] axes = new int[rank];
        for (int i = 1; i < rank - 1; i++) {
            axes[i] = i + 1;
        }
        axes[rank - 1] = 1;
        return axes;
    }
}
