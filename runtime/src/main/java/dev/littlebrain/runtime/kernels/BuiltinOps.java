package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.OpResolver;
import dev.littlebrain.tflite.BuiltinOperator;

/** The resolver with every operator LittleBrain's runtime implements. */
public final class BuiltinOps {
    private BuiltinOps() {
    }

    public static OpResolver resolver() {
        OpResolver.Builder b = OpResolver.builder();
        // Kernels register here, one line each: b.add(BuiltinOperator.X, new XOp());
        b.add(BuiltinOperator.CONV_2D, new Conv2DOp());
        b.add(BuiltinOperator.DEPTHWISE_CONV_2D, new DepthwiseConv2DOp());
        b.add(BuiltinOperator.FULLY_CONNECTED, new FullyConnectedOp());
        b.add(BuiltinOperator.MAX_POOL_2D, new MaxPool2DOp());
        b.add(BuiltinOperator.AVERAGE_POOL_2D, new AveragePool2DOp());
        b.add(BuiltinOperator.PAD, new PadOp());
        b.add(BuiltinOperator.PADV2, new PadOp());
        b.add(BuiltinOperator.MEAN, new MeanOp());
        b.add(BuiltinOperator.ADD, new AddOp());
        b.add(BuiltinOperator.SUB, new SubOp());
        b.add(BuiltinOperator.MUL, new MulOp());
        b.add(BuiltinOperator.SOFTMAX, new SoftmaxOp());
        b.add(BuiltinOperator.LOGISTIC, new LogisticOp());
        b.add(BuiltinOperator.TANH, new TanhOp());
        b.add(BuiltinOperator.RELU, new ReluOp());
        b.add(BuiltinOperator.RELU6, new Relu6Op());
        b.add(BuiltinOperator.LEAKY_RELU, new LeakyReluOp());
        b.add(BuiltinOperator.CONCATENATION, new ConcatenationOp());
        b.add(BuiltinOperator.QUANTIZE, new QuantizeOp());
        b.add(BuiltinOperator.DEQUANTIZE, new DequantizeOp());
        b.add(BuiltinOperator.STRIDED_SLICE, new StridedSliceOp());
        b.add(BuiltinOperator.SHAPE, new ShapeOp());
        b.add(BuiltinOperator.PACK, new PackOp());
        b.add(BuiltinOperator.TRANSPOSE, new TransposeOp());
        b.add(BuiltinOperator.RESHAPE, new ReshapeOp());
        b.add(BuiltinOperator.SQUEEZE, new SqueezeOp());
        b.add(BuiltinOperator.EXPAND_DIMS, new ExpandDimsOp());
        return b.build();
    }
}
