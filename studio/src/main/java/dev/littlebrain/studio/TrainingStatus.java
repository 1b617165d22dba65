package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.impulse.TrainingRecord;
import dev.littlebrain.train.Checkpoint;
import dev.littlebrain.train.EpochStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the Training page shows before a job runs: the learn block's settings from impulse.yaml, the last training
 * (training.json, with its curves' history), and whether an interrupted training left a checkpoint that the next
 * training resumes from.
 *
 * @param checkpoint        whether a checkpoint of an unfinished training is waiting (the next train job resumes it
 *                          when the impulse and data are unchanged)
 * @param checkpointHistory the epochs that checkpoint holds (of the member training last, for an ensemble): the
 *                          curve so far of a training stopped by this server or an earlier one, which a job that
 *                          resumes it does not report again
 * @param checkpointEpochs  how many epochs that training was asked for (0 without a checkpoint): a train job of as
 *                          many epochs resumes it
 */
public record TrainingStatus(Learn learn, @JsonProperty("last_training") Optional<TrainingRecord> lastTraining,
        boolean checkpoint, @JsonProperty("checkpoint_history") List<TrainingRecord.Epoch> checkpointHistory,
        @JsonProperty("checkpoint_epochs") int checkpointEpochs) {

    /** The learn block as impulse.yaml declares it. */
    public record Learn(String preset, int epochs, @JsonProperty("learning_rate") double learningRate,
            @JsonProperty("batch_size") int batchSize, int members) {
    }

    static TrainingStatus of(Project project) throws IOException {
        ImpulseConfig.Learn l = project.impulse().learn();
        ProjectLayout layout = project.layout();
        int members = l.members().size();
        Optional<Path> latest = Optional.empty();
        for (int m = 0; m < members; m++) {
            Path file = layout.checkpoint(m, members);
            latest = Files.isRegularFile(file) ? Optional.of(file) : latest;
        }
        List<EpochStats> history = latest.map(TrainingStatus::history).orElse(List.of());
        return new TrainingStatus(new Learn(l.preset(), l.epochs(), l.learningRate(), l.batchSize(), members),
                TrainingRecord.readIfPresent(layout.trainingRecord()), latest.isPresent(),
                history.stream().map(TrainingRecord.Epoch::of).toList(),
                history.isEmpty() ? 0 : history.get(history.size() - 1).epochs());
    }

    /** A checkpoint's epochs; none from one that does not read (the next training ignores it too). */
    private static List<EpochStats> history(Path checkpoint) {
        try {
            return Checkpoint.history(checkpoint);
        } catch (IOException e) {
            return List.of();
        }
    }
}
