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
        return b.build();
    }
}
