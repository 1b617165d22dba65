package dev.littlebrain.train;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One training for a {@link TrainingBackend}: the model, how to fit it, where, on which data, and where to keep its
 * checkpoint.
 *
 * @param validation the validation set; empty: early stopping watches the training loss
 * @param checkpoint written after every epoch and resumed from when it matches this job; empty: none
 * @param keepCheckpoint whether the checkpoint of the finished training stays (an ensemble keeps each finished
 *     member's until the whole ensemble is written); otherwise it is deleted once training finishes
 */
public record TrainingJob(ModelSpec spec, TrainingConfig config, TrainingDevice device, LabeledFeatures train,
        LabeledFeatures validation, Optional<Path> checkpoint, boolean keepCheckpoint) {

    public TrainingJob {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(checkpoint, "checkpoint");
    }
}
