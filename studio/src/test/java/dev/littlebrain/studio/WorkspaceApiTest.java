package dev.littlebrain.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavEncoding;
import dev.littlebrain.dsp.io.WavWriter;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.data.Datasets;
import dev.littlebrain.impulse.data.ImportPlan;
import dev.littlebrain.impulse.data.SyntheticKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code studio --workspace} over real HTTP, started on a folder that does not exist yet: the Projects API (list,
 * templates, create from each template, bad names, taken names), each project under /p/NAME/ with its own pages and
 * job queue, and the names a request may use: only the workspace's own project folders, with the token, the Host
 * and the Origin checked as everywhere else.
 */
class WorkspaceApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    static Path tmp;
    private static Path root;
    private static Studio studio;

    @BeforeAll
    static void start() throws Exception {
        root = tmp.resolve("workspace");
        studio = Studio.startWorkspace(root, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        studio.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, Object body) throws Exception {
        return HTTP.send(request(path).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + studio.port() + path))
                .header(AccessGuard.HEADER, studio.token());
    }

    private static String error(HttpResponse<String> r) throws IOException {
        String message = JSON.readTree(r.body()).get("error").asText();
        assertEquals(1, message.lines().count(), message);
        return message;
    }

    private static List<String> listed() throws Exception {
        HttpResponse<String> r = get("/api/projects");
        assertEquals(200, r.statusCode(), r.body());
        List<String> names = new ArrayList<>();
        JSON.readTree(r.body()).get("projects").forEach(p -> names.add(p.get("name").asText()));
        return names;
    }

    private static List<String> workspaceFolder() throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            return children.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theWorkspaceFolderIsCreatedAndTheProjectsPageServedAtTheRoot() throws Exception {
        assertTrue(Files.isDirectory(root));
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>Projects"), page.body());
        assertEquals(200, get("/studio.css").statusCode());
        assertEquals(200, get("/studio.js").statusCode());
        assertEquals(root.toRealPath().toString(), JSON.readTree(get("/api/projects").body()).get("workspace").asText());
    }

    @Test
    void theTemplatesAreInitsOwnList() throws Exception {
        HttpResponse<String> r = get("/api/templates");
        assertEquals(200, r.statusCode(), r.body());
        List<String> names = new ArrayList<>();
        Map<String, String> inputs = new java.util.HashMap<>();
        for (JsonNode t : JSON.readTree(r.body()).get("templates")) {
            names.add(t.get("name").asText());
            inputs.put(t.get("name").asText(), t.get("input_type").asText());
        }
        assertEquals(ImpulseConfig.TEMPLATES, names);
        assertEquals("audio", inputs.get("kws"));
        assertEquals("accelerometer", inputs.get("motion"));
    }

    @Test
    void eachTemplateMakesTheProjectInitMakes() throws Exception {
        for (String template : ImpulseConfig.TEMPLATES) {
            String name = "new-" + template;
            HttpResponse<String> r = post("/api/projects", Map.of("name", name, "template", template));
            assertEquals(201, r.statusCode(), r.body());
            JsonNode created = JSON.readTree(r.body());
            assertEquals("p/" + name + "/", created.get("url").asText());
            assertFalse(created.get("trained").asBoolean());
            assertEquals(ImpulseConfig.template(template),
                    Files.readString(root.resolve(name).resolve("impulse.yaml"), StandardCharsets.UTF_8),
                    "the impulse.yaml littlebrain init writes");
            Project.open(root.resolve(name));
            Path init = Project.create(tmp.resolve("init-" + template), template).layout().dir();
            assertEquals(Files.getPosixFilePermissions(init), Files.getPosixFilePermissions(root.resolve(name)),
                    "the folder's permissions are those init gives");
            assertTrue(listed().contains(name));
            HttpResponse<String> dashboard = get("/p/" + name + "/api/project");
            assertEquals(200, dashboard.statusCode(), dashboard.body());
            assertEquals(name, JSON.readTree(dashboard.body()).get("name").asText());
        }
        assertTrue(workspaceFolder().stream().noneMatch(n -> n.startsWith(Workspace.STAGING_PREFIX + "new-")),
                "no staging folder left: " + workspaceFolder());
    }

    @Test
    void badNamesAndUnknownTemplatesAreRefusedAndNothingIsWritten() throws Exception {
        List<String> before = workspaceFolder();
        for (String name : List.of("", ".", "..", ".hidden", "x/b", "../escape", "/etc", "a b",
                "a\\b", "x".repeat(101))) {
            HttpResponse<String> r = post("/api/projects", Map.of("name", name, "template", "motion"));
            assertEquals(400, r.statusCode(), name + ": " + r.body());
            assertTrue(error(r).contains("cannot be a project name"), r.body());
        }
        HttpResponse<String> unknown = post("/api/projects", Map.of("name", "fine", "template", "vision"));
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(error(unknown).contains("unknown template 'vision'"), unknown.body());
        assertEquals(400, post("/api/projects", Map.of("name", "fine")).statusCode());
        assertEquals(before, workspaceFolder());
        assertFalse(Files.exists(tmp.resolve("escape")));
    }

    @Test
    void anExistingFolderIsNeverOverwritten() throws Exception {
        assertEquals(201, post("/api/projects", Map.of("name", "twice", "template", "motion")).statusCode());
        String yaml = Files.readString(root.resolve("twice/impulse.yaml"));
        HttpResponse<String> again = post("/api/projects", Map.of("name", "twice", "template", "kws"));
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(error(again).contains("'twice' already exists"), again.body());
        assertEquals(yaml, Files.readString(root.resolve("twice/impulse.yaml")));

        // A folder of the user's own, even an empty one, is not taken over.
        Path notes = Files.createDirectories(root.resolve("notes"));
        Files.writeString(notes.resolve("todo.txt"), "mine");
        Path empty = Files.createDirectories(root.resolve("empty"));
        for (String name : List.of("notes", "empty")) {
            assertEquals(409, post("/api/projects", Map.of("name", name, "template", "motion")).statusCode());
        }
        assertEquals("mine", Files.readString(notes.resolve("todo.txt")));
        assertFalse(Files.exists(empty.resolve("impulse.yaml")));
        assertFalse(listed().contains("notes"), "a folder without impulse.yaml is not listed");
    }

    @Test
    void aCreationKilledHalfWayLeavesNothingThatHoldsTheName() throws Exception {
        // What a server killed between writing the staged project and moving it leaves behind.
        Project.create(root.resolve(Workspace.STAGING_PREFIX + "halfway-123"), "motion");
        assertFalse(listed().contains(Workspace.STAGING_PREFIX + "halfway-123"));
        assertEquals(201, post("/api/projects", Map.of("name", "halfway", "template", "motion")).statusCode());
    }

    @Test
    void theNextStartRemovesWhatAKilledStudioLeftHalfCreated() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("restarted"));
        long ended = ProcessHandle.current().pid() + 4_000_000_000L; // beyond any pid the system hands out
        Path left = Project.create(other.resolve(Workspace.STAGING_PREFIX + "my-gestures-" + ended + "-7"), "motion")
                .layout().dir();
        Path running = Files.createDirectories(other.resolve(Workspace.STAGING_PREFIX + "x-"
                + ProcessHandle.current().pid() + "-7"));
        Path usersOwn = Files.createDirectories(other.resolve(".littlebrain-notes"));
        try (Studio restarted = Studio.startWorkspace(other, "127.0.0.1", 0)) {
            assertFalse(Files.exists(left), "a staging folder of a process that ended");
            assertTrue(Files.isDirectory(running), "a studio still running may be about to move it");
            assertTrue(Files.isDirectory(usersOwn));
        }
    }

    @Test
    void eachProjectIsServedUnderItsNameWithItsOwnJobs() throws Exception {
        Path raw = tmp.resolve("raw");
        Datasets.generate(SyntheticKind.MOTION, raw, 3, 1);
        assertEquals(201, post("/api/projects", Map.of("name", "with-data", "template", "motion")).statusCode());
        Project.open(root.resolve("with-data")).importData(raw, ImportPlan.asIs(), Progress.NONE);
        assertEquals(201, post("/api/projects", Map.of("name", "without", "template", "motion")).statusCode());

        JsonNode row = null;
        for (JsonNode p : JSON.readTree(get("/api/projects").body()).get("projects")) {
            if (p.get("name").asText().equals("with-data")) {
                row = p;
            }
        }
        var stats = Datasets.describe(root.resolve("with-data/data"), Progress.NONE).stats().rows();
        assertEquals(stats.stream().mapToInt(r -> r.train()).sum(), row.at("/samples/train").asInt(), row.toString());
        assertEquals(stats.stream().mapToInt(r -> r.test()).sum(), row.at("/samples/test").asInt(), row.toString());
        assertEquals("accelerometer", row.at("/kind/input_type").asText());
        assertTrue(row.get("test_accuracy").isNull() && row.get("validation_accuracy").isNull(), row.toString());

        HttpResponse<String> page = get("/p/with-data/data");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("href=\"studio.css\""), "the pages' links are relative");
        assertEquals(200, get("/p/with-data/studio.js").statusCode());
        HttpResponse<String> samples = get("/p/with-data/api/samples");
        assertEquals(200, samples.statusCode(), samples.body());

        HttpResponse<String> queued = post("/p/with-data/api/jobs", Map.of("kind", "features"));
        assertEquals(202, queued.statusCode(), queued.body());
        String id = JSON.readTree(queued.body()).get("id").asText();
        assertEquals(200, get("/p/with-data/api/jobs/" + id).statusCode(), "the project's queue is kept");
        assertEquals(404, get("/p/without/api/jobs/" + id).statusCode(), "each project has its own queue");
    }

    @Test
    void anUploadedClipIsPlayedBackUnderItsProject() throws Exception {
        assertEquals(201, post("/api/projects", Map.of("name", "words", "template", "kws")).statusCode());
        float[] tone = new float[16000];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
        }
        byte[] wav = WavWriter.encode(Signal.mono(16000, tone), WavEncoding.PCM_S16);
        HttpResponse<String> up = HTTP.send(request("/p/words/api/samples/upload?label=yes&split=train&name=a.wav")
                .POST(HttpRequest.BodyPublishers.ofByteArray(wav)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, up.statusCode(), up.body());
        String id = JSON.readTree(up.body()).get("id").asText();
        HttpResponse<byte[]> played = HTTP.send(request("/p/words/api/samples/" + id + "/audio").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, played.statusCode());
        assertEquals("audio/wav", played.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(root.resolve("words/data").resolve(id)), played.body()));
        assertEquals(404, get("/api/samples/" + id + "/audio").statusCode(), "the root is the workspace, not a project");
    }

    @Test
    void aProjectThatCannotBeReadIsListedWithWhy() throws Exception {
        Path broken = Files.createDirectories(root.resolve("broken"));
        Files.writeString(broken.resolve("impulse.yaml"), "input: [not, a, mapping\n");
        JsonNode row = null;
        for (JsonNode p : JSON.readTree(get("/api/projects").body()).get("projects")) {
            if (p.get("name").asText().equals("broken")) {
                row = p;
            }
        }
        assertTrue(row != null && !row.get("error").isNull(), String.valueOf(row));
        assertEquals(1, row.get("error").asText().lines().count(), row.toString());
        assertTrue(row.get("kind").isNull() && !row.get("trained").asBoolean(), row.toString());
    }

    @Test
    void aProjectsFolderWithoutItsSlashIsRedirectedKeepingTheQuery() throws Exception {
        assertEquals(201, post("/api/projects", Map.of("name", "slash", "template", "motion")).statusCode());
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + studio.port()
                + "/p/slash?token=" + studio.token())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, r.statusCode());
        assertEquals("/p/slash/?token=" + studio.token(), r.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void onlyTheWorkspacesOwnProjectsAreServed() throws Exception {
        Project outside = Project.create(tmp.resolve("outside"), "motion");
        Files.createSymbolicLink(root.resolve("link-out"), outside.layout().dir());
        Files.createDirectories(root.resolve("plain-folder"));
        assertEquals(201, post("/api/projects", Map.of("name", "inside", "template", "motion")).statusCode());

        assertTrue(error(get("/p/nothing/api/project")).startsWith("no project 'nothing'"));
        assertEquals(404, get("/p/nothing/").statusCode());
        HttpResponse<String> link = get("/p/link-out/api/project");
        assertEquals(404, link.statusCode(), link.body());
        assertTrue(error(link).contains("leads out of the workspace"), link.body());
        HttpResponse<String> plain = get("/p/plain-folder/api/project");
        assertEquals(404, plain.statusCode());
        assertTrue(error(plain).contains("not a project"), plain.body());
        assertEquals(404, get("/p/.hidden/api/project").statusCode());
        assertFalse(listed().contains("link-out"));

        // Written by hand: HttpClient would normalise or refuse these paths before sending them.
        for (String path : List.of("/p/%2e%2e/api/project", "/p/..%2F..%2Foutside/api/project",
                "/p/inside%2F..%2F..%2Foutside/api/project", "/p/%2Fetc/api/project", "/p/inside/..%2F..%2Foutside/",
                "/p/.%2e/outside/api/project", "/p/~/api/project")) {
            String status = raw("GET", path, "localhost:" + studio.port(), studio.token(), null).statusLine;
            assertTrue(status.contains(" 400 ") || status.contains(" 404 "), path + ": " + status);
        }
        // Plain dots that climb above the root are refused by Jetty itself, in one JSON line.
        Raw climb = raw("GET", "/p/../../outside/api/project", "localhost:" + studio.port(), studio.token(), null);
        assertTrue(climb.statusLine.contains(" 400 "), climb.statusLine);
        assertEquals(1, JSON.readTree(climb.body).get("error").asText().lines().count(), climb.body);
    }

    @Test
    void theGuardHoldsUnderEveryProject() throws Exception {
        assertEquals(201, post("/api/projects", Map.of("name", "guarded", "template", "motion")).statusCode());
        String host = "localhost:" + studio.port();
        Raw none = raw("GET", "/p/guarded/api/project", host, null, null);
        assertTrue(none.statusLine.contains(" 401 ") && none.body.contains("missing token"), none.statusLine);
        assertTrue(raw("GET", "/p/guarded/", host, null, null).statusLine.contains(" 401 "));
        assertTrue(raw("GET", "/p/guarded", host, null, null).statusLine.contains(" 401 "), "no redirect first");
        assertTrue(raw("GET", "/p/nothing/", host, null, null).statusLine.contains(" 401 "),
                "no project names told to a caller without the token");
        String token = studio.token();
        String wrong = (token.charAt(0) == '0' ? "1" : "0") + token.substring(1);
        assertTrue(raw("GET", "/p/guarded/api/project", host, wrong, null).statusLine.contains(" 401 "));
        assertTrue(raw("GET", "/p/guarded/api/project", "evil.example:" + studio.port(), token, null).statusLine
                .contains(" 403 "));
        assertTrue(raw("POST", "/p/guarded/api/jobs", host, token, "http://evil.example").statusLine.contains(" 403 "));
        assertTrue(raw("POST", "/api/projects", host, token, "http://evil.example").statusLine.contains(" 403 "));
        assertTrue(raw("GET", "/api/projects", host, null, null).statusLine.contains(" 401 "));
    }

    @Test
    void aFileOrAProjectIsNotAWorkspace() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Studio.startWorkspace(file, "127.0.0.1", 0))
                .getMessage().contains("is a file"));
        Path project = Project.create(tmp.resolve("a-project"), "motion").layout().dir();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Studio.startWorkspace(project, "127.0.0.1", 0))
                .getMessage().contains("--project"));
    }

    private record Raw(String statusLine, String body) {
    }

    /** One request written by hand: HttpClient does not let a caller set Host, nor send an unnormalised path. */
    private static Raw raw(String method, String path, String host, String token, String origin) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", studio.port())) {
            OutputStream out = socket.getOutputStream();
            String request = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                    + (token == null ? "" : AccessGuard.HEADER + ": " + token + "\r\n")
                    + (origin == null ? "" : "Origin: " + origin + "\r\n")
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = response.indexOf("\r\n\r\n");
            return new Raw(response.substring(0, response.indexOf("\r\n")), end < 0 ? "" : response.substring(end + 4));
        }
    }
}
