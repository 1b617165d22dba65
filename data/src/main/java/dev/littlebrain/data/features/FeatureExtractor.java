package dev.littlebrain.data.features;

import dev.littlebrain.dsp.io.Signal;

/**
 * Turns one window of a sample into a feature vector. The data module knows no DSP block; the
 * CLI binds this interface to one (MFCC, MFE, spectrogram, spectral analysis).
 * Implementations must be thread-safe: the cache calls them from several threads.
 */
public interface FeatureExtractor {
    /**
     * A text that changes whenever the output could change: block name, version and every
     * parameter (e.g. {@code "mfcc/v1 coeffs=13 frame=0.02 stride=0.02 filters=32 fft=256"}). Features
     * cached under another key are never reused.
     */
    String configKey();

    float[] extract(Signal window);
}
