package dev.littlebrain.studio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.littlebrain.impulse.BlockCatalog;
import dev.littlebrain.impulse.Project;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The local studio (issue 22): an HTTP server on the impulse library for one project, bound to this machine and
 * behind a token (see {@link AccessGuard}). This first step serves the dashboard ({@code GET /api/project}), the
 * blocks' parameter schemas the impulse-design forms are drawn from ({@code GET /api/blocks}) and the page that
 * shows them; every asset comes from this jar, nothing from the network.
 */
public final class Studio implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module())
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final Map<String, String> PAGES = Map.of("/", "index.html");

    private final Server server;
    private final String token;
    private final String host;

    private Studio(Server server, String token, String host) {
        this.server = server;
        this.token = token;
        this.host = host;
    }

    /**
     * Starts the studio on {@code host} (127.0.0.1 unless the user asks otherwise) and {@code port} (0: any free
     * one) for the project in {@code projectDir}.
     */
    public static Studio start(Path projectDir, String host, int port) throws Exception {
        Project.open(projectDir); // fails here, in one line, when the folder holds no project
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        Studio studio = new Studio(server, token, host);
        server.setHandler(studio.new Routes(projectDir));
        server.start();
        return studio;
    }

    /** The port it listens on. */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** The address to open, with the token: what the user is told. */
    public String url() {
        String name = "127.0.0.1".equals(host) || "0.0.0.0".equals(host) ? "localhost" : host;
        return "http://" + name + ":" + port() + "/?token=" + token;
    }

    String token() {
        return token;
    }

    /** Blocks until the server stops (Ctrl-C). */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** The routes, behind the guard. */
    private final class Routes extends Handler.Abstract {
        private final Path projectDir;

        Routes(Path projectDir) {
            this.projectDir = projectDir;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            try {
                AccessGuard guard = new AccessGuard(token, port(),
                        "127.0.0.1".equals(host) ? Set.of() : Set.of(host));
                Fields query = Request.extractQueryParameters(request);
                Optional<String> presented = presentedToken(request, query);
                Optional<AccessGuard.Refusal> refusal = guard.check(request.getMethod(),
                        request.getHeaders().get(HttpHeader.HOST), request.getHeaders().get(HttpHeader.ORIGIN),
                        presented);
                if (refusal.isPresent()) {
                    send(response, callback, refusal.get().status(), error(refusal.get().message()));
                    return true;
                }
                if (query.getValue("token") != null) {
                    // The first visit's token becomes a cookie, so the page's own requests carry it.
                    Response.addCookie(response, HttpCookie.build(AccessGuard.COOKIE, token).path("/")
                            .httpOnly(true).sameSite(HttpCookie.SameSite.STRICT).build());
                }
                route(request, response, callback);
            } catch (Exception e) {
                send(response, callback, 500, error(e.getMessage() == null ? e.toString() : e.getMessage()));
            }
            return true;
        }

        private void route(Request request, Response response, Callback callback) throws IOException {
            String path = Request.getPathInContext(request);
            boolean get = "GET".equals(request.getMethod());
            if (get && path.equals("/api/project")) {
                sendJson(response, callback, ProjectDashboard.of(Project.open(projectDir)));
            } else if (get && path.equals("/api/blocks")) {
                sendJson(response, callback, BlockCatalog.all());
            } else if (get && PAGES.containsKey(path)) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
                send(response, callback, 200, resource(PAGES.get(path)));
            } else {
                send(response, callback, 404, error("no such page: " + request.getMethod() + " " + path));
            }
        }
    }

    private static Optional<String> presentedToken(Request request, Fields query) {
        String fromQuery = query.getValue("token");
        if (fromQuery != null) {
            return Optional.of(fromQuery);
        }
        String fromHeader = request.getHeaders().get(AccessGuard.HEADER);
        if (fromHeader != null) {
            return Optional.of(fromHeader);
        }
        return Request.getCookies(request).stream().filter(c -> c.getName().equals(AccessGuard.COOKIE))
                .map(HttpCookie::getValue).findFirst();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Studio.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the studio's " + name + " is missing from its jar");
            }
            return in.readAllBytes();
        }
    }

    private static byte[] error(String message) {
        try {
            return JSON.writeValueAsBytes(Map.of("error", message));
        } catch (IOException e) {
            return ("{\"error\": \"" + e + "\"}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void sendJson(Response response, Callback callback, Object value) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        send(response, callback, 200, JSON.writeValueAsBytes(value));
    }

    private static void send(Response response, Callback callback, int status, byte[] body) {
        response.setStatus(status);
        if (!response.getHeaders().contains(HttpHeader.CONTENT_TYPE)) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
