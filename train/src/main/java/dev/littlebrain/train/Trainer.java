package dev.littlebrain.train;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Fits a {@link ModelSpec} with Adam and softmax cross-entropy on the {@link TrainingBackend} found on the class
 * path. Reproducible on the CPU: the seed fixes the initial weights, dropout masks and batch order.
 */
public final class Trainer {
    private final ModelSpec spec;
    private final TrainingConfig config;
    private final TrainingDevice device;

    public Trainer(ModelSpec spec, TrainingConfig config) {
        this(spec, config, TrainingDevice.CPU);
    }

    public Trainer(ModelSpec spec, TrainingConfig config, TrainingDevice device) {
        this.spec = spec;
        this.config = config;
        this.device = device;
    }

    public TrainingResult fit(LabeledFeatures train, LabeledFeatures validation, Consumer<EpochStats> onEpoch) {
        return fit(train, validation, onEpoch, null, null);
    }

    /**
     * As {@link #fit(LabeledFeatures, LabeledFeatures, Consumer)}, writing a {@link Checkpoint} to {@code checkpoint}
     * (if not null) after every epoch and resuming from it when it matches this spec, config and data. A corrupt or
     * mismatched checkpoint is reported to {@code messages} and training restarts from scratch. The checkpoint is
     * deleted once training finishes.
     */
    public TrainingResult fit(LabeledFeatures train, LabeledFeatures validation, Consumer<EpochStats> onEpoch,
            Path checkpoint, Consumer<String> messages) {
        return fit(train, validation, onEpoch, checkpoint, messages, false);
    }

    /**
     * As {@link #fit(LabeledFeatures, LabeledFeatures, Consumer, Path, Consumer)}; with {@code keepCheckpoint} the
     * checkpoint of the finished run stays, to be deleted by the caller. An ensemble keeps each finished member's
     * until the whole ensemble is written, so a run interrupted in a later member does not train the earlier ones
     * again: fitting from a finished run's checkpoint returns its result at once, without an epoch.
     */
    public TrainingResult fit(LabeledFeatures train, LabeledFeatures validation, Consumer<EpochStats> onEpoch,
            Path checkpoint, Consumer<String> messages, boolean keepCheckpoint) {
        return fit(train, validation, checkpoint, keepCheckpoint, new TrainingListener() {
            @Override
            public void epoch(EpochStats stats) {
                if (onEpoch != null) {
                    onEpoch.accept(stats);
                }
            }

            @Override
            public void message(String line) {
                if (messages != null) {
                    messages.accept(line);
                }
            }
        });
    }

    /**
     * As {@link #fit(LabeledFeatures, LabeledFeatures, Consumer, Path, Consumer, boolean)}, telling {@code listener}
     * of each epoch and message and polling it for cancellation between batches.
     *
     * @throws java.util.concurrent.CancellationException when the listener cancelled the training; the checkpoint
     *     holds the last finished epoch
     * @throws IllegalStateException when no {@link TrainingBackend} is on the class path
     */
    public TrainingResult fit(LabeledFeatures train, LabeledFeatures validation, Path checkpoint,
            boolean keepCheckpoint, TrainingListener listener) {
        // This class's callers pass null for "no validation set" and "no checkpoint"; the backend gets values.
        LabeledFeatures validationSet = validation != null ? validation
                : new LabeledFeatures(new float[0][], new int[0]);
        return TrainingBackend.load().fit(new TrainingJob(spec, config, device, train, validationSet,
                Optional.ofNullable(checkpoint), keepCheckpoint), listener);
    }
}
