package dev.littlebrain.studio;

import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data explorer ({@code GET /api/explorer}): every sample on a plane from its DSP features, the suspects marked
 * ({@link dev.littlebrain.impulse.features.FeatureMap}). Features come from the project's cache; a project without
 * data is a 409 with one line.
 */
final class ExplorerApi {
    private final Path projectDir;

    ExplorerApi(Path projectDir) {
        this.projectDir = projectDir;
    }

    void register(RouteTable routes) {
        routes.get("/api/explorer", ex -> {
            Project project = Project.open(projectDir);
            if (!Files.isRegularFile(project.layout().manifest())) {
                throw StudioException.conflict("the project has no data yet: import or upload some first");
            }
            ex.json(project.featureMap(Progress.NONE));
        });
    }
}
