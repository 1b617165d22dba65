package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.littlebrain.data.stats.DatasetStats;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.TrainingRecord;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the workspace's Projects page: what kind of impulse the project is, how much data it has per split,
 * whether it is trained and how well it did. A project whose impulse.yaml cannot be read is still listed, with the
 * one line saying why.
 *
 * @param validationAccuracy the best epoch's validation accuracy in training.json; empty before training
 * @param testAccuracy       the int8 model's accuracy in its last test (reports/test.json, by the studio or the CLI);
 *                           empty before one, and after a retraining until the new model is tested
 * @param error              why the project could not be read; empty when it could
 */
public record ProjectSummary(String name, String url, Optional<Kind> kind, Optional<Split> samples, boolean trained,
        @JsonProperty("validation_accuracy") Optional<Float> validationAccuracy,
        @JsonProperty("test_accuracy") Optional<Double> testAccuracy, Optional<String> error) {

    /** The impulse's input and blocks: what tells a motion classifier from a keyword spotter. */
    public record Kind(@JsonProperty("input_type") String inputType, @JsonProperty("dsp_block") String dspBlock,
            @JsonProperty("learn_preset") String learnPreset) {
    }

    /** Samples per split, every label together. */
    public record Split(int train, int validation, int test) {
    }

    /** The page of the project {@code name} is at {@code p/NAME/}, relative to the Projects page. */
    static String url(String name) {
        return "p/" + name + "/";
    }

    static ProjectSummary of(String name, Path dir) {
        try {
            ProjectDashboard d = ProjectDashboard.of(Project.open(dir));
            Kind kind = new Kind(d.impulse().inputType(), d.impulse().dspBlock(), d.impulse().learnPreset());
            Optional<Split> samples = d.data().map(data -> split(data.stats()));
            Optional<Float> validation = d.training().flatMap(ProjectSummary::bestValidationAccuracy);
            Optional<Double> testAccuracy = d.lastTest().flatMap(ProjectDashboard.LastTest::currentInt8Accuracy);
            return new ProjectSummary(name, url(name), Optional.of(kind), samples, d.int8Model(), validation,
                    testAccuracy, Optional.empty());
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            return new ProjectSummary(name, url(name), Optional.empty(), Optional.empty(), false, Optional.empty(),
                    Optional.empty(), Optional.of(why));
        }
    }

    private static Split split(DatasetStats stats) {
        return new Split(stats.rows().stream().mapToInt(DatasetStats.ClassStats::train).sum(),
                stats.rows().stream().mapToInt(DatasetStats.ClassStats::validation).sum(),
                stats.rows().stream().mapToInt(DatasetStats.ClassStats::test).sum());
    }

    /** The validation accuracy of the epoch training kept (best_epoch), or of the last one when none is named. */
    private static Optional<Float> bestValidationAccuracy(TrainingRecord t) {
        if (t.history() == null || t.history().isEmpty()) {
            return Optional.empty();
        }
        return t.history().stream().filter(e -> t.bestEpoch() != null && e.epoch() == t.bestEpoch()).findFirst()
                .or(() -> Optional.of(t.history().get(t.history().size() - 1)))
                .map(TrainingRecord.Epoch::valAccuracy).filter(Objects::nonNull);
    }
}
