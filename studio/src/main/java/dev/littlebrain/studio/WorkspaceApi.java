package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.littlebrain.impulse.ImpulseConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The workspace's Projects page and what it reads and does:
 *
 * <pre>
 * GET  /                the Projects page
 * GET  /api/projects    every project: its kind, samples per split, trained or not, validation and test accuracy
 * GET  /api/templates   what a new project can start from: {@code littlebrain init}'s templates
 * POST /api/projects    {"name": "gestures", "template": "motion"} → 201 and the new project's row
 * </pre>
 */
final class WorkspaceApi {
    /** A new project's request is a name and a template: anything larger is not one. */
    private static final long MAX_REQUEST_BYTES = 4 * 1024;

    private final Workspace workspace;

    WorkspaceApi(Workspace workspace) {
        this.workspace = workspace;
    }

    /** A template as the form offers it: its name and the impulse it starts with. */
    record Template(String name, @JsonProperty("input_type") String inputType,
            @JsonProperty("dsp_block") String dspBlock, @JsonProperty("learn_preset") String learnPreset) {
    }

    record NewProject(String name, String template) {
    }

    void register(RouteTable routes) {
        StudioPages.registerWorkspace(routes);
        routes.get("/api/projects", ex -> {
            List<ProjectSummary> rows = new ArrayList<>();
            for (String name : workspace.projectNames()) {
                rows.add(ProjectSummary.of(name, workspace.root().resolve(name)));
            }
            ex.json(Map.of("workspace", workspace.root().toString(), "projects", rows));
        }).get("/api/templates", ex -> ex.json(Map.of("templates", templates())))
                .post("/api/projects", ex -> {
                    NewProject request = ex.bodyJson(NewProject.class, MAX_REQUEST_BYTES);
                    if (request == null) {
                        throw StudioException.badRequest("say what to create: {\"name\": \"gestures\", \"template\":"
                                + " \"motion\"}");
                    }
                    workspace.create(request.name(), request.template());
                    ex.json(201, ProjectSummary.of(request.name(), workspace.root().resolve(request.name())));
                });
    }

    /** Every template {@code littlebrain init} offers, each described by the impulse it writes. */
    static List<Template> templates() {
        return ImpulseConfig.TEMPLATES.stream().map(name -> {
            ImpulseConfig c = ImpulseConfig.parse(ImpulseConfig.template(name));
            return new Template(name, c.input().type(), c.dsp().block(), c.learn().preset());
        }).toList();
    }
}
