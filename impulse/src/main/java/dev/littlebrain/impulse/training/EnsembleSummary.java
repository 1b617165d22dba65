package dev.littlebrain.impulse.training;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.littlebrain.impulse.TrainingRecord;
import java.nio.file.Path;

/**
 * What {@code ensemble} did: how many models it joined, the model files it replaced, where it kept the members and
 * the training record it wrote.
 */
@JsonPropertyOrder({"members", "float_model", "int8_model", "kept_in", "record"})
public record EnsembleSummary(int members,
        @JsonProperty("float_model") Path floatModel,
        @JsonProperty("int8_model") Path int8Model,
        @JsonProperty("kept_in") Path keptIn,
        TrainingRecord record) {

    /** How the joined model combines its members, in words. */
    public String combination() {
        return mean(members);
    }

    static String mean(int members) {
        return "mean of " + members + " members' scores";
    }
}
