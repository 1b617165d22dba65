package dev.littlebrain.runtime.stream;

import java.util.List;
import java.util.Set;

/**
 * Settings of continuous classification, as a device runs it: the model sees the last window every
 * slice, scores are averaged over the last {@code averagedWindows} runs, and a keyword fires when its
 * averaged score reaches {@code threshold}; after a detection nothing fires for {@code suppressionMs},
 * so one utterance gives one detection. Runs before the first count as zero scores (Edge Impulse's moving
 * average filter starts from a zeroed buffer): the first windows of a stream, which see a word cut by the
 * stream's start, cannot fire on one run alone.
 *
 * @param labels output labels in model order
 * @param silentLabels labels that never fire (e.g. {@code _noise_}, {@code _unknown_})
 */
public record ContinuousConfig(int sampleRate, int sliceSamples, int averagedWindows, float threshold,
        long suppressionMs, List<String> labels, Set<String> silentLabels) {

    public ContinuousConfig {
        labels = List.copyOf(labels);
        silentLabels = Set.copyOf(silentLabels);
        if (sampleRate <= 0 || sliceSamples <= 0) {
            throw new IllegalArgumentException("sample rate and slice length must be positive");
        }
        if (averagedWindows < 1) {
            throw new IllegalArgumentException("averagedWindows must be >= 1, got " + averagedWindows);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
        }
        if (suppressionMs < 0) {
            throw new IllegalArgumentException("suppressionMs must be >= 0");
        }
    }

    /** Keyword spotting defaults: 4 slices per window, average of 3 runs, threshold 0.8, 1 s suppression. */
    public static ContinuousConfig keywordSpotting(int sampleRate, int windowSamples, List<String> labels) {
        return new ContinuousConfig(sampleRate, windowSamples / 4, 3, 0.8f, 1000, labels,
                Set.of("_noise_", "_unknown_", "_silence_"));
    }

    public ContinuousConfig withThreshold(float t) {
        return new ContinuousConfig(sampleRate, sliceSamples, averagedWindows, t, suppressionMs, labels, silentLabels);
    }

    public long sliceMs() {
        return sliceSamples * 1000L / sampleRate;
    }
}
