package dev.littlebrain.runtime.stream;

import java.util.Optional;

/**
 * The feature side of continuous classification: takes one slice of audio and returns the feature
 * vector of the window that ends with it (computing only the new frames), or empty while the first
 * window is still filling. The DSP module's {@code StreamingFeatures} is one.
 */
@FunctionalInterface
public interface SliceFeatures {
    Optional<float[]> push(float[] slice);
}
