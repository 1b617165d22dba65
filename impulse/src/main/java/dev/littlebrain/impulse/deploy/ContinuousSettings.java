package dev.littlebrain.impulse.deploy;

import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import java.util.List;

/**
 * How a project's export sets up {@code run_classifier_continuous}: from the project's {@code continuous:} settings
 * ({@link #PROJECT}), or with some of them overridden (the CLI's {@code --slices}, {@code --threshold} ..., which
 * report a bad value as a usage error of the option typed).
 */
@FunctionalInterface
public interface ContinuousSettings {

    /** The project's own settings. */
    ContinuousSettings PROJECT = (rate, windowSamples, labels, project) -> {
        if (windowSamples % project.slices() != 0) {
            throw new IllegalArgumentException("continuous.slices " + project.slices() + " must divide the window ("
                    + windowSamples + " samples): set it in impulse.yaml, e.g. 'continuous:' with 'slices: "
                    + nearestDivisor(windowSamples, project.slices()) + "'");
        }
        return new ContinuousConfig(rate, windowSamples / project.slices(), project.average(),
                (float) project.threshold(), project.suppressionMs(), labels, ContinuousConfig.SILENT_LABELS,
                project.keywordThresholds());
    };

    /** The divisor of {@code window} nearest {@code slices} (the larger on a tie): a slice count that fits. */
    private static int nearestDivisor(int window, int slices) {
        int best = 1;
        for (int d = 1; d <= window; d++) {
            if (window % d == 0 && Math.abs(d - slices) <= Math.abs(best - slices)) {
                best = d;
            }
        }
        return best;
    }

    /**
     * The settings for a model with {@code labels} over windows of {@code windowSamples} at {@code rate}, given the
     * project's {@code continuous:} settings.
     *
     * @throws IllegalArgumentException when a setting does not fit the window
     */
    ContinuousConfig config(int rate, int windowSamples, List<String> labels, ImpulseConfig.Continuous project);
}
