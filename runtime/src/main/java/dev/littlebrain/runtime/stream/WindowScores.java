package dev.littlebrain.runtime.stream;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.tflite.TensorType;

/** One inference on one window's features, as the device runs it: the continuous classifier's and mining's. */
public final class WindowScores {
    private WindowScores() {
    }

    /** {@code features} quantized as the input tensor asks, the model run, its scores dequantized to probabilities. */
    public static float[] of(Interpreter interpreter, float[] features) {
        TensorView input = interpreter.input(0);
        if (features.length != input.elementCount()) {
            throw new IllegalArgumentException("features have " + features.length + " values but the model input "
                    + java.util.Arrays.toString(input.shape()) + " takes " + input.elementCount());
        }
        if (input.type() != TensorType.FLOAT32 && input.type() != TensorType.INT8) {
            throw new IllegalArgumentException("model input type " + input.type().dtypeName() + " is not supported");
        }
        for (int i = 0; i < features.length; i++) {
            input.setReal(i, features[i]);
        }
        interpreter.invoke();
        TensorView output = interpreter.output(0);
        float[] scores = new float[output.elementCount()];
        for (int c = 0; c < scores.length; c++) {
            scores[c] = (float) output.real(c);
        }
        return scores;
    }
}
