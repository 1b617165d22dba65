package dev.littlebrain.train;

import java.util.List;

/** Parameters of the epoch kept (by {@link TrainingConfig#keep}) and the per-epoch history. */
public record TrainingResult(TrainedParameters parameters, List<EpochStats> history, int bestEpoch) {
    public TrainingResult {
        history = List.copyOf(history);
    }
}
