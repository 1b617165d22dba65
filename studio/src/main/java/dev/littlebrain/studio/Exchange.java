package dev.littlebrain.studio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.littlebrain.files.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * One request being answered: what an endpoint reads (path parameters, query, a size-limited body) and the ways it
 * replies (a JSON record, bytes, one error line). Streaming endpoints (server-sent events) reach the Jetty response
 * itself.
 */
public final class Exchange {
    /** The studio's JSON: the impulse library's records as they are, in LittleBrain's one JSON configuration. */
    public static final ObjectMapper JSON = Json.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Map<String, String> parameters;
    private final Fields query;

    Exchange(Request request, Response response, Callback callback, Map<String, String> parameters, Fields query) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.parameters = parameters;
        this.query = query;
    }

    public String method() {
        return request.getMethod();
    }

    /** The value of the route's {@code {name}} segment. */
    public String parameter(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no {" + name + "} segment");
        }
        return value;
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.getValue(name));
    }

    /** A request header, when sent. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    /** The request body; a body over {@code limitBytes} is refused with 413 before it is read whole. */
    public byte[] body(long limitBytes) throws IOException {
        long declared = request.getLength();
        if (declared > limitBytes) {
            throw new StudioException(413, "the upload is " + declared + " bytes; the limit is " + limitBytes);
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limitBytes + 1));
            if (body.length > limitBytes) {
                throw new StudioException(413, "the upload is over the limit of " + limitBytes + " bytes");
            }
            return body;
        }
    }

    /** The body as JSON of {@code type}; malformed JSON is a 400 naming the problem. */
    public <T> T bodyJson(Class<T> type, long limitBytes) throws IOException {
        byte[] body = body(limitBytes);
        try {
            return JSON.readValue(body, type);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw StudioException.badRequest("the request body is not the JSON expected: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    public void json(Object value) throws IOException {
        json(200, value);
    }

    public void json(int status, Object value) throws IOException {
        bytes(status, "application/json", JSON.writeValueAsBytes(value));
    }

    public void bytes(int status, String contentType, byte[] body) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        send(response, callback, status, body);
    }

    public void error(int status, String message) {
        send(response, callback, status, errorBody(message));
    }

    /** The Jetty request, for endpoints that stream. */
    public Request request() {
        return request;
    }

    /** The Jetty response, for endpoints that stream; complete {@link #callback()} when done. */
    public Response response() {
        return response;
    }

    public Callback callback() {
        return callback;
    }

    static byte[] errorBody(String message) {
        try {
            return JSON.writeValueAsBytes(Map.of("error", message));
        } catch (IOException e) {
            return ("{\"error\": \"" + e + "\"}").getBytes(StandardCharsets.UTF_8);
        }
    }

    static void send(Response response, Callback callback, int status, byte[] body) {
        response.setStatus(status);
        if (!response.getHeaders().contains(HttpHeader.CONTENT_TYPE)) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
