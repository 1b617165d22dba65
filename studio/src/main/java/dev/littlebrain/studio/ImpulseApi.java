package dev.littlebrain.studio;

import dev.littlebrain.files.AtomicFiles;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.ProjectLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Impulse design: the page, the impulse as it is ({@code GET /api/impulse}), a change of it written to impulse.yaml
 * ({@code PUT /api/impulse}) and a sample's features under settings being tried ({@code POST
 * /api/impulse/preview}). The forms come from the blocks' schemas ({@code GET /api/blocks}).
 */
final class ImpulseApi {
    /** An impulse change or a preview request is a few hundred bytes of JSON. */
    private static final long BODY_LIMIT = 64 * 1024;

    private final Path projectDir;

    ImpulseApi(Path projectDir) {
        this.projectDir = projectDir;
    }

    void register(RouteTable routes) {
        routes.get("/api/impulse", ex -> ex.json(ImpulseDesign.of(Project.open(projectDir))))
                .put("/api/impulse", this::change)
                .post("/api/impulse/preview", ex -> ex.json(FeaturePreview.of(Project.open(projectDir),
                        ex.bodyJson(FeaturePreview.Request.class, BODY_LIMIT))));
    }

    /**
     * Writes the change to impulse.yaml atomically, under the project's lock (not while a training reads it); an
     * impulse the library would refuse is refused with its one line and the file left as it was.
     */
    private void change(Exchange ex) throws Exception {
        ImpulseChange change = ex.bodyJson(ImpulseChange.class, BODY_LIMIT);
        Path file = Project.open(projectDir).layout().config();
        try (ProjectLock lock = ProjectLock.acquire(projectDir, "studio: impulse design", notice -> { })) {
            String changed;
            try {
                changed = change.applyTo(Files.readString(file, StandardCharsets.UTF_8));
            } catch (ImpulseConfig.ImpulseConfigException e) {
                throw StudioException.badRequest(ImpulseConfig.FILE_NAME + ": " + e.getMessage());
            }
            AtomicFiles.write(file, changed.getBytes(StandardCharsets.UTF_8));
        } catch (ProjectLock.ProjectInUseException e) {
            throw StudioException.conflict(e.getMessage());
        }
        ex.json(ImpulseDesign.of(Project.open(projectDir)));
    }
}
