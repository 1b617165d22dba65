package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.impulse.TestRecord;
import dev.littlebrain.impulse.TrainingRecord;
import dev.littlebrain.impulse.data.DatasetDescription;
import dev.littlebrain.impulse.data.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

/**
 * What the studio's dashboard shows of a project: the impulse as designed, the data per label and split, the last
 * training and test, and which models exist. The same facts the CLI's {@code data stats}, {@code training.json} and
 * {@code reports/test.json} give, so they outlive the server that ran the jobs.
 *
 * @param data     empty before any data was imported
 * @param training empty before the first training
 * @param lastTest empty before the first test (by the studio or {@code littlebrain test})
 */
public record ProjectDashboard(String name, Impulse impulse, Optional<DatasetDescription> data,
        Optional<TrainingRecord> training, @JsonProperty("int8_model") boolean int8Model,
        @JsonProperty("last_test") Optional<LastTest> lastTest) {

    /**
     * The last test's record, and whether it is a test of the int8 model there now: after a retraining it is the
     * figures of a model that is gone, shown as such rather than as the model's.
     */
    public record LastTest(@JsonUnwrapped TestRecord record, boolean current) {
        static Optional<LastTest> of(ProjectLayout layout) throws IOException {
            Optional<TestRecord> record = TestRecord.read(layout);
            return record.isEmpty() ? Optional.empty()
                    : Optional.of(new LastTest(record.get(), record.get().isOf(layout.int8Model())));
        }

        /** The int8 model's accuracy, when the record is of the model there now. */
        Optional<Double> currentInt8Accuracy() {
            return current ? Optional.of(record.int8Figures().accuracy()) : Optional.empty();
        }
    }

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
                Files.isRegularFile(project.layout().int8Model()), LastTest.of(project.layout()));
    }
}
