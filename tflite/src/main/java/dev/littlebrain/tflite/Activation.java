package dev.littlebrain.tflite;

/** Fused activation functions, with their file-format codes (the enum order). */
public enum Activation {
    NONE,
    RELU,
    RELU_N1_TO_1,
    RELU6,
    TANH,
    SIGN_BIT;

    public static Activation of(int code) {
        Activation[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("unknown fused activation code " + code);
        }
        return all[code];
    }

    public int code() {
        return ordinal();
    }
}
