package dev.littlebrain.studio;

import static dev.littlebrain.studio.StudioClient.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.ProjectLock;
import dev.littlebrain.impulse.TrainingRecord;
import dev.littlebrain.impulse.evaluation.ClipReport;
import dev.littlebrain.impulse.training.TrainOptions;
import dev.littlebrain.train.TrainingDevice;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio's jobs over real HTTP on a generated motion project: a training job runs to its end while its events
 * stream in order, is cancelled leaving a checkpoint that the next job (on a restarted studio) resumes, refuses a
 * second job of its kind and a locked project; a test job gives the numbers {@code Project.test} gives.
 */
@Tag("slow") // trains small models: several seconds each
class JobsApiTest {
    private static final ObjectMapper JSON = StudioClient.JSON;
    /** The CPU is seeded: the same training twice gives the same figures. */
    private static final String CPU = "\"device\": \"cpu\"";

    @TempDir
    Path tmp;
    private Studio studio;

    private Project motionProject() throws IOException {
        return TrainedMotionProject.imported(tmp, 10);
    }

    private Project startOnNewProject() throws Exception {
        Project project = motionProject();
        studio = Studio.start(project.layout().dir(), "127.0.0.1", 0);
        return project;
    }

    @AfterEach
    void stop() throws Exception {
        if (studio != null) {
            studio.close();
            assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("studio-jobs")
                    && t.isAlive()), "a stopped studio's jobs have stopped");
        }
    }

    @Test
    void aTrainJobStreamsItsEpochsInOrderAndWritesThemToTrainingJson() throws Exception {
        Project project = startOnNewProject();
        JsonNode job = submit("{\"kind\": \"train\", \"options\": {\"epochs\": 4, " + CPU + "}}");
        assertEquals("train", job.get("kind").asText());
        List<JsonNode> events = events(job.get("id").asText(), 0);

        assertEquals("queued", events.get(0).get("state").asText(), "the history starts at the start");
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, events.get(i).get("seq").asInt(), "numbered in order, none missing");
        }
        JsonNode last = events.get(events.size() - 1);
        assertEquals("state", last.get("type").asText());
        assertEquals("done", last.get("state").asText(), last.toString());
        List<JsonNode> epochs = ofType(events, "epoch");
        assertEquals(List.of(1, 2, 3, 4), epochs.stream().map(e -> e.get("epoch").asInt()).toList());

        TrainingRecord written = TrainingRecord.read(project.layout().trainingRecord());
        assertEquals(4, written.history().size());
        for (int i = 0; i < 4; i++) {
            assertEquals(written.history().get(i).loss(), (float) epochs.get(i).get("loss").asDouble(),
                    "epoch " + (i + 1) + ": the event's loss is the one training.json keeps");
            assertEquals(written.history().get(i).valAccuracy(),
                    (float) epochs.get(i).get("val_accuracy").asDouble());
        }
        JsonNode done = getJson("/api/jobs/" + job.get("id").asText());
        assertEquals("done", done.get("state").asText());
        assertEquals(1.0, done.get("progress").asDouble());
        assertEquals(written.history().size(), done.at("/result/record/history").size());

        List<JsonNode> late = events(job.get("id").asText(), 0);
        assertEquals(events, late, "a page opened after the job ended is told the whole story");
        assertEquals(events.subList(5, events.size()), events(job.get("id").asText(), 5),
                "a reconnecting page is told what it missed");
        JsonNode status = getJson("/api/training");
        assertEquals(4, status.at("/last_training/history").size());
        assertFalse(status.get("checkpoint").asBoolean());
    }

    @Test
    void aCancelledTrainingLeavesACheckpointThatTheNextJobResumesAfterARestart() throws Exception {
        Project project = startOnNewProject();
        int epochs = 24;
        String request = "{\"kind\": \"train\", \"options\": {\"epochs\": " + epochs + ", " + CPU + "}}";
        String id = submit(request).get("id").asText();
        List<JsonNode> first = new ArrayList<>();
        try (Stream<String> lines = eventLines(id, 0)) {
            Iterator<JsonNode> it = lines.filter(l -> l.startsWith("data: ")).map(JobsApiTest::data).iterator();
            boolean asked = false;
            while (it.hasNext()) {
                JsonNode e = it.next();
                first.add(e);
                if (!asked && "epoch".equals(e.get("type").asText()) && e.get("epoch").asInt() == 2) {
                    assertEquals(200, post("/api/jobs/" + id + "/cancel", "").statusCode());
                    asked = true;
                }
            }
        }
        assertEquals("cancelled", first.get(first.size() - 1).get("state").asText(), first.toString());
        int stoppedAt = ofType(first, "epoch").size();
        assertTrue(stoppedAt >= 2 && stoppedAt < epochs, "stopped after epoch " + stoppedAt);
        assertTrue(Files.isRegularFile(project.layout().checkpoint(0, 1)), "the checkpoint stays");
        assertFalse(Files.exists(project.layout().trainingRecord()), "a cancelled training writes no record");
        assertTrue(getJson("/api/training").get("checkpoint").asBoolean());

        studio.close(); // a restart: the new studio knows no jobs, the checkpoint is all that is left
        studio = Studio.start(project.layout().dir(), "127.0.0.1", 0);
        assertEquals(404, get("/api/jobs/" + id).statusCode());
        List<JsonNode> stoppedCurve = ofType(first, "epoch");
        JsonNode waiting = getJson("/api/training");
        assertEquals(epochs, waiting.get("checkpoint_epochs").asInt(), "a job of as many epochs resumes it");
        assertEquals(stoppedAt, waiting.get("checkpoint_history").size());
        assertSameCurve(stoppedCurve, waiting.get("checkpoint_history"), "the new studio reads the stopped curve");
        List<JsonNode> resumed = events(submit(request).get("id").asText(), 0);
        assertEquals("done", resumed.get(resumed.size() - 1).get("state").asText(), resumed.toString());
        assertTrue(ofType(resumed, "message").stream().anyMatch(m -> m.get("message").asText()
                .startsWith("resuming from epoch " + stoppedAt + "/" + epochs)), resumed.toString());
        List<Integer> numbers = ofType(resumed, "epoch").stream().map(e -> e.get("epoch").asInt()).toList();
        assertEquals(stoppedAt + 1, numbers.get(0), "the epoch count goes on where it stopped");
        assertEquals(epochs, numbers.get(numbers.size() - 1).intValue());
        assertEquals(epochs, TrainingRecord.read(project.layout().trainingRecord()).history().size());
        assertFalse(Files.exists(project.layout().checkpoint(0, 1)));
        JsonNode whole = getJson("/api/training");
        assertSameCurve(stoppedCurve, whole.at("/last_training/history"), "training.json begins with the stopped"
                + " curve");
        assertEquals(0, whole.get("checkpoint_history").size());
        assertEquals(0, whole.get("checkpoint_epochs").asInt());
    }

    @Test
    void aSecondJobOfAKindAlreadyWaitingIsRefused() throws Exception {
        startOnNewProject();
        String training = submit("{\"kind\": \"train\", \"options\": {\"epochs\": 200, " + CPU + "}}")
                .get("id").asText();
        String features = submit("{\"kind\": \"features\"}").get("id").asText();
        assertEquals("queued", getJson("/api/jobs/" + features).get("state").asText(), "waits for the training");
        for (String again : List.of("{\"kind\": \"train\"}", "{\"kind\": \"features\"}")) {
            HttpResponse<String> refused = post("/api/jobs", again);
            assertEquals(409, refused.statusCode(), refused.body());
            assertOneLine(refused, "already");
        }
        JsonNode listed = getJson("/api/jobs").get("jobs");
        assertEquals(List.of(training, features), List.of(listed.get(0).get("id").asText(),
                listed.get(1).get("id").asText()));

        assertEquals("cancelled", JSON.readTree(post("/api/jobs/" + features + "/cancel", "").body())
                .get("state").asText(), "a queued job is cancelled at once");
        post("/api/jobs/" + training + "/cancel", "");
        List<JsonNode> ended = events(training, 0);
        assertEquals("cancelled", ended.get(ended.size() - 1).get("state").asText());
        String again = submit("{\"kind\": \"features\"}").get("id").asText(); // once the first ended, it may be
        assertEquals("done", lastState(again), "the features of the project are computed");
    }

    @Test
    void aProjectLockedByAnotherCommandIsAConflict() throws Exception {
        Project project = startOnNewProject();
        try (ProjectLock cli = ProjectLock.acquire(project.layout().dir(), "littlebrain train", line -> { })) {
            HttpResponse<String> refused = post("/api/jobs", "{\"kind\": \"train\"}");
            assertEquals(409, refused.statusCode(), refused.body());
            assertOneLine(refused, "in use");
        }
        String features = submit("{\"kind\": \"features\"}").get("id").asText(); // free again once released
        assertEquals("done", lastState(features));
    }

    @Test
    void badRequestsAreRefusedWithOneLine() throws Exception {
        startOnNewProject();
        String[][] cases = {
            {"{\"kind\": \"bake\"}", "unknown job kind 'bake'"},
            {"{}", "say which job"},
            {"{\"kind\": \"train\", \"options\": {\"epochs\": 0}}", "epochs must be a positive whole number"},
            {"{\"kind\": \"train\", \"options\": {\"epochs\": 2.5}}", "epochs must be a positive whole number"},
            {"{\"kind\": \"train\", \"options\": {\"device\": \"tpu\"}}", "unknown training device 'tpu'"},
            {"{\"kind\": \"train\", \"options\": {\"speed\": 3}}", "unknown option 'speed' for a train job"},
            {"{\"kind\": \"test\", \"options\": {\"min_confidence\": 2}}", "min_confidence must be between 0 and 1"},
            {"{\"kind\": \"features\", \"options\": [1]}", "options must be a JSON object"},
            {"{\"kind\": ", "the request body is not the JSON expected"},
            {"{\"kind\": \"stream\", \"options\": {\"streams\": \"/etc\"}}", "unknown option 'streams' for a stream"
                + " job (it takes none)"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = post("/api/jobs", c[0]);
            assertEquals(400, r.statusCode(), c[0] + " -> " + r.body());
            assertOneLine(r, c[1]);
        }
        assertTrue(getJson("/api/jobs").get("jobs").isEmpty(), "nothing was queued");
        for (String page : List.of("/training", "/testing")) {
            HttpResponse<String> r = get(page);
            assertEquals(200, r.statusCode(), page);
            assertTrue(r.body().contains("<nav data-page=") && r.body().contains("api/jobs"), page + " is the jobs' page");
        }
        assertEquals(404, get("/api/jobs/nope").statusCode());
        assertEquals(404, get("/api/jobs/nope/events").statusCode());
        String test = submit("{\"kind\": \"test\"}").get("id").asText();
        assertEquals(400, get("/api/jobs/" + test + "/events?after=x").statusCode());
        assertEquals("failed", lastState(test));
        JsonNode failed = getJson("/api/jobs/" + test);
        assertTrue(failed.get("error").asText().matches(".*model.* is missing; run 'littlebrain train' first"),
                "a job that fails says why in one line: " + failed.get("error"));

        String stream = submit("{\"kind\": \"stream\"}").get("id").asText();
        assertEquals("failed", lastState(stream));
        assertEquals("a stream test needs an audio impulse, this one takes accelerometer",
                getJson("/api/jobs/" + stream).get("error").asText());
        HttpResponse<String> notDone = post("/api/jobs/" + stream + "/apply", "");
        assertEquals(409, notDone.statusCode(), notDone.body());
        assertOneLine(notDone, "a threshold can be applied from a finished stream test");
        HttpResponse<String> notStream = post("/api/jobs/" + test + "/apply", "");
        assertEquals(400, notStream.statusCode(), notStream.body());
        assertOneLine(notStream, "only a stream test's threshold can be applied");
    }

    @Test
    void aTestJobGivesTheNumbersOfProjectTest() throws Exception {
        Project project = motionProject();
        project.train(TrainOptions.DEFAULTS.withEpochs(3).withDevice(TrainingDevice.CPU), Progress.NONE);
        studio = Studio.start(project.layout().dir(), "127.0.0.1", 0);
        String id = submit("{\"kind\": \"test\", \"options\": {\"min_confidence\": 0.7}}").get("id").asText();
        List<JsonNode> events = events(id, 0);
        assertEquals("done", events.get(events.size() - 1).get("state").asText(), events.toString());
        JsonNode result = getJson("/api/jobs/" + id).get("result");

        ClipReport direct = Project.open(project.layout().dir()).test(0.7, Progress.NONE);
        assertEquals(JSON.readTree(Exchange.JSON.writeValueAsBytes(direct)), result.get("report"),
                "the studio's test is the library's");
        assertTrue(direct.testSamples() > 0);
        assertEquals(0.7, result.get("min_confidence").asDouble());
        JsonNode perClass = result.at("/per_class/int8");
        assertEquals(direct.labels().size(), perClass.size());
        for (int c = 0; c < direct.labels().size(); c++) {
            assertEquals(direct.labels().get(c), perClass.get(c).get("label").asText());
            assertEquals(direct.int8Model().f1(c), perClass.get(c).get("f1").asDouble());
            assertEquals(direct.floatModel().recall(c), result.at("/per_class/float").get(c).get("recall").asDouble());
        }
    }

    @Test
    void theThresholdPickedOnAStreamTestsCurveIsWhatApplyWrites() throws Exception {
        Project project = KeywordProject.trained();
        Path yaml = project.layout().config();
        byte[] before = Files.readAllBytes(yaml);
        studio = Studio.start(project.layout().dir(), "127.0.0.1", 0);
        try {
            String id = submit("{\"kind\": \"stream\"}").get("id").asText();
            assertEquals("done", lastState(id), getJson("/api/jobs/" + id).toString());
            JsonNode report = getJson("/api/jobs/" + id).get("result");
            JsonNode swept = report.get("thresholds");
            assertTrue(swept.size() > 2, "a curve of thresholds: " + swept);
            double picked = swept.get(swept.size() / 3).get("threshold").asDouble();
            List<String> keywords = new ArrayList<>();
            report.get("keywords").forEach(k -> keywords.add(k.asText()));
            assertEquals(List.of("no", "yes"), keywords.stream().sorted().toList());

            String[][] refused = {
                {"{\"threshold\": 1.5}", "threshold must be between 0 and 1 (exclusive), got 1.5"},
                {"{\"keyword_thresholds\": {\"yes\": 0.5}}", "threshold must be between 0 and 1"},
                {"{\"threshold\": 0.5, \"keyword_thresholds\": {\"maybe\": 0.5}}", "'maybe' is not a keyword of"
                    + " this stream test"},
                {"{\"threshold\": 0.5, \"keyword_thresholds\": {\"yes\": 0}}", "the threshold of 'yes' must be"
                    + " between 0 and 1"},
                {"{\"threshold\": ", "the request body is not the JSON expected"},
            };
            for (String[] c : refused) {
                HttpResponse<String> r = post("/api/jobs/" + id + "/apply", c[0]);
                assertEquals(400, r.statusCode(), c[0] + " -> " + r.body());
                assertOneLine(r, c[1]);
            }
            assertEquals(new String(before), Files.readString(yaml), "nothing refused was written");

            JsonNode one = JSON.readTree(post("/api/jobs/" + id + "/apply", "{\"threshold\": " + picked
                    + ", \"keyword_thresholds\": {}}").body());
            assertEquals(picked, one.get("threshold").asDouble(), 1e-6);
            assertTrue(one.get("keyword_thresholds").isEmpty());
            assertEquals((float) picked, Project.open(project.layout().dir()).impulse().continuous().threshold(),
                    1e-6f, "impulse.yaml says the threshold picked");

            JsonNode own = JSON.readTree(post("/api/jobs/" + id + "/apply", "{\"threshold\": " + picked
                    + ", \"keyword_thresholds\": {\"yes\": 0.55, \"no\": 0.8}}").body());
            assertEquals(0.55, own.at("/keyword_thresholds/yes").asDouble(), 1e-6);
            assertEquals(0.8, own.at("/keyword_thresholds/no").asDouble(), 1e-6);
            var continuous = Project.open(project.layout().dir()).impulse().continuous();
            assertEquals(0.55f, continuous.keywordThresholds().get("yes"), 1e-6f);
            assertEquals(0.8f, continuous.keywordThresholds().get("no"), 1e-6f);

            JsonNode suggested = JSON.readTree(post("/api/jobs/" + id + "/apply", "").body());
            assertEquals(report.at("/suggested/threshold").asDouble(), suggested.get("threshold").asDouble(), 1e-6,
                    "no body: the suggestion, as before");
        } finally {
            Files.write(yaml, before); // the shared project as it was
        }
    }

    // ---- HTTP ----

    private StudioClient client() {
        return new StudioClient(studio);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client().get(path);
    }

    private JsonNode getJson(String path) throws Exception {
        return client().getJson(path);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return client().post(path, body);
    }

    private JsonNode submit(String request) throws Exception {
        HttpResponse<String> r = post("/api/jobs", request);
        assertEquals(202, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** The lines of a job's event stream, read as they come. */
    private Stream<String> eventLines(String id, long after) throws Exception {
        return client().eventLines("/api/jobs/" + id + "/events?after=" + after);
    }

    /** A job's events after number {@code after}, read from its stream until the job ends. */
    private List<JsonNode> events(String id, long after) throws Exception {
        try (Stream<String> lines = eventLines(id, after)) {
            return lines.filter(l -> l.startsWith("data: ")).map(JobsApiTest::data).toList();
        }
    }

    /** The state a job ended in, waiting for it. */
    private String lastState(String id) throws Exception {
        List<JsonNode> events = events(id, 0);
        return events.get(events.size() - 1).get("state").asText();
    }

    private static JsonNode data(String line) {
        try {
            return JSON.readTree(line.substring("data: ".length()));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    /** {@code shown} begins with the epochs of {@code events}, figure for figure. */
    private static void assertSameCurve(List<JsonNode> events, JsonNode shown, String why) {
        assertTrue(shown.size() >= events.size(), why + ": " + shown);
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = events.get(i);
            JsonNode s = shown.get(i);
            assertEquals(e.get("epoch").asInt(), s.get("epoch").asInt(), why);
            for (String figure : List.of("loss", "accuracy", "val_loss", "val_accuracy")) {
                assertEquals((float) e.get(figure).asDouble(), (float) s.get(figure).asDouble(),
                        why + ": epoch " + (i + 1) + "'s " + figure);
            }
        }
    }

    private static List<JsonNode> ofType(List<JsonNode> events, String type) {
        Predicate<JsonNode> wanted = e -> type.equals(e.get("type").asText());
        return events.stream().filter(wanted).toList();
    }
}
