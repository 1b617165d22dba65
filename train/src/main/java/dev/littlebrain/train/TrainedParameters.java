package dev.littlebrain.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's parameters as plain Java arrays, keyed {@code "<layer index>.<name>"} with PyTorch layouts:
 * conv weights {@code [out, in, k]} / {@code [out, in, kH, kW]}, dense weights {@code [units, in]}, BatchNorm
 * {@code gamma, beta, mean, var}. Independent of DJL so export needs no native engine.
 */
public record TrainedParameters(Map<String, Weights> values) {

    public record Weights(int[] shape, float[] values) {
        public Weights {
            shape = shape.clone();
            values = values.clone();
            if (LayerSpec.product(shape) != values.length) {
                throw new IllegalArgumentException("shape does not match value count");
            }
        }
    }

    public TrainedParameters {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Weights get(int layer, String name) {
        Weights w = values.get(layer + "." + name);
        if (w == null) {
            throw new IllegalArgumentException("no parameter " + layer + "." + name);
        }
        return w;
    }
}
