package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.littlebrain.impulse.evaluation.ClipEvaluation;
import dev.littlebrain.impulse.evaluation.ClipReport;
import java.util.ArrayList;
import java.util.List;

/**
 * A test job's result: {@code test --json}'s report as it is, with each model's precision, recall and F1 per class
 * (the table the CLI prints), taken from the evaluation rather than worked out again in the page.
 */
public record TestResult(ClipReport report, @JsonProperty("per_class") PerClass perClass,
        @JsonProperty("min_confidence") double minConfidence) {

    /** Each model's figures per class, in the report's label order. */
    public record PerClass(@JsonProperty("float") List<ClassScores> floatModel,
            @JsonProperty("int8") List<ClassScores> int8Model) {
    }

    public record ClassScores(String label, double precision, double recall, double f1) {
    }

    static TestResult of(ClipReport report) {
        return new TestResult(report, new PerClass(scores(report.floatModel(), report.labels()),
                scores(report.int8Model(), report.labels())), report.int8Model().minConfidence());
    }

    private static List<ClassScores> scores(ClipEvaluation e, List<String> labels) {
        List<ClassScores> scores = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            scores.add(new ClassScores(labels.get(c), e.precision(c), e.recall(c), e.f1(c)));
        }
        return scores;
    }
}
