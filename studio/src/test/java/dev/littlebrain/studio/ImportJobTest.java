package dev.littlebrain.studio;

import static dev.littlebrain.studio.StudioClient.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.littlebrain.data.curate.KwsCurationOptions;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.data.Datasets;
import dev.littlebrain.impulse.data.ImportPlan;
import dev.littlebrain.impulse.data.SyntheticKind;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Data page's import of a dataset folder as a job, over real HTTP: the espeak-kws clips curated into a keyword
 * project give the manifest {@code Project.importData} gives with the same plan, a generated motion folder is copied
 * into a motion project, bad requests are refused before a job is queued, the library's own refusal fails the job
 * with its line, and a cancelled import leaves the old data as it was.
 */
@Tag("slow") // curates the espeak-kws clips: several seconds each
class ImportJobTest {
    /** A small curation: one rendering a clip, no stream windows. */
    private static final String SMALL_KWS = "\"keywords\": [\"yes\", \"no\"], \"unknown\": true, \"noise\": true,"
            + " \"stream_seconds\": 0, \"training_copies\": 1";

    @TempDir
    Path tmp;
    private Studio studio;

    @AfterEach
    void stop() throws Exception {
        if (studio != null) {
            studio.close();
        }
    }

    @Test
    void aKeywordImportCuratesWhatTheLibraryCuratesAndReportsItsProgress() throws Exception {
        Path dataset = espeak();
        Project viaLibrary = Project.create(tmp.resolve("library"), "kws");
        viaLibrary.importData(dataset, ImportPlan.keywordSpotting(KwsCurationOptions.defaults(List.of("yes", "no"))
                .withTrainingAugmentation(1, KwsCurationOptions.DEFAULT_TRAINING_SHIFT_MS)
                .withTrainingStreamSeconds(0)), Progress.NONE);
        Project project = start(Project.create(tmp.resolve("studio"), "kws"));

        JsonNode job = submit("{\"kind\": \"import\", \"options\": {\"source\": " + quoted(dataset) + ", "
                + SMALL_KWS + "}}");
        List<JsonNode> events = events(job.get("id").asText());
        JsonNode last = events.get(events.size() - 1);
        assertEquals("done", last.get("state").asText(), last.toString());
        List<String> stages = events.stream().filter(e -> e.get("type").asText().equals("stage"))
                .map(e -> e.get("stage").asText()).toList();
        assertEquals(List.of("import", "curate"), stages.stream().distinct().toList(), "the library's stages");
        assertTrue(events.stream().anyMatch(e -> e.get("type").asText().equals("step")), "steps for the bar");

        assertEquals(manifestSamples(viaLibrary), manifestSamples(project), "the library's curation, sample for sample");
        JsonNode result = client().getJson("/api/jobs/" + job.get("id").asText()).get("result");
        assertEquals("curated", result.get("outcome").asText());
        assertEquals(manifestSamples(project).size(), result.get("samples").asInt());
        assertEquals(List.of("_noise_", "_unknown_", "no", "yes"), labels(result).stream().sorted().toList());
        assertEquals(manifestSamples(project).size(), client().getJson("/api/samples").get("total").asInt(),
                "the Data page's list shows the new samples");
    }

    @Test
    void aFolderOfOnesOwnRecordingsGetsTheBundledOtherWordsAndNoise() throws Exception {
        Path dataset = copyOf(espeak(), tmp.resolve("recordings"), List.of("yes", "no"));
        Project viaLibrary = Project.create(tmp.resolve("library"), "kws");
        viaLibrary.importData(dataset, ImportPlan.keywordSpotting(KwsCurationOptions.defaults(List.of("yes", "no"))
                .withTrainingAugmentation(1, KwsCurationOptions.DEFAULT_TRAINING_SHIFT_MS)
                .withTrainingStreamSeconds(0)).withBundled(true), Progress.NONE);
        Project project = start(Project.create(tmp.resolve("studio"), "kws"));

        // bundled alone: as --bundled, it brings _unknown_ and _noise_ with it.
        JsonNode job = submit("{\"kind\": \"import\", \"options\": {\"source\": " + quoted(dataset)
                + ", \"keywords\": [\"yes\", \"no\"], \"bundled\": true, \"stream_seconds\": 0,"
                + " \"training_copies\": 1}}");
        assertEquals("done", lastState(job.get("id").asText()));
        JsonNode result = client().getJson("/api/jobs/" + job.get("id").asText()).get("result");
        assertEquals(List.of("_noise_", "_unknown_", "no", "yes"), labels(result).stream().sorted().toList());
        assertEquals(manifestSamples(viaLibrary), manifestSamples(project), "data import --bundled's curation");
    }

