package dev.littlebrain.studio;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The studio's pages and the stylesheet and scripts they share, served from this jar at plain paths ({@code /data},
 * {@code /training}, ...). The navigation bar is drawn by studio.js from the same list, in this order.
 */
final class StudioPages {
    private static final Map<String, String> PAGES = new LinkedHashMap<>();
    /** A workspace's root page (with {@code --workspace}): every project, and a form for a new one. */
    private static final String PROJECTS_PAGE = "projects.html";
    private static final Map<String, String> ASSETS = Map.of(
            "/studio.css", "text/css; charset=utf-8",
            "/studio.js", "text/javascript; charset=utf-8",
            "/chart.js", "text/javascript; charset=utf-8");

    static {
        PAGES.put("/", "index.html");
        PAGES.put("/data", "data.html");
        PAGES.put("/explorer", "explorer.html");
        PAGES.put("/impulse", "impulse.html");
        PAGES.put("/training", "training.html");
        PAGES.put("/testing", "testing.html");
        PAGES.put("/live", "live.html");
        PAGES.put("/deployment", "deployment.html");
    }

    private StudioPages() {
    }

    static void register(RouteTable routes) {
        PAGES.forEach((path, file) -> {
            if (Studio.class.getResource(file) != null) {
                routes.get(path, ex -> ex.bytes(200, "text/html; charset=utf-8", resource(file)));
            }
        });
        registerAssets(routes);
    }

    /** A workspace's root: the Projects page and the shared stylesheet and script. */
    static void registerWorkspace(RouteTable routes) {
        routes.get("/", ex -> ex.bytes(200, "text/html; charset=utf-8", resource(PROJECTS_PAGE)));
        registerAssets(routes);
    }

    private static void registerAssets(RouteTable routes) {
        ASSETS.forEach((path, type) -> routes.get(path, ex -> ex.bytes(200, type, resource(path.substring(1)))));
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = Studio.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the studio's " + name + " is missing from its jar");
            }
            return in.readAllBytes();
        }
    }
}
