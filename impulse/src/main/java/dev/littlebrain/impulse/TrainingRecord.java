package dev.littlebrain.impulse;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.littlebrain.data.augment.SpecAugment;
import dev.littlebrain.files.AtomicFiles;
import dev.littlebrain.files.Json;
import dev.littlebrain.train.EpochStats;
import dev.littlebrain.train.TrainingConfig;
import dev.littlebrain.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code models/training.json}: how the project's model was trained and, above all, the labels of its outputs in
 * order. {@code train} writes it (for an ensemble: the first member's settings and history at the top level, each
 * member's in {@code members}); {@code ensemble} writes it with each member's {@code source} and {@code kept_in}.
 *
 * <p>The file is read back as older versions wrote it: every field may be absent (a model copied in with only
 * {@code {"labels": [...]}} is a valid record), and fields this version does not know are ignored. Absent fields
 * are left out when it is written again, except {@code class_weights} and {@code spec_augment}, which {@code train}
 * has always written, as {@code null} for none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"preset", "epochs", "learning_rate", "batch_size", "seed", "class_weights", "spec_augment",
    "best_epoch", "history", "labels", "input_shape", "calibration_samples", "members", "source", "kept_in"})
public record TrainingRecord(
        String preset,
        Integer epochs,
        @JsonProperty("learning_rate") Float learningRate,
        @JsonProperty("batch_size") Integer batchSize,
        Long seed,
        @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("class_weights") float[] classWeights,
        @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("spec_augment") Masks specAugment,
        @JsonProperty("best_epoch") Integer bestEpoch,
        List<Epoch> history,
        List<String> labels,
        @JsonProperty("input_shape") List<Integer> inputShape,
        @JsonProperty("calibration_samples") Integer calibrationSamples,
        List<TrainingRecord> members,
        String source,
        @JsonProperty("kept_in") String keptIn) {

    /** SpecAugment's masks as the record names them. */
    @JsonPropertyOrder({"time_masks", "time_mask_frames", "frequency_masks", "frequency_mask_bins"})
    public record Masks(@JsonProperty("time_masks") int timeMasks, @JsonProperty("time_mask_frames") int timeMaskFrames,
            @JsonProperty("frequency_masks") int frequencyMasks,
            @JsonProperty("frequency_mask_bins") int frequencyMaskBins) {
    }

    /** One finished epoch; a figure that was not finite (no validation set) is null. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"epoch", "loss", "accuracy", "val_loss", "val_accuracy", "time_ms"})
    public record Epoch(int epoch, Float loss, Float accuracy, @JsonProperty("val_loss") Float valLoss,
            @JsonProperty("val_accuracy") Float valAccuracy, @JsonProperty("time_ms") long timeMs) {

        public static Epoch of(EpochStats s) {
            return new Epoch(s.epoch(), finite(s.loss()), finite(s.accuracy()), finite(s.valLoss()),
                    finite(s.valAccuracy()), s.epochTime().toMillis());
        }

        private static Float finite(float v) {
            return Float.isFinite(v) ? v : null;
        }
    }

    /** One trained model's settings and history, without the project's facts ({@link #forProject} adds them). */
    public static TrainingRecord member(String preset, TrainingConfig config, TrainingResult result) {
        SpecAugment masks = config.specAugment() == null ? null : config.specAugment().masks();
        return new TrainingRecord(preset, config.epochs(), config.learningRate(), config.batchSize(), config.seed(),
                config.classWeights(), masks == null ? null : new Masks(masks.timeMasks(), masks.maxTimeWidth(),
                        masks.frequencyMasks(), masks.maxFrequencyWidth()),
                result.bestEpoch(), result.history().stream().map(Epoch::of).toList(), null, null, null, null, null,
                null);
    }

    /** This record with the labels it was trained on, its input shape and how many samples calibrated it. */
    public TrainingRecord forProject(List<String> labels, List<Integer> inputShape, int calibrationSamples) {
        return new TrainingRecord(preset, epochs, learningRate, batchSize, seed, classWeights, specAugment, bestEpoch,
                history, labels, inputShape, calibrationSamples, members, source, keptIn);
    }

    /** This record listing {@code members} (an ensemble's). */
    public TrainingRecord withMembers(List<TrainingRecord> members) {
        return new TrainingRecord(preset, epochs, learningRate, batchSize, seed, classWeights, specAugment, bestEpoch,
                history, labels, inputShape, calibrationSamples, List.copyOf(members), source, keptIn);
    }

    /** This record as a member of an ensemble: where it came from and where the ensemble keeps its files. */
    public TrainingRecord keptAsMember(String source, String keptIn) {
        return new TrainingRecord(preset, epochs, learningRate, batchSize, seed, classWeights, specAugment, bestEpoch,
                history, labels, inputShape, calibrationSamples, members, source, keptIn);
    }

    /** Whether this record is an ensemble's (it lists members). */
    @JsonIgnore
    public boolean isEnsemble() {
        return members != null;
    }

    /** The labels of the model's outputs, in order; empty when the record does not say. */
    public Optional<List<String>> trainedLabels() {
        return Optional.ofNullable(labels);
    }

    /**
     * Reads {@code file}; a file that is not a training record is one line naming it.
     *
     * @throws IllegalArgumentException when the file is not JSON of this shape
     */
    public static TrainingRecord read(Path file) throws IOException {
        try {
            return Json.reader().readValue(Files.readAllBytes(file), TrainingRecord.class);
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException(file + " is not a training record (" + why + "); run 'littlebrain train'"
                    + " again");
        }
    }

    /** The record in {@code file}, or empty when there is no such file. */
    public static Optional<TrainingRecord> readIfPresent(Path file) throws IOException {
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** The file's bytes: indented JSON, fields in the order above. */
    public byte[] toJson() throws JsonProcessingException {
        return Json.indented().writeValueAsBytes(this);
    }

    /** Writes the record to {@code file} atomically (a reader never sees half a record). */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, toJson());
    }
}
