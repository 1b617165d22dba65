package dev.littlebrain.train;

/** Activation applied after a layer, named as in Keras. */
public enum Activation {
    NONE,
    RELU,
    RELU6,
    TANH,
    SIGMOID,
    SOFTMAX
}
