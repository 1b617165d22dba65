package dev.littlebrain.studio;

import dev.littlebrain.impulse.BlockCatalog;
import dev.littlebrain.impulse.Project;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The dashboard: the page, the stylesheet and script helpers every page shares, the project's summary ({@code GET /api/project}) and
 * the blocks' parameter schemas the impulse-design forms are drawn from ({@code GET /api/blocks}).
 */
final class DashboardApi {
    private final Path projectDir;

    DashboardApi(Path projectDir) {
        this.projectDir = projectDir;
    }

    void register(RouteTable routes) {
        routes.get("/", page("index.html"))
                .get("/studio.css", ex -> ex.bytes(200, "text/css; charset=utf-8", resource("studio.css")))
                .get("/studio.js", ex -> ex.bytes(200, "text/javascript; charset=utf-8", resource("studio.js")))
                .get("/api/project", ex -> ex.json(ProjectDashboard.of(Project.open(projectDir))))
                .get("/api/blocks", ex -> ex.json(BlockCatalog.all()));
    }

    /** A page of the studio, served from this jar. */
    static Endpoint page(String name) {
        return ex -> ex.bytes(200, "text/html; charset=utf-8", resource(name));
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
