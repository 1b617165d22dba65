package dev.littlebrain.studio;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Server;

/**
 * The studio of a workspace: the Projects page and its API at the root, and each project's own site under
 * {@code /p/NAME/}, built the first time the project is visited and kept while the server runs (one job queue per
 * project, whichever page is open). The name in the path is looked up in the workspace only ({@link Workspace}).
 */
final class WorkspaceSite implements Site {
    static final String PROJECTS_PREFIX = "/p/";

    private final Workspace workspace;
    private final Server server;
    private final RouteTable root = new RouteTable();
    private final Map<String, ProjectSite> projects = new ConcurrentHashMap<>();

    WorkspaceSite(Workspace workspace, Server server) {
        this.workspace = workspace;
        this.server = server;
        new WorkspaceApi(workspace).register(root);
    }

    @Override
    public Destination destination(String path) throws IOException {
        if (!path.startsWith(PROJECTS_PREFIX)) {
            return new Routed(root, path);
        }
        String rest = path.substring(PROJECTS_PREFIX.length());
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        workspace.project(name); // a 404 with one line unless it names a project of this workspace
        if (slash < 0) {
            // The pages' links are relative (api/..., data): they need the folder's trailing slash.
            return new Redirect(PROJECTS_PREFIX + name + "/");
        }
        ProjectSite site = projects.computeIfAbsent(name, n -> new ProjectSite(workspace.root().resolve(n), server));
        return new Routed(site.routes(), rest.substring(slash));
    }
}
