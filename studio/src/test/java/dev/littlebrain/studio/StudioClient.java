package dev.littlebrain.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

/** A script's requests to a running studio: its token in the header, JSON bodies (or raw bytes where said). */
record StudioClient(Studio studio) {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        return HTTP.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> sendForBytes(String method, String path, String body) throws Exception {
        return HTTP.send(request(method, path, body), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null);
    }

    /** The JSON a GET answers, which must be a 200. */
    JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return send("POST", path, json);
    }

    /** A POST of bytes that are not JSON (PCM chunks, recordings, uploads). */
    HttpResponse<String> postBytes(String path, byte[] body) throws Exception {
        return HTTP.send(builder(path).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send("DELETE", path, null);
    }

    /** The lines of a text/event-stream, read as they come. */
    Stream<String> eventLines(String path) throws Exception {
        HttpResponse<Stream<String>> r = HTTP.send(builder(path).build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        return r.body();
    }

    /** The reply is a refusal whose one-line error (no stack trace) contains {@code expected}. */
    static void assertOneLine(HttpResponse<String> r, String expected) throws IOException {
        String error = JSON.readTree(r.body()).get("error").asText();
        assertTrue(error.contains(expected), "'" + expected + "' in: " + error);
        assertFalse(error.contains("\n") || error.contains("Exception"), error);
    }

    private HttpRequest request(String method, String path, String body) {
        return builder(path).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + studio.port() + path))
                .header(AccessGuard.HEADER, studio.token());
    }
}
