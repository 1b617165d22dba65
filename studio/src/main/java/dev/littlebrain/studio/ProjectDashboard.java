package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.TrainingRecord;
import dev.littlebrain.impulse.data.DatasetDescription;
import dev.littlebrain.impulse.data.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

/**
 * What the studio's dashboard shows of a project: the impulse as designed, the data per label and split, the last
 * training, and which models exist. The same facts the CLI's {@code data stats} and {@code training.json} give.
 *
 * @param data     empty before any data was imported
 * @param training empty before the first training
 */
public record ProjectDashboard(String name, Impulse impulse, Optional<DatasetDescription> data,
        Optional<TrainingRecord> training, @JsonProperty("int8_model") boolean int8Model) {

    /** The impulse's blocks and their settings, as impulse.yaml declares them. */
    public record Impulse(@JsonProperty("input_type") String inputType, @JsonProperty("frequency_hz") double frequencyHz,
            @JsonProperty("window_ms") int windowMs, @JsonProperty("dsp_block") String dspBlock,
            @JsonProperty("dsp_parameters") Map<String, String> dspParameters,
            @JsonProperty("learn_preset") String learnPreset, int epochs) {
    }

    static ProjectDashboard of(Project project) throws IOException {
        ImpulseConfig c = project.impulse();
        Impulse impulse = new Impulse(c.input().type(), c.input().frequencyHz(), c.input().windowMs(),
                c.dsp().block(), c.dsp().parameters(), c.learn().preset(), c.learn().epochs());
        Optional<DatasetDescription> data = Files.isDirectory(project.layout().data())
                ? Optional.of(Datasets.describe(project.layout().data(), Progress.NONE)) : Optional.empty();
        return new ProjectDashboard(project.layout().dir().toAbsolutePath().normalize().getFileName().toString(), impulse, data,
                TrainingRecord.readIfPresent(project.layout().trainingRecord()),
                Files.isRegularFile(project.layout().int8Model()));
    }
}
