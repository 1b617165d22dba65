package dev.littlebrain.runtime.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The decision step of continuous classification, shared by {@link StreamingClassifier} and offline
 * threshold sweeps: the loudest non-silent label whose averaged score reaches its threshold fires,
 * unless a detection happened less than {@code suppressionMs} ago. Not thread-safe.
 */
public final class DetectionDecider {
    private final ContinuousConfig config;
    private final boolean[] silent;
    private final float[] thresholds;
    private long quietUntilMs = Long.MIN_VALUE;

    public DetectionDecider(ContinuousConfig config) {
        this.config = config;
        this.silent = new boolean[config.labels().size()];
        this.thresholds = new float[silent.length];
        for (int c = 0; c < silent.length; c++) {
            silent[c] = config.silentLabels().contains(config.labels().get(c));
            thresholds[c] = config.thresholdOf(c);
        }
    }

    /** The detection made by the averaged scores of the run that ended at {@code nowMs}, if any. */
    public Optional<Detection> decide(float[] averaged, long nowMs) {
        if (nowMs < quietUntilMs) {
            return Optional.empty();
        }
        int best = -1;
        for (int c = 0; c < averaged.length; c++) {
            if (!silent[c] && averaged[c] >= thresholds[c] && (best < 0 || averaged[c] > averaged[best])) {
                best = c;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        quietUntilMs = nowMs + config.suppressionMs();
        return Optional.of(new Detection(config.labels().get(best), nowMs, averaged[best]));
    }

    /** The detections a {@link StreamingClassifier} with {@code config} makes on a stream with these recorded scores. */
    public static List<Detection> replay(ContinuousConfig config, List<ScoredSlice> slices) {
        DetectionDecider decider = new DetectionDecider(config);
        List<Detection> out = new ArrayList<>();
        for (ScoredSlice s : slices) {
            decider.decide(s.averaged(), s.timeMs()).ifPresent(out::add);
        }
        return out;
    }
}
