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
    /**
     * The keyword-spotting defaults, the one place they are set (projects without a {@code continuous:} section,
     * the CLI's options and their help take them from here): Edge Impulse's and TFLM's usual 4 slices per window,
     * an average of 3 runs, threshold 0.8 and 1 s of suppression.
     */
    public static final int DEFAULT_SLICES = 4;
    public static final int DEFAULT_AVERAGED_WINDOWS = 3;
    public static final double DEFAULT_THRESHOLD = 0.8;
    public static final long DEFAULT_SUPPRESSION_MS = 1000;
    /** The labels of a keyword spotter that never fire: background noise, other words, silence. */
    public static final Set<String> SILENT_LABELS = Set.of("_noise_", "_unknown_", "_silence_");

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
        return new ContinuousConfig(sampleRate, windowSamples / DEFAULT_SLICES, DEFAULT_AVERAGED_WINDOWS,
                (float) DEFAULT_THRESHOLD, DEFAULT_SUPPRESSION_MS, labels, SILENT_LABELS);
    }

    public ContinuousConfig withThreshold(float t) {
        return new ContinuousConfig(sampleRate, sliceSamples, averagedWindows, t, suppressionMs, labels, silentLabels);
    }

    public long sliceMs() {
        return sliceSamples * 1000L / sampleRate;
    }
}
