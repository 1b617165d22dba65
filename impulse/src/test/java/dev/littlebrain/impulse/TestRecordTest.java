package dev.littlebrain.impulse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.littlebrain.data.curate.SensorDatasetWriter;
import dev.littlebrain.data.importer.MotionFileImporter;
import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.data.synth.MotionDatasetGenerator;
import dev.littlebrain.files.Json;
import dev.littlebrain.impulse.evaluation.ClipEvaluation;
import dev.littlebrain.impulse.evaluation.ClipReport;
import dev.littlebrain.impulse.training.TrainOptions;
import dev.littlebrain.train.TrainingDevice;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * reports/test.json: written by {@code test} with the figures it printed, read back whole, told apart from a test of
 * an earlier model, and a file that is not a record is no record rather than an error.
 */
class TestRecordTest {
    private static final List<String> LABELS = List.of("idle", "wave", "circle");

    @TempDir
    Path dir;

    private static ClipReport report(Path projectDir) {
        ClipEvaluation fl = new ClipEvaluation(new int[][] {{5, 0, 0}, {1, 3, 1}, {0, 0, 5}}, 0.2, 0, 0.6, List.of());
        ClipEvaluation q = new ClipEvaluation(new int[][] {{4, 1, 0}, {1, 3, 1}, {0, 0, 5}}, 0.3, 1, 0.6, List.of());
        return new ClipReport(fl, q, LABELS, 15, projectDir);
    }

    private ProjectLayout layoutWithModel(byte[] model) throws Exception {
        ProjectLayout layout = new ProjectLayout(dir);
        Files.createDirectories(layout.models());
        Files.write(layout.int8Model(), model);
        return layout;
    }

    @Test
    void aWrittenRecordReadsBackWithTheReportsFigures() throws Exception {
        ProjectLayout layout = layoutWithModel(new byte[] {1, 2, 3});
        ClipReport report = report(dir);
        Instant at = Instant.parse("2026-12-07T02:00:00Z");
        TestRecord written = TestRecord.of(report, TestRecord.ModelFile.of(layout.int8Model()), at);
        written.write(layout);

        assertEquals(Optional.of(written), TestRecord.read(layout));
        JsonNode file = Json.reader().readTree(Files.readAllBytes(dir.resolve("reports/test.json")));
        assertEquals("2026-12-07T02:00:00Z", file.get("tested_at").asText());
        assertEquals(15, file.get("test_samples").asInt());
        assertEquals(13 / 15.0, file.at("/float/accuracy").asDouble());
        assertEquals(12 / 15.0, file.at("/int8/accuracy").asDouble());
        assertEquals(report.int8Model().f1Macro(), file.at("/int8/f1_macro").asDouble());
        JsonNode wave = file.at("/int8/per_class/1");
        assertEquals("wave", wave.get("label").asText());
        assertEquals(3 / 4.0, wave.get("precision").asDouble(), "3 of the 4 predicted waves");
        assertEquals(3 / 5.0, wave.get("recall").asDouble(), "3 of the 5 waves");
        assertEquals(3, file.at("/int8_model/bytes").asLong());
        assertEquals("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81",
                file.at("/int8_model/sha256").asText(), "sha256sum of the bytes 01 02 03");
    }

    @Test
    void aNewRecordReplacesTheOldWholeAndLeavesNothingBeside() throws Exception {
        ProjectLayout layout = layoutWithModel(new byte[] {1});
        TestRecord first = TestRecord.of(report(dir), TestRecord.ModelFile.of(layout.int8Model()), Instant.EPOCH);
        first.write(layout);
        TestRecord second = TestRecord.of(report(dir), TestRecord.ModelFile.of(layout.int8Model()), Instant.now());
        second.write(layout);
        assertEquals(Optional.of(second), TestRecord.read(layout));
        try (Stream<Path> files = Files.list(layout.reports())) {
            assertEquals(List.of("test.json"), files.map(f -> f.getFileName().toString()).toList(),
                    "no temporary file left by the atomic write");
        }
    }

