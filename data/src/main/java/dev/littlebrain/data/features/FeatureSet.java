package dev.littlebrain.data.features;

import java.util.List;

/**
 * Feature vectors in the order of the samples asked for, and how many were computed rather than
 * read from the cache.
 */
public record FeatureSet(String configKey, List<float[]> features, int computed, int reused) {
    public FeatureSet {
        features = List.copyOf(features);
    }
}
