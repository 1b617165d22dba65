package dev.littlebrain.cli.commands;

import dev.littlebrain.runtime.stream.ContinuousConfig;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The continuous-classification settings shared by {@code classify --stream} and {@code listen}. */
final class ContinuousOptions {

    @Option(names = "--slices", defaultValue = "4", description = "Model runs per window (default: ${DEFAULT-VALUE}).")
    int slices;

    @Option(names = "--average", defaultValue = "3", description = "Runs averaged before a decision (default: ${DEFAULT-VALUE}).")
    int average;

    @Option(names = "--threshold", defaultValue = "0.8", description = "Averaged score that fires a keyword (default: ${DEFAULT-VALUE}).")
    float threshold;

    @Option(names = "--suppression-ms", defaultValue = "1000", description = "Quiet time after a detection (default: ${DEFAULT-VALUE}).")
    long suppressionMs;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The configuration for a model with {@code labels} over windows of {@code windowSamples} at {@code rate}. */
    ContinuousConfig config(int rate, int windowSamples, List<String> labels) {
        if (slices < 1 || windowSamples % slices != 0) {
            throw new ParameterException(spec.commandLine(), "--slices " + slices + " must divide the window (" + windowSamples
                    + " samples)");
        }
        return new ContinuousConfig(rate, windowSamples / slices, average, threshold, suppressionMs, labels,
                StreamEvaluation.SILENT);
    }
}
