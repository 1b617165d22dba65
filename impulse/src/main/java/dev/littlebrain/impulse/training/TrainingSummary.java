package dev.littlebrain.impulse.training;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.littlebrain.impulse.TrainingRecord;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code train} did: the record it wrote to training.json, how long it took, the best epoch of each member,
 * and the files it wrote.
 *
 * @param device where it trained, as PyTorch named it ("cpu", "gpu(0)")
 * @param seconds wall-clock time of the members' training (features and file writing excluded)
 * @param bestEpochs per member, the epoch whose weights were kept
 * @param calibrationSamples how many training samples calibrated the int8 model
 * @param curves the loss/accuracy PNG of each member
 */
@JsonPropertyOrder({"device", "seconds", "best_epochs", "calibration_samples", "float_model", "int8_model",
    "training_record", "curves", "record"})
public record TrainingSummary(String device, double seconds, @JsonProperty("best_epochs") List<Integer> bestEpochs,
        @JsonProperty("calibration_samples") int calibrationSamples,
        @JsonProperty("float_model") Path floatModel,
        @JsonProperty("int8_model") Path int8Model,
        @JsonProperty("training_record") Path trainingRecord,
        List<Path> curves,
        TrainingRecord record) {

    public TrainingSummary {
        bestEpochs = List.copyOf(bestEpochs);
        curves = List.copyOf(curves);
    }

    /** Whether several members were trained and joined into one model. */
    @JsonIgnore
    public boolean isEnsemble() {
        return bestEpochs.size() > 1;
    }
}