    @Test
    void aSensorFolderIsCopiedAsItIs() throws Exception {
        Project project = start(TrainedMotionProject.imported(tmp, 2));
        Path raw = tmp.resolve("more");
        Datasets.generate(SyntheticKind.MOTION, raw, 3, 7);

        JsonNode job = submit("{\"kind\": \"import\", \"options\": {\"source\": " + quoted(raw) + "}}");
        assertEquals("done", lastState(job.get("id").asText()));
        JsonNode result = client().getJson("/api/jobs/" + job.get("id").asText()).get("result");
        assertEquals("copied", result.get("outcome").asText());
        assertEquals(12, result.get("samples").asInt(), "3 recordings of 4 gestures: " + result);
        assertEquals(12, manifestSamples(project).size(), "the new data replaced the old");
    }

    @Test
    void badRequestsAreRefusedInOneLineBeforeAJobIsQueued() throws Exception {
        Path dataset = espeak();
        Project kws = start(Project.create(tmp.resolve("kws"), "kws"));
        Path file = Files.writeString(tmp.resolve("notes.txt"), "not a dataset");
        Path inside = Files.createDirectories(kws.layout().dir().resolve("recordings"));
        Map<String, String> refusals = new TreeMap<>(Map.of(
                "{}", "name the dataset folder",
                "{\"source\": " + quoted(tmp.resolve("missing")) + "}", "does not exist",
                "{\"source\": " + quoted(file) + "}", "is a file, not a dataset folder",
                "{\"source\": " + quoted(kws.layout().dir()) + ", \"keywords\": \"yes\"}", "this project's folder",
                "{\"source\": " + quoted(inside) + ", \"keywords\": \"yes\"}", "inside this project's folder",
                "{\"source\": " + quoted(tmp) + ", \"keywords\": \"yes\"}", "holds this project's folder",
                "{\"source\": " + quoted(dataset) + "}", "name the keywords",
                "{\"source\": " + quoted(dataset) + ", \"keywords\": \"yes,maybe\"}", "keyword 'maybe' has no folder",
                "{\"source\": " + quoted(dataset) + ", \"keywords\": \"yes\", \"training_copies\": 0}",
                "trainingCopies >= 1",
                "{\"source\": " + quoted(dataset) + ", \"epochs\": 3}", "unknown option 'epochs' for an import job"));
        for (Map.Entry<String, String> r : refusals.entrySet()) {
            HttpResponse<String> reply = client().post("/api/jobs", "{\"kind\": \"import\", \"options\": "
                    + r.getKey() + "}");
            assertEquals(400, reply.statusCode(), r.getKey() + ": " + reply.body());
            assertOneLine(reply, r.getValue());
        }
        assertEquals(0, client().getJson("/api/jobs").get("jobs").size(), "no job was queued");
        studio.close();

        Path motion = tmp.resolve("motion");
        start(TrainedMotionProject.imported(motion, 2));
        HttpResponse<String> reply = client().post("/api/jobs", "{\"kind\": \"import\", \"options\": {\"source\": "
                + quoted(motion.resolve("raw")) + ", \"keywords\": [\"wave\"]}}");
        assertEquals(400, reply.statusCode(), reply.body());
        assertOneLine(reply, "keywords is for keyword curation, and this is a sensor project");
    }

    @Test
    void theLibrarysRefusalFailsTheJobWithItsLine() throws Exception {
        Project project = start(TrainedMotionProject.imported(tmp, 2));
        List<String> before = manifestSamples(project);
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("readme.txt"), "no samples here");

