package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.littlebrain.impulse.TestRecord.ClassScores;
import dev.littlebrain.impulse.evaluation.ClipReport;
import java.util.List;

/**
 * A test job's result: {@code test --json}'s report as it is, with each model's precision, recall and F1 per class
 * (the table the CLI prints), taken from the evaluation rather than worked out again in the page.
 */
public record TestResult(ClipReport report, @JsonProperty("per_class") PerClass perClass,
        @JsonProperty("min_confidence") double minConfidence) {

    /** Each model's figures per class, in the report's label order (as reports/test.json keeps them). */
    public record PerClass(@JsonProperty("float") List<ClassScores> floatModel,
            @JsonProperty("int8") List<ClassScores> int8Model) {
    }

    static TestResult of(ClipReport report) {
        return new TestResult(report, new PerClass(ClassScores.of(report.floatModel(), report.labels()),
                ClassScores.of(report.int8Model(), report.labels())), report.int8Model().minConfidence());
    }
}
