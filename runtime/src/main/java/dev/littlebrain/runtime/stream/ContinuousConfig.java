package dev.littlebrain.runtime.stream;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param keywordThresholds keywords that fire at their own threshold instead of {@code threshold}: a keyword whose
 *        scores run lower than the others' (one heard in many other words, or said in many ways) would otherwise
 *        be held to a bar set for the loudest one
 */
public record ContinuousConfig(int sampleRate, int sliceSamples, int averagedWindows, float threshold,
        long suppressionMs, List<String> labels, Set<String> silentLabels, Map<String, Float> keywordThresholds) {
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

    /** One threshold for every keyword. */
    public ContinuousConfig(int sampleRate, int sliceSamples, int averagedWindows, float threshold,
            long suppressionMs, List<String> labels, Set<String> silentLabels) {
        this(sampleRate, sliceSamples, averagedWindows, threshold, suppressionMs, labels, silentLabels, Map.of());
    }

    public ContinuousConfig {
        labels = List.copyOf(labels);
        silentLabels = Set.copyOf(silentLabels);
        // In the order given: generated C and impulse.yaml list them so.
        keywordThresholds = Collections.unmodifiableMap(new LinkedHashMap<>(keywordThresholds));
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
        for (Map.Entry<String, Float> e : keywordThresholds.entrySet()) {
            if (!labels.contains(e.getKey()) || silentLabels.contains(e.getKey())) {
                throw new IllegalArgumentException("a threshold is given for '" + e.getKey() + "', which is not a"
                        + " keyword of the model (its labels: " + labels + ")");
            }
            float t = e.getValue();
            if (!(t > 0 && t <= 1)) {
                throw new IllegalArgumentException("the threshold of '" + e.getKey() + "' must be in (0, 1], got " + t);
            }
        }
    }

    /** Keyword spotting defaults: 4 slices per window, average of 3 runs, threshold 0.8, 1 s suppression. */
    public static ContinuousConfig keywordSpotting(int sampleRate, int windowSamples, List<String> labels) {
        return new ContinuousConfig(sampleRate, windowSamples / DEFAULT_SLICES, DEFAULT_AVERAGED_WINDOWS,
                (float) DEFAULT_THRESHOLD, DEFAULT_SUPPRESSION_MS, labels, SILENT_LABELS);
    }

    /** The same settings with one threshold {@code t} for every keyword (any keyword's own is dropped). */
    public ContinuousConfig withThreshold(float t) {
        return new ContinuousConfig(sampleRate, sliceSamples, averagedWindows, t, suppressionMs, labels, silentLabels);
    }

    /** The same settings where the keywords of {@code thresholds} fire at their own threshold. */
    public ContinuousConfig withKeywordThresholds(Map<String, Float> thresholds) {
        return new ContinuousConfig(sampleRate, sliceSamples, averagedWindows, threshold, suppressionMs, labels,
                silentLabels, thresholds);
    }

    /** The averaged score at which the label at {@code index} fires. */
    public float thresholdOf(int index) {
        return keywordThresholds.getOrDefault(labels.get(index), threshold);
    }

    public long sliceMs() {
        return sliceSamples * 1000L / sampleRate;
    }
}
