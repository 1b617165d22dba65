package dev.littlebrain.runtime.params;

/**
 * PAD and PADV2, as TFLite Micro's {@code pad.cc}: the input's and output's shapes, the padding before the input
 * in each dimension, and the pad element (PADV2's constant, else int8's output zero point or 0) as an integer:
 * an int8, int16 or int32 value, or a float32's bits.
 */
public record PadParams(IntArray inputShape, IntArray outputShape, IntArray padBefore, int padElement)
        implements KernelParams {
}
