package dev.littlebrain.train;

/** Feature vectors (one row per sample, flattened) and their class indices. */
public record LabeledFeatures(float[][] features, int[] labels) {
    public LabeledFeatures {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }
}
