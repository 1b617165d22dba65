package dev.littlebrain.studio;

import dev.littlebrain.impulse.Project;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
 * The local studio (issue 22): an HTTP server on the impulse library for one project or a workspace of them, bound
 * to this machine and behind a token (see {@link AccessGuard}) on every path. Each area of the studio registers its
 * routes in a project's {@link RouteTable} ({@link ProjectSite}); every asset comes from this jar, nothing from the
 * network.
 */
public final class Studio implements AutoCloseable {
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
        return start(host, port, server -> {
            RouteTable routes = new ProjectSite(projectDir, server).routes();
            return path -> new Site.Routed(routes, path);
        });
    }

    /**
     * Starts the studio for the workspace in {@code workspaceDir} (created when missing): the Projects page at the
     * root, each project under {@code /p/NAME/}.
     */
    public static Studio startWorkspace(Path workspaceDir, String host, int port) throws Exception {
        Workspace workspace = Workspace.open(workspaceDir);
        return start(host, port, server -> new WorkspaceSite(workspace, server));
    }

    private static Studio start(String host, int port, Function<Server, Site> site)
            throws Exception {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        Studio studio = new Studio(server, token, host);
        server.setHandler(studio.new Routes(site.apply(server)));
        server.setErrorHandler(new JsonErrors());
        try {
            server.start();
        } catch (java.io.IOException e) {
            if (e.getCause() instanceof java.net.BindException) {
                server.stop();
                throw new java.io.IOException("port " + port + " on " + host + " is taken (by another studio or"
                        + " program): choose another port (--port), or 0 for any free one", e);
            }
            throw e;
        }
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

    /** Every request: the guard first, then the route table the site sends it to. */
    private final class Routes extends Handler.Abstract {
        private final Site site;
        private AccessGuard guard;

        Routes(Site site) {
            this.site = site;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            try {
                Fields query = Request.extractQueryParameters(request);
                Optional<AccessGuard.Refusal> refusal = guard().check(request.getMethod(),
                        request.getHeaders().get(HttpHeader.HOST), request.getHeaders().get(HttpHeader.ORIGIN),
                        presentedToken(request, query));
                if (refusal.isPresent()) {
                    Exchange.send(response, callback, refusal.get().status(),
                            Exchange.errorBody(refusal.get().message()));
                    return true;
                }
                if (query.getValue("token") != null) {
                    // The first visit's token becomes a cookie, so the page's own requests carry it.
                    Response.addCookie(response, HttpCookie.build(AccessGuard.COOKIE, token).path("/")
                            .httpOnly(true).sameSite(HttpCookie.SameSite.STRICT).build());
                }
                route(request, response, callback, query);
            } catch (StudioException e) {
                Exchange.send(response, callback, e.status(), Exchange.errorBody(e.getMessage()));
            } catch (Exception e) {
                Exchange.send(response, callback, 500,
                        Exchange.errorBody(e.getMessage() == null ? e.toString() : e.getMessage()));
            }
            return true;
        }

        /** One guard for the server's life; built on the first request, when the bound port is known. */
        private synchronized AccessGuard guard() {
            if (guard == null) {
                guard = new AccessGuard(token, port(), "127.0.0.1".equals(host) ? Set.of() : Set.of(host));
            }
            return guard;
        }

        private void route(Request request, Response response, Callback callback, Fields query) throws Exception {
            Site.Destination destination = site.destination(Request.getPathInContext(request));
            if (destination instanceof Site.Redirect redirect) {
                String q = request.getHttpURI().getQuery();
                response.getHeaders().put(HttpHeader.LOCATION, redirect.location() + (q == null ? "" : "?" + q));
                Exchange.send(response, callback, 302,
                        Exchange.JSON.writeValueAsBytes(Map.of("location", redirect.location())));
                return;
            }
            Site.Routed routed = (Site.Routed) destination;
            RouteTable table = routed.table();
            String path = routed.path();
            Optional<RouteTable.Match> match = table.find(request.getMethod(), path);
            if (match.isPresent()) {
                match.get().endpoint().handle(new Exchange(request, response, callback, match.get().parameters(),
                        query));
            } else if (table.servesOtherMethods(path)) {
                throw new StudioException(405, request.getMethod() + " is not allowed on " + path);
            } else {
                throw StudioException.notFound("no such page: " + request.getMethod() + " " + path);
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
}
