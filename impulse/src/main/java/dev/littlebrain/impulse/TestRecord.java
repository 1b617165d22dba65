package dev.littlebrain.impulse;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.littlebrain.files.AtomicFiles;
import dev.littlebrain.files.Json;
import dev.littlebrain.impulse.evaluation.ClipEvaluation;
import dev.littlebrain.impulse.evaluation.ClipReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code reports/test.json}: the last clip test's figures, kept on disk so that whoever shows the project later (the
 * studio after a restart, a test run by the CLI) shows the same numbers. {@code test} writes it with its other
 * reports ({@link Project#testWithReports}).
 *
 * <p>It names the int8 model it tested by the file's SHA-256, so a reader can tell whether the figures are still
 * the current model's ({@link #isOf}): after a retraining they are the last test of a model that is gone.
 *
 * @param testedAt    when the test started, ISO-8601 in UTC ({@link Instant#toString()})
 * @param int8Model   the int8 model file that was tested
 * @param testSamples the test split's samples
 */
@JsonPropertyOrder({"tested_at", "int8_model", "test_samples", "float", "int8"})
public record TestRecord(@JsonProperty("tested_at") String testedAt, @JsonProperty("int8_model") ModelFile int8Model,
        @JsonProperty("test_samples") int testSamples, @JsonProperty("float") Figures floatFigures,
        @JsonProperty("int8") Figures int8Figures) {

    /** A model file as it was tested: its content's SHA-256 (lower-case hex) and its size. */
    public record ModelFile(String sha256, long bytes) {
        /** The file's fingerprint now. */
        public static ModelFile of(Path file) throws IOException {
            MessageDigest digest = newDigest();
            long bytes = 0;
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; bytes += n) {
                    digest.update(buffer, 0, n);
                }
            }
            return new ModelFile(HexFormat.of().formatHex(digest.digest()), bytes);
        }

        private static MessageDigest newDigest() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
    }

    /** One model's figures on the test split. */
    @JsonPropertyOrder({"accuracy", "f1_macro", "per_class"})
    public record Figures(double accuracy, @JsonProperty("f1_macro") double f1Macro,
            @JsonProperty("per_class") List<ClassScores> perClass) {

        /** {@code evaluation}'s figures, its classes named by {@code labels} in order. */
        public static Figures of(ClipEvaluation evaluation, List<String> labels) {
            return new Figures(evaluation.accuracy(), evaluation.f1Macro(), ClassScores.of(evaluation, labels));
        }
    }

    /** One class's precision, recall and F1 (the table {@code test} prints). */
    @JsonPropertyOrder({"label", "precision", "recall", "f1"})
    public record ClassScores(String label, double precision, double recall, double f1) {
        /** Each class's scores in {@code evaluation}, in the labels' order. */
        public static List<ClassScores> of(ClipEvaluation evaluation, List<String> labels) {
            List<ClassScores> scores = new ArrayList<>();
            for (int c = 0; c < labels.size(); c++) {
                scores.add(new ClassScores(labels.get(c), evaluation.precision(c), evaluation.recall(c),
                        evaluation.f1(c)));
            }
            return List.copyOf(scores);
        }
    }

    /** The record of {@code report}, a test of the int8 model {@code int8Model} that ran at {@code testedAt}. */
    public static TestRecord of(ClipReport report, ModelFile int8Model, Instant testedAt) {
        return new TestRecord(testedAt.toString(), int8Model, report.testSamples(),
                Figures.of(report.floatModel(), report.labels()), Figures.of(report.int8Model(), report.labels()));
    }

    /** Whether this record is a test of the model now in {@code int8Model}: false once it was replaced or removed. */
    public boolean isOf(Path int8Model) throws IOException {
        try {
            return ModelFile.of(int8Model).equals(this.int8Model);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Writes the record to {@code layout}'s {@code reports/test.json}, atomically. */
    public void write(ProjectLayout layout) throws IOException {
        AtomicFiles.write(layout.testRecord(), Json.indented().writeValueAsBytes(this));
    }

    /**
     * The record in {@code layout}'s {@code reports/test.json}; empty when no test wrote one. A file that does not read
     * as a record (edited by hand, written by something else) is empty too, with one line in the log naming it: it
     * only ever stood for figures the next {@code test} writes again, so nobody's page breaks over it.
     */
    public static Optional<TestRecord> read(ProjectLayout layout) {
        Path file = layout.testRecord();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            TestRecord record = Json.reader().readValue(Files.readAllBytes(file), TestRecord.class);
            if (record == null || !record.isWhole()) {
                return ignored(file, "fields are missing");
            }
            return Optional.of(record);
        } catch (JsonProcessingException e) {
            return ignored(file, e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            return ignored(file, String.valueOf(e.getMessage()));
        }
    }

    private boolean isWhole() {
        return testedAt != null && int8Model != null && int8Model.sha256() != null && floatFigures != null
                && int8Figures != null;
    }

    private static Optional<TestRecord> ignored(Path file, String why) {
        System.getLogger(TestRecord.class.getName()).log(System.Logger.Level.WARNING, file
                + " is not a test record (" + why + "); ignored until 'littlebrain test' writes it again");
        return Optional.empty();
    }
}
