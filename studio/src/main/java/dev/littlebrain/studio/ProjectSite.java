package dev.littlebrain.studio;

import java.nio.file.Path;
import org.eclipse.jetty.server.Server;

/**
 * Everything the studio serves for one project: its pages and every area's API in one {@link RouteTable}, and its
 * job queue. With {@code --project} the site is the whole studio; in a workspace each project has one, built the
 * first time the project is visited and kept, so its jobs outlive the page that started them.
 */
final class ProjectSite {
    private final RouteTable routes = new RouteTable();

    /** The site of the project in {@code projectDir}; its jobs are cancelled when {@code server} stops. */
    ProjectSite(Path projectDir, Server server) {
        StudioPages.register(routes);
        new DashboardApi(projectDir).register(routes);
        new SamplesApi(projectDir).register(routes);
        DatasetFolders.register(routes);
        new ExplorerApi(projectDir).register(routes);
        new ImpulseApi(projectDir).register(routes);
        new DeployApi(projectDir).register(routes);
        new JobsApi(projectDir, server).register(routes);
        new LiveApi(projectDir).register(routes);
    }

    RouteTable routes() {
        return routes;
    }
}
