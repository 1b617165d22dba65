package dev.littlebrain.studio;

import dev.littlebrain.impulse.BlockCatalog;
import dev.littlebrain.impulse.Project;
import java.nio.file.Path;

/**
 * The dashboard's data: the project's summary ({@code GET /api/project}) and the blocks' parameter schemas the
 * impulse-design forms are drawn from ({@code GET /api/blocks}).
 */
final class DashboardApi {
    private final Path projectDir;

    DashboardApi(Path projectDir) {
        this.projectDir = projectDir;
    }

    void register(RouteTable routes) {
        routes.get("/api/project", ex -> ex.json(ProjectDashboard.of(Project.open(projectDir))))
                .get("/api/blocks", ex -> ex.json(BlockCatalog.all()));
    }

}
