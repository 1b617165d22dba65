package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.impulse.TrainingRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/**
 * What the Training page shows before a job runs: the learn block's settings from impulse.yaml, the last training
 * (training.json, with its curves' history), and whether an interrupted training left a checkpoint that the next
 * training resumes from.
 *
 * @param checkpoint whether a checkpoint of an unfinished training is waiting (the next train job resumes it when
 *                   the impulse and data are unchanged)
 */
public record TrainingStatus(Learn learn, @JsonProperty("last_training") Optional<TrainingRecord> lastTraining,
        boolean checkpoint) {

    /** The learn block as impulse.yaml declares it. */
    public record Learn(String preset, int epochs, @JsonProperty("learning_rate") double learningRate,
            @JsonProperty("batch_size") int batchSize, int members) {
    }

    static TrainingStatus of(Project project) throws IOException {
        ImpulseConfig.Learn l = project.impulse().learn();
        ProjectLayout layout = project.layout();
        int members = l.members().size();
        boolean checkpoint = false;
        for (int m = 0; m < members; m++) {
            checkpoint |= Files.isRegularFile(layout.checkpoint(m, members));
        }
        return new TrainingStatus(new Learn(l.preset(), l.epochs(), l.learningRate(), l.batchSize(), members),
                TrainingRecord.readIfPresent(layout.trainingRecord()), checkpoint);
    }
}
