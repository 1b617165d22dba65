package dev.littlebrain.impulse.deploy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of a deploy; each {@link DeployFormat} reads those its {@link DeployFormat#options()} name.
 *
 * @param symbol      the C array's name ({@link DeployOption#SYMBOL})
 * @param libraryName the Arduino library's name; empty: {@code LittleBrain_} and the model file's or project's name
 * @param labels      a bare model's output labels; a project's deploy carries its trained labels and takes none
 * @param continuous  how a project's export sets up {@code run_classifier_continuous}
 */
public record DeployOptions(String symbol, Optional<String> libraryName, List<String> labels,
        ContinuousSettings continuous) {
    /** The C array name TensorFlow Lite Micro's examples use. */
    public static final String DEFAULT_SYMBOL = "g_model";
    /** The default symbol, a derived library name, no labels, the project's continuous settings. */
    public static final DeployOptions DEFAULTS = new DeployOptions(DEFAULT_SYMBOL, Optional.empty(), List.of(),
            ContinuousSettings.PROJECT);

    public DeployOptions {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(libraryName, "libraryName");
        labels = List.copyOf(labels);
        Objects.requireNonNull(continuous, "continuous");
    }

    public DeployOptions withSymbol(String name) {
        return new DeployOptions(name, libraryName, labels, continuous);
    }

    public DeployOptions withLibraryName(String name) {
        return new DeployOptions(symbol, Optional.of(name), labels, continuous);
    }

    public DeployOptions withLabels(List<String> outputLabels) {
        return new DeployOptions(symbol, libraryName, outputLabels, continuous);
    }

    public DeployOptions withContinuous(ContinuousSettings settings) {
        return new DeployOptions(symbol, libraryName, labels, settings);
    }
}
