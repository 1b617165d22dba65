package dev.littlebrain.impulse.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.file.Path;
import java.util.List;

/**
 * The project's float and int8 models on its test split. As JSON (its {@link #json()}) it is {@code test --json}'s
 * object: each model's figures, misclassified samples by file (relative to the project) and label names.
 *
 * @param projectDir what the misclassified samples' files are shown relative to
 */
public record ClipReport(ClipEvaluation floatModel, ClipEvaluation int8Model, List<String> labels, int testSamples,
        Path projectDir) {

    public ClipReport {
        labels = List.copyOf(labels);
    }

    /** The report as {@code test --json} prints it. */
    @JsonValue
    public Json json() {
        return new Json(scores(floatModel), scores(int8Model), labels, testSamples);
    }

    private Scores scores(ClipEvaluation e) {
        List<Mistake> wrong = e.misclassified().stream().map(w -> new Mistake(relative(projectDir, w.file()),
                labels.get(w.actual()), labels.get(w.predicted()), w.confidence())).toList();
        return new Scores(e.accuracy(), e.f1Macro(), e.loss(), e.uncertainRate(), e.confusion(), wrong);
    }

    /** {@code file} relative to {@code projectDir} when inside it, with forward slashes on every system. */
    public static String relative(Path projectDir, Path file) {
        Path base = projectDir.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        return (f.startsWith(base) ? base.relativize(f) : f).toString().replace('\\', '/');
    }

    /** {@code test --json}'s object. */
    @JsonPropertyOrder({"float", "int8", "labels", "test_samples"})
    public record Json(@JsonProperty("float") Scores floatModel, @JsonProperty("int8") Scores int8Model,
            List<String> labels, @JsonProperty("test_samples") int testSamples) {
    }

    /** One model's figures. */
    @JsonPropertyOrder({"accuracy", "f1_macro", "loss", "uncertain_rate", "confusion", "misclassified"})
    public record Scores(double accuracy, @JsonProperty("f1_macro") double f1Macro, double loss,
            @JsonProperty("uncertain_rate") double uncertainRate, int[][] confusion, List<Mistake> misclassified) {
    }

    /** A test sample the model got wrong. */
    @JsonPropertyOrder({"file", "actual", "predicted", "confidence"})
    public record Mistake(String file, String actual, String predicted, double confidence) {
    }
}
