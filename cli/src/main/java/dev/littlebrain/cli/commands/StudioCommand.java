package dev.littlebrain.cli.commands;

import dev.littlebrain.studio.Studio;
import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code littlebrain studio}: the local web studio for a project or a workspace of them, until Ctrl-C. */
@Command(name = "studio", mixinStandardHelpOptions = true,
        description = "Serve the local studio for a project, or a workspace of projects, in the browser (this"
                + " machine only, behind a token)"
                + " until Ctrl-C.")
public final class StudioCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true)
    Folder folder = new Folder();

    /** One project, or a workspace of them: not both. */
    static final class Folder {
        @Option(names = "--project", paramLabel = "DIR",
                description = "Impulse project folder (default: current directory).")
        Path project;

        @Option(names = "--workspace", paramLabel = "DIR", description = "A folder of projects (created if missing):"
                + " list, create and open them in the browser.")
        Path workspace;
    }

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "Port to listen on (default: any free one).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--no-browser", description = "Do not open a browser; only print the address.")
    boolean noBrowser;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Studio studio = folder.workspace != null ? Studio.startWorkspace(folder.workspace, host, port)
                : Studio.start(folder.project == null ? Path.of("") : folder.project, host, port)) {
            if (!"127.0.0.1".equals(host)) {
                spec.commandLine().getErr().println("warning: listening on " + host + ": anyone who can reach this"
                        + " machine and has the token can change the project");
            }
            out.println("LittleBrain Studio: " + studio.url());
            out.println("(the token in the address is the key: keep it to yourself; Ctrl-C stops the studio)");
            out.flush();
            if (!noBrowser && !GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(studio.url()));
            }
            studio.join();
        }
        return 0;
    }
}
