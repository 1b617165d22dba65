package dev.littlebrain.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio's server over real HTTP on a generated motion project: the dashboard and the block schemas with the
 * token; without it, with a wrong one, with a foreign Host header or from a foreign origin, a 4xx with one line
 * saying why.
 */
class StudioServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    static Path tmp;
    private static Studio studio;

    @BeforeAll
    static void start() throws Exception {
        Project project = Project.create(tmp.resolve("gestures"), "motion");
        Path raw = tmp.resolve("raw");
        Datasets.generate(SyntheticKind.MOTION, raw, 6, 1);
        project.importData(raw, ImportPlan.asIs(), Progress.NONE);
        studio = Studio.start(project.layout().dir(), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        studio.close();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + studio.port() + path));
        if (token != null) {
            r.header(AccessGuard.HEADER, token);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDashboardDescribesTheProject() throws Exception {
        HttpResponse<String> r = get("/api/project", studio.token());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode d = JSON.readTree(r.body());
        assertEquals("gestures", d.get("name").asText());
        assertEquals("spectral-analysis", d.at("/impulse/dsp_block").asText());
        int samples = 0;
        for (JsonNode row : d.at("/data/stats/rows")) {
            samples += row.get("train").asInt() + row.get("validation").asInt() + row.get("test").asInt();
        }
        int expected = Datasets.describe(Project.open(tmp.resolve("gestures")).layout().data(), Progress.NONE)
                .stats().rows().stream().mapToInt(c -> c.total()).sum();
        assertTrue(expected > 0);
        assertEquals(expected, samples, "the dashboard counts what data stats counts");
        assertTrue(d.get("training").isNull(), "not trained yet: " + d.get("training"));
        assertTrue(!d.get("int8_model").asBoolean());
        assertTrue(d.get("last_test").isNull(), "not tested yet: " + d.get("last_test"));
    }

    @Test
    void theBlockSchemasAreServedForTheForms() throws Exception {
        HttpResponse<String> r = get("/api/blocks", studio.token());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode mfcc = null;
        for (JsonNode b : JSON.readTree(r.body()).get("dsp")) {
            if (b.get("name").asText().equals("mfcc")) {
                mfcc = b;
            }
        }
        assertTrue(mfcc != null && mfcc.get("parameters").size() > 5, r.body());
    }

    @Test
    void everyPageSharesOneStylesheetAndScriptFromTheJar() throws Exception {
        HttpResponse<String> css = get("/studio.css", studio.token());
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertTrue(css.body().contains("nav a"), css.body());
        assertTrue(get("/", studio.token()).body().contains("<link rel=\"stylesheet\" href=\"studio.css\">"));
        HttpResponse<String> js = get("/studio.js", studio.token());
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(js.body().contains("async function api("), js.body());
    }

    @Test
    void theFirstVisitsTokenBecomesACookie() throws Exception {
        HttpResponse<String> page = get("/?token=" + studio.token(), null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("LittleBrain Studio"));
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith(AccessGuard.COOKIE + "=" + studio.token()) && cookie.contains("HttpOnly"), cookie);
        HttpRequest withCookie = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + studio.port() + "/api/project"))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build();
        assertEquals(200, HTTP.send(withCookie, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void requestsWithoutTheRightTokenAreRefusedWithOneLine() throws Exception {
        HttpResponse<String> none = get("/api/project", null);
        assertEquals(401, none.statusCode());
        assertTrue(JSON.readTree(none.body()).get("error").asText().startsWith("missing token"), none.body());
        String token = studio.token();
        // One hex digit changed (to a different digit, whatever the random token's first one is).
        String wrongToken = (token.charAt(0) == '0' ? "1" : "0") + token.substring(1);
        HttpResponse<String> wrong = get("/api/project", wrongToken);
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("wrong token"), wrong.body());
        assertEquals(404, get("/api/nothing-here", studio.token()).statusCode());
    }

    @Test
    void theExplorerMapsEverySampleOrSaysThereIsNoData() throws Exception {
        HttpResponse<String> r = get("/api/explorer", studio.token());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode map = JSON.readTree(r.body());
        int samples = Datasets.describe(Project.open(tmp.resolve("gestures")).layout().data(), Progress.NONE)
                .stats().rows().stream().mapToInt(c -> c.total()).sum();
        assertEquals(samples, map.get("points").size());
        assertEquals("spectral-analysis", map.get("block").asText());

        Project empty = Project.create(tmp.resolve("empty"), "motion");
        try (Studio other = Studio.start(empty.layout().dir(), "127.0.0.1", 0)) {
            HttpResponse<String> none = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + other.port() + "/api/explorer"))
                    .header(AccessGuard.HEADER, other.token()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(409, none.statusCode(), none.body());
            assertTrue(none.body().contains("no data yet"), none.body());
        }
    }

    @Test
    void aTakenPortIsRefusedInOneLine() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> Studio.start(tmp.resolve("gestures"), "127.0.0.1", studio.port()));
        assertTrue(e.getMessage().startsWith("port " + studio.port() + " on 127.0.0.1 is taken"), e.getMessage());
    }

    @Test
    void aForeignHostHeaderIsRefused() throws Exception {
        // DNS rebinding: a page of evil.example whose name now points at 127.0.0.1 sends its own Host header.
        assertTrue(rawStatusLine("GET", "evil.example:" + studio.port(), null).contains(" 403 "));
        assertTrue(rawStatusLine("GET", "localhost:" + studio.port(), null).contains(" 200 "));
        assertTrue(rawStatusLine("GET", "localhost:1", null).contains(" 403 "), "another port is another origin");
    }

    @Test
    void aStateChangingRequestFromAnotherOriginIsRefused() throws Exception {
        assertTrue(rawStatusLine("POST", "localhost:" + studio.port(), "http://evil.example").contains(" 403 "));
        assertTrue(rawStatusLine("POST", "localhost:" + studio.port(), "http://localhost:" + studio.port())
                .contains(" 405 "), "the same origin passes the guard (and finds /api/project GET-only)");
    }

    /** One request written by hand: HttpClient does not let a caller set Host. */
    private static String rawStatusLine(String method, String host, String origin) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", studio.port())) {
            OutputStream out = socket.getOutputStream();
            String request = method + " /api/project HTTP/1.1\r\nHost: " + host + "\r\n" + AccessGuard.HEADER + ": "
                    + studio.token() + "\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n")
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(0, response.indexOf("\r\n"));
        }
    }
}
