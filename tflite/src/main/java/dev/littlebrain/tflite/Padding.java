package dev.littlebrain.tflite;

/** Spatial padding of convolutions and pools, as TensorFlow defines it. */
public enum Padding {
    SAME,
    VALID;

    public static Padding of(int code) {
        return code == 1 ? VALID : SAME;
    }

    public int code() {
        return ordinal();
    }
}