        JsonNode job = submit("{\"kind\": \"import\", \"options\": {\"source\": " + quoted(empty) + "}}");
        assertEquals("failed", lastState(job.get("id").asText()));
        String error = client().getJson("/api/jobs/" + job.get("id").asText()).get("error").asText();
        assertTrue(error.contains(empty.toRealPath().toString()) || error.contains(empty.toString()), error);
        assertFalse(error.contains("\n") || error.contains("Exception"), error);
        assertEquals(before, manifestSamples(project), "the old data is untouched");

        Path audio = Files.createDirectories(tmp.resolve("audio/yes"));
        try (Stream<Path> clips = Files.list(espeak().resolve("yes"))) {
            for (Path clip : clips.limit(3).toList()) {
                Files.copy(clip, audio.resolve(clip.getFileName()));
            }
        }
        JsonNode listed = submit("{\"kind\": \"import\", \"options\": {\"source\": " + quoted(audio.getParent())
                + "}}");
        assertEquals("failed", lastState(listed.get("id").asText()), "audio in a sensor project is not a success");
        assertTrue(client().getJson("/api/jobs/" + listed.get("id").asText()).get("error").asText()
                .endsWith("holds audio clips (3), and this is a sensor project: nothing was imported"));
        assertEquals(before, manifestSamples(project), "the old data is untouched");
    }

    @Test
    void aFoldersLabelFoldersAreListedByName() throws Exception {
        Path dataset = espeak();
        start(Project.create(tmp.resolve("kws"), "kws"));
        JsonNode listing = client().getJson("/api/data/folders?path=" + java.net.URLEncoder.encode(dataset.toString(),
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(dataset.toRealPath().toString(), listing.get("path").asText());
        List<String> folders = new ArrayList<>();
        listing.get("folders").forEach(f -> folders.add(f.asText()));
        try (Stream<Path> children = Files.list(dataset)) {
            assertEquals(children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList(),
                    folders, "every folder, no file");
        }
        assertTrue(folders.containsAll(List.of("yes", "no", "_background_noise_")), folders.toString());
        HttpResponse<String> file = client().get("/api/data/folders?path=" + java.net.URLEncoder.encode(
                dataset.resolve("README.md").toString(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(400, file.statusCode());
        assertOneLine(file, "is a file, not a dataset folder");
        assertEquals(400, client().get("/api/data/folders").statusCode());
    }

    @Test
    void aCancelledImportLeavesTheOldDataWhole() throws Exception {
        Path dataset = espeak();
        Project project = Project.create(tmp.resolve("kws"), "kws");
        project.importData(dataset, ImportPlan.keywordSpotting(KwsCurationOptions.defaults(List.of("yes", "no"))
                .withTrainingAugmentation(1, KwsCurationOptions.DEFAULT_TRAINING_SHIFT_MS)
                .withTrainingStreamSeconds(0)), Progress.NONE);
        Map<String, Long> before = files(project.layout().data());
        List<String> beside = names(project.layout().dir());
        start(project);

        // The full curation (three renderings, 20 minutes of stream windows) takes far longer than the wait for it.
        JsonNode job = submit("{\"kind\": \"import\", \"options\": {\"source\": " + quoted(dataset)
                + ", \"keywords\": \"yes,no\", \"unknown\": true, \"noise\": true}}");
        String id = job.get("id").asText();
        try (Stream<String> lines = client().eventLines("/api/jobs/" + id + "/events")) {
            lines.filter(l -> l.startsWith("data: ")).map(ImportJobTest::data)
                    .filter(e -> e.get("type").asText().equals("step") && e.get("stage").asText().equals("curate"))
                    .findFirst().orElseThrow(() -> new AssertionError("the import ended before it curated"));
        }
        HttpResponse<String> second = client().post("/api/jobs", "{\"kind\": \"import\", \"options\": {\"source\": "
                + quoted(dataset) + ", " + SMALL_KWS + "}}");
        assertEquals(409, second.statusCode(), second.body());
        assertOneLine(second, "an import job (" + id + ") is already running");
        client().post("/api/jobs/" + id + "/cancel", "");
        assertEquals("cancelled", lastState(id));
        assertEquals(before, files(project.layout().data()), "every old file as it was, none added");
        assertEquals(beside, names(project.layout().dir()), "no half-written folder left beside data/");
    }

    @Test
    void aFileTheImportersCannotReadIsReportedWithWhy() throws Exception {
        Path dataset = copyOf(espeak(), tmp.resolve("mine"), List.of("yes", "no", "_background_noise_"));
        byte[] clip = Files.readAllBytes(dataset.resolve("yes").resolve(Files.list(dataset.resolve("yes"))
                .findFirst().orElseThrow().getFileName()));
        Files.write(dataset.resolve("yes/cut_nohash_0.wav"), java.util.Arrays.copyOf(clip, 30)); // a header cut short
        start(Project.create(tmp.resolve("kws"), "kws"));

        JsonNode job = submit("{\"kind\": \"import\", \"options\": {\"source\": " + quoted(dataset)
                + ", \"keywords\": \"yes,no\", \"noise\": true, \"stream_seconds\": 0, \"training_copies\": 1}}");
        assertEquals("done", lastState(job.get("id").asText()));
        JsonNode skipped = client().getJson("/api/jobs/" + job.get("id").asText()).get("result").get("skipped");
        assertEquals(1, skipped.size(), skipped.toString());
        assertEquals("yes/cut_nohash_0.wav", skipped.get(0).get("file").asText(), "named from the dataset folder");
        assertFalse(skipped.get(0).get("reason").asText().isBlank());
    }

    private Project start(Project project) throws Exception {
        studio = Studio.start(project.layout().dir(), "127.0.0.1", 0);
        return project;
    }

    private static Path espeak() {
        Path dataset = KeywordProject.dataset().orElse(null);
        assumeTrue(dataset != null, "../shared/datasets/espeak-kws is not in this checkout");
        return dataset;
    }

    private StudioClient client() {
        return new StudioClient(studio);
    }

    private JsonNode submit(String request) throws Exception {
        HttpResponse<String> r = client().post("/api/jobs", request);
        assertEquals(202, r.statusCode(), r.body());
        return StudioClient.JSON.readTree(r.body());
    }

    /** A job's events from its stream, until the job ends. */
    private List<JsonNode> events(String id) throws Exception {
        try (Stream<String> lines = client().eventLines("/api/jobs/" + id + "/events")) {
            return lines.filter(l -> l.startsWith("data: ")).map(ImportJobTest::data).toList();
        }
    }

    private String lastState(String id) throws Exception {
        List<JsonNode> events = events(id);
        return events.get(events.size() - 1).get("state").asText();
    }

    private static JsonNode data(String line) {
        try {
            return StudioClient.JSON.readTree(line.substring("data: ".length()));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static String quoted(Path path) {
        return StudioClient.JSON.valueToTree(path.toString()).toString();
    }

    /** The samples of a project's data/manifest.json, each entry as its JSON. */
    private static List<String> manifestSamples(Project project) throws IOException {
        JsonNode manifest = StudioClient.JSON.readTree(project.layout().data().resolve("manifest.json").toFile());
        List<String> samples = new ArrayList<>();
        manifest.get("samples").forEach(s -> samples.add(s.toString()));
        return samples;
    }

    /** A dataset of {@code folders} of {@code dataset}, copied to {@code to}. */
    private static Path copyOf(Path dataset, Path to, List<String> folders) throws IOException {
        for (String folder : folders) {
            Files.createDirectories(to.resolve(folder));
            try (Stream<Path> files = Files.list(dataset.resolve(folder))) {
                for (Path f : files.toList()) {
                    Files.copy(f, to.resolve(folder).resolve(f.getFileName()));
                }
            }
        }
        return to;
    }

    /** The names in {@code dir} but the lock file, which the job's lock leaves (empty) for the next holder. */
    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals(dev.littlebrain.impulse.ProjectLayout.LOCK)).sorted().toList();
        }
    }

    private static List<String> labels(JsonNode result) {
        List<String> labels = new ArrayList<>();
        result.get("classes").forEach(c -> labels.add(c.get("label").asText()));
        return labels;
    }

    /** Every file under {@code dir} and its size and modification time, which a rewrite would change. */
    private static Map<String, Long> files(Path dir) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.size(p) * 31 + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return files;
    }
}
