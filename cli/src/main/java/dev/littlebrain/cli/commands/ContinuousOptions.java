package dev.littlebrain.cli.commands;

import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The continuous-classification settings shared by {@code classify --stream}, {@code listen}, {@code test --stream}
 * and {@code deploy --project}: each option, when given, overrides the project's {@code continuous:} setting (or,
 * without a project, the keyword-spotting defaults).
 */
final class ContinuousOptions {

    @Option(names = "--slices", description = "Model runs per window (default: the project's continuous.slices, else "
            + ContinuousConfig.DEFAULT_SLICES + ").")
    Integer slices;

    @Option(names = "--average", description = "Runs averaged before a decision (default: the project's, else "
            + ContinuousConfig.DEFAULT_AVERAGED_WINDOWS + ").")
    Integer average;

    @Option(names = "--threshold", description = "Averaged score that fires a keyword (default: the project's, else "
            + ContinuousConfig.DEFAULT_THRESHOLD + ").")
    Float threshold;

    @Option(names = "--suppression-ms", description = "Quiet time after a detection (default: the project's, else "
            + ContinuousConfig.DEFAULT_SUPPRESSION_MS + ").")
    Long suppressionMs;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The configuration for a model with {@code labels} over windows of {@code windowSamples} at {@code rate}. */
    ContinuousConfig config(int rate, int windowSamples, List<String> labels) {
        return config(rate, windowSamples, labels, ImpulseConfig.Continuous.DEFAULTS);
    }

    /** The same with {@code project}'s settings where no option is given. */
    ContinuousConfig config(int rate, int windowSamples, List<String> labels, ImpulseConfig.Continuous project) {
        int s = slices != null ? slices : project.slices();
        if (s < 1 || windowSamples % s != 0) {
            throw new ParameterException(spec.commandLine(), "--slices " + s + " must divide the window ("
                    + windowSamples + " samples)");
        }
        // Named by the option the user typed, not by the runtime's field names.
        if (average != null && average < 1) {
            throw new ParameterException(spec.commandLine(), "--average must be at least 1 run, got " + average);
        }
        if (threshold != null && !(threshold > 0 && threshold <= 1)) {
            throw new ParameterException(spec.commandLine(), "--threshold must be above 0 and at most 1, got "
                    + threshold);
        }
        if (suppressionMs != null && suppressionMs < 0) {
            throw new ParameterException(spec.commandLine(), "--suppression-ms must be 0 or more, got "
                    + suppressionMs);
        }
        try {
            return new ContinuousConfig(rate, windowSamples / s, average != null ? average : project.average(),
                    threshold != null ? threshold : (float) project.threshold(),
                    suppressionMs != null ? suppressionMs : project.suppressionMs(), labels, ContinuousConfig.SILENT_LABELS,
                    // --threshold sets one for every keyword; else the keywords' own from impulse.yaml.
                    threshold != null ? Map.of() : project.keywordThresholds());
        } catch (IllegalArgumentException e) {
            // --average, --threshold or --suppression-ms out of range: a usage error, as for --slices.
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