    @Test
    void aRecordIsOfTheModelItTestedUntilThatModelIsReplaced() throws Exception {
        ProjectLayout layout = layoutWithModel(new byte[] {1, 2, 3});
        TestRecord record = TestRecord.of(report(dir), TestRecord.ModelFile.of(layout.int8Model()), Instant.now());
        assertTrue(record.isOf(layout.int8Model()));
        Files.write(layout.int8Model(), new byte[] {1, 2, 4});
        assertFalse(record.isOf(layout.int8Model()), "same size, other bytes: a retrained model");
        Files.write(layout.int8Model(), new byte[] {1, 2, 3});
        assertTrue(record.isOf(layout.int8Model()), "the same bytes are the same model, whenever written");
        Files.delete(layout.int8Model());
        assertFalse(record.isOf(layout.int8Model()), "no model: the record is of none");
    }

    @Test
    void noFileIsNoRecord() {
        assertEquals(Optional.empty(), TestRecord.read(new ProjectLayout(dir)));
    }

    @Test
    void aFileThatIsNotARecordIsNoRecordAndNoError() throws Exception {
        ProjectLayout layout = new ProjectLayout(dir);
        Files.createDirectories(layout.reports());
        for (String text : List.of("", "not json", "null", "[1, 2]", "{}", "{\"tested_at\": \"2026-12-07T02:00:00Z\"}",
                "{\"tested_at\": \"x\", \"int8_model\": {\"sha256\": \"ab\", \"bytes\": 1}, \"test_samples\": \"many\","
                        + " \"float\": {}, \"int8\": {}}",
                "{\"tested_at\": \"x\", \"int8_model\": {\"sha256\": \"ab\", \"bytes\": 1}, \"float\": {\"accuracy\":"
                        + " 1}, \"int8\": {\"accuracy\": 1, \"per_class\": 7}}")) {
            Files.writeString(layout.testRecord(), text, StandardCharsets.UTF_8);
            assertEquals(Optional.empty(), TestRecord.read(layout), text);
        }
        Files.delete(layout.testRecord());
        Files.createDirectories(layout.testRecord());
        assertEquals(Optional.empty(), TestRecord.read(layout), "a folder in its place");
    }

    @Test
    @Tag("slow") // trains a small model twice: several seconds
    void testWritesTheRecordOfWhatItPrintedAndARetrainingMakesItStale() throws Exception {
        Project p = Project.create(dir.resolve("motion"), "motion");
        new MotionDatasetGenerator(8, 1).write(dir.resolve("raw"));
        SensorDatasetWriter.write(MotionFileImporter.importFrom(dir.resolve("raw"), ProgressListener.NONE).dataset(),
                p.layout().data(), ProgressListener.NONE);
        TrainOptions options = TrainOptions.DEFAULTS.withEpochs(2).withDevice(TrainingDevice.CPU);
        p.train(options, Progress.NONE);

        ClipReport report = p.testWithReports(0.6, Progress.NONE);
        TestRecord record = TestRecord.read(p.layout()).orElseThrow();
        assertEquals(report.int8Model().accuracy(), record.int8Figures().accuracy());
        assertEquals(report.floatModel().accuracy(), record.floatFigures().accuracy());
        assertEquals(report.testSamples(), record.testSamples());
        assertEquals(report.labels(), record.int8Figures().perClass().stream().map(TestRecord.ClassScores::label)
                .toList());
        for (int c = 0; c < report.labels().size(); c++) {
            assertEquals(report.int8Model().recall(c), record.int8Figures().perClass().get(c).recall());
        }
        assertEquals(Files.size(p.layout().int8Model()), record.int8Model().bytes());
        assertTrue(record.isOf(p.layout().int8Model()));

        p.train(options.withEpochs(3), Progress.NONE);
        assertEquals(Optional.of(record), TestRecord.read(p.layout()), "training leaves the last test's record");
        assertFalse(record.isOf(p.layout().int8Model()), "but it is no longer the model's");
    }
}
