package dev.littlebrain.impulse.deploy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A setting of {@link DeployOptions} that a {@link DeployFormat} reads; a format ignores the others. */
public enum DeployOption {
    /** The C array's name ({@link DeployOptions#symbol()}). */
    SYMBOL("the C array's name"),
    /** The Arduino library's name ({@link DeployOptions#libraryName()}). */
    LIBRARY_NAME("the Arduino library's name"),
    /** A bare model's output labels, for {@code lb_model.h} (a project's export carries its trained labels). */
    LABELS("the output's labels, in score order, for lb_model.h"),
    /** The settings of {@code run_classifier_continuous} in a project's export ({@link ContinuousSettings}). */
    CONTINUOUS("run_classifier_continuous's slices, averaging, threshold and suppression");

    private final String help;

    DeployOption(String help) {
        this.help = help;
    }

    /** The setting's name in JSON: {@code symbol}, {@code library_name}, {@code labels}, {@code continuous}. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One line saying what the setting is. */
    public String help() {
        return help;
    }
}
