package dev.littlebrain.runtime.params;

/**
 * What an operator's {@code prepare} derived from its tensors' shapes, quantization and options: TFLite Micro's
 * {@code OpData}, made an immutable value. The Java kernel computes with it and the C generator emits it as
 * constants, so every multiplier, shift, range and table is derived once, by the kernel's preparation.
 *
 * <p>An interpreter hands out the record each operator was prepared with
 * ({@link dev.littlebrain.runtime.Interpreter#params(int, Class)}). Kernels that derive nothing (pure data
 * movement) and float kernels, which the C generator does not compile, yield {@link #NONE}.
 */
public sealed interface KernelParams permits KernelParams.None, AddParams, ConcatenationParams, ConvParams,
        DepthwiseParams, DequantizeParams, FullyConnectedParams, LeakyReluParams, MeanParams, MulParams, PadParams,
        PoolParams, QuantizeParams, Relu6Params, RequantizeParams, SoftmaxParams, TanhLogisticParams,
        TransposeParams {

    /** For a kernel that derives nothing a generator needs. */
    KernelParams NONE = new None();

    /** The record of {@link #NONE}. */
    record None() implements KernelParams {
    }
}
