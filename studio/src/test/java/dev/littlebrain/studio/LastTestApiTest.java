package dev.littlebrain.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.evaluation.ClipReport;
import dev.littlebrain.impulse.training.TrainOptions;
import dev.littlebrain.train.TrainingDevice;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last test is a fact on disk (reports/test.json), not a memory of the server that ran it: a test job's figures
 * are on the dashboard and the Projects page of a new server on the same folder, a test run as {@code littlebrain
 * test} runs it shows as well, and after a retraining the old figures are no longer shown as the model's.
 */
@Tag("slow") // trains a small model twice
class LastTestApiTest {
    private static final TrainOptions CPU = TrainOptions.DEFAULTS.withDevice(TrainingDevice.CPU);

    @TempDir
    Path tmp;

    @Test
    void theLastTestOutlivesTheServerAndIsNoLongerTheModelsAfterARetraining() throws Exception {
        Path workspace = tmp.resolve("workspace");
        Project project = TrainedMotionProject.imported(workspace, 8);
        project.train(CPU.withEpochs(2), Progress.NONE);

        JsonNode tested;
        try (Studio first = Studio.startWorkspace(workspace, "127.0.0.1", 0)) {
            StudioClient client = new StudioClient(first);
            assertTrue(row(client).get("test_accuracy").isNull(), "not tested yet");
            assertTrue(client.getJson("/p/gestures/api/project").get("last_test").isNull());
            tested = testJob(client);
        }
        assertTrue(Files.isRegularFile(project.layout().testRecord()), "the studio's test writes the record");

        try (Studio second = Studio.startWorkspace(workspace, "127.0.0.1", 0)) {
            StudioClient client = new StudioClient(second);
            double int8 = tested.at("/report/int8/accuracy").asDouble();
            assertEquals(int8, row(client).get("test_accuracy").asDouble(), "the Projects page, after a restart");
            JsonNode last = client.getJson("/p/gestures/api/project").get("last_test");
            assertTrue(last.get("current").asBoolean(), last.toString());
            assertEquals(int8, last.at("/int8/accuracy").asDouble(), last.toString());
            assertEquals(tested.at("/report/float/accuracy").asDouble(), last.at("/float/accuracy").asDouble());
            assertEquals(tested.at("/report/test_samples").asInt(), last.get("test_samples").asInt());
            assertEquals(tested.at("/per_class/int8"), last.at("/int8/per_class"), "the job's per-class figures");

            project.train(CPU.withEpochs(3), Progress.NONE);
            assertTrue(row(client).get("test_accuracy").isNull(), "the old model's test is not the new model's");
            JsonNode stale = client.getJson("/p/gestures/api/project").get("last_test");
            assertFalse(stale.get("current").asBoolean(), stale.toString());
            assertEquals(int8, stale.at("/int8/accuracy").asDouble(), "still the last test, of the old model");

            // What 'littlebrain test' runs: the same library call, so the same record.
            ClipReport cli = Project.open(project.layout().dir()).testWithReports(0.6, Progress.NONE);
            assertEquals(cli.int8Model().accuracy(), row(client).get("test_accuracy").asDouble());
            JsonNode fresh = client.getJson("/p/gestures/api/project").get("last_test");
            assertTrue(fresh.get("current").asBoolean(), fresh.toString());
            assertEquals(cli.floatModel().accuracy(), fresh.at("/float/accuracy").asDouble());
        }
    }

    /** The Projects page's row of the project. */
    private static JsonNode row(StudioClient client) throws Exception {
        JsonNode projects = client.getJson("/api/projects").get("projects");
        assertEquals(1, projects.size(), projects.toString());
        assertEquals("gestures", projects.get(0).get("name").asText());
        return projects.get(0);
    }

    /** Runs a test job in the project's studio and answers its result once it is done. */
    private static JsonNode testJob(StudioClient client) throws Exception {
        HttpResponse<String> queued = client.post("/p/gestures/api/jobs", "{\"kind\": \"test\"}");
        assertEquals(202, queued.statusCode(), queued.body());
        String id = StudioClient.JSON.readTree(queued.body()).get("id").asText();
        List<String> events;
        try (Stream<String> lines = client.eventLines("/p/gestures/api/jobs/" + id + "/events?after=0")) {
            events = lines.filter(l -> l.startsWith("data: ")).toList();
        }
        assertTrue(events.get(events.size() - 1).contains("\"done\""), events.toString());
        return client.getJson("/p/gestures/api/jobs/" + id).get("result");
    }
}
