package dev.littlebrain.studio;

import dev.littlebrain.files.StagedFolder;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder whose sub-folders are projects ({@code littlebrain studio --workspace DIR}). A project is named by its
 * folder's name, and a name from a browser is only ever looked up among the workspace's own folders: a plain name
 * (letters, digits, '-', '_', '.' but not first), a real folder inside the workspace (a link that leads out is
 * refused), holding an impulse.yaml.
 */
final class Workspace {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");
    /** A project being created is built in a hidden folder with this prefix, then moved into place whole. */
    static final String STAGING_PREFIX = ".littlebrain-new-";

    private final Path root;

    private Workspace(Path root) {
        this.root = root;
    }

    /**
     * The workspace in {@code dir}, created when missing.
     *
     * @throws IllegalArgumentException in one line when {@code dir} is a file or is itself a project
     */
    static Workspace open(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IllegalArgumentException(dir + " is a file, not a workspace folder");
        }
        if (Files.isRegularFile(absolute.resolve(ProjectLayout.CONFIG))) {
            throw new IllegalArgumentException(dir + " is a project (it holds " + ProjectLayout.CONFIG + "): open it"
                    + " with --project " + dir + ", or give the folder it lies in as the workspace");
        }
        Files.createDirectories(absolute);
        Workspace workspace = new Workspace(absolute.toRealPath());
        workspace.removeStagingOfEndedProcesses();
        return workspace;
    }

    /**
     * Deletes what a studio killed while creating a project left: staging folders whose name carries the id of a
     * process that no longer runs (ours, by their prefix; another studio's, still running, are left alone).
     */
    private void removeStagingOfEndedProcesses() throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith(STAGING_PREFIX) && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)
                        && creator(name).map(pid -> ProcessHandle.of(pid).isEmpty()).orElse(false)) {
                    StagedFolder.deleteTree(child);
                }
            }
        }
    }

    /** The process id in a staging folder's name ({@code .littlebrain-new-NAME-PID-NANOS}); empty if it has none. */
    private static Optional<Long> creator(String stagingName) {
        String[] parts = stagingName.split("-");
        try {
            return parts.length < 2 ? Optional.empty()
                    : Optional.of(Long.parseLong(parts[parts.length - 2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    Path root() {
        return root;
    }

    /**
     * The folder of the project called {@code name}.
     *
     * @throws StudioException 404 with one line when the name is not a plain folder name, names no folder of the
     *                         workspace, leads out of it, or names a folder that holds no project
     */
    Path project(String name) throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw StudioException.notFound("'" + name + "' is not a project name (letters, digits, '-', '_' and '.',"
                    + " not first)");
        }
        Path dir = root.resolve(name);
        if (!Files.isDirectory(dir)) {
            throw StudioException.notFound("no project '" + name + "' in the workspace " + root);
        }
        if (!dir.toRealPath().getParent().equals(root)) {
            throw StudioException.notFound("'" + name + "' leads out of the workspace " + root + ": not served");
        }
        if (!Files.isRegularFile(dir.resolve(ProjectLayout.CONFIG))) {
            throw StudioException.notFound("'" + name + "' is a folder of the workspace but not a project (it has no "
                    + ProjectLayout.CONFIG + ")");
        }
        return dir;
    }

    /** The names of the workspace's projects, sorted. */
    List<String> projectNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (NAME.matcher(name).matches() && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)
                        && Files.isRegularFile(child.resolve(ProjectLayout.CONFIG))) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /**
     * Creates the project {@code name} from {@code template} ({@link ImpulseConfig#TEMPLATES}), as
     * {@code littlebrain init} does. It is built in a hidden folder and moved into place whole: a server killed
     * half-way leaves no half project that would then hold the name.
     *
     * @throws StudioException 400 for a bad name or an unknown template, 409 when the name is taken
     */
    synchronized Path create(String name, String template) throws IOException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw StudioException.badRequest("'" + name + "' cannot be a project name: use letters, digits, '-',"
                    + " '_' and '.' (not first), at most 100 characters");
        }
        if (template == null || !ImpulseConfig.TEMPLATES.contains(template)) {
            throw StudioException.badRequest("unknown template '" + template + "'; known templates are "
                    + ImpulseConfig.TEMPLATES);
        }
        Path target = root.resolve(name);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw StudioException.conflict("'" + name + "' already exists in the workspace: choose another name"
                    + " (nothing was changed)");
        }
        // Not createTempDirectory: its folder is private (0700), and the project would stay so; this one gets the
        // permissions every folder the user makes gets.
        Path staging = Files.createDirectory(root.resolve(STAGING_PREFIX + name + "-" + ProcessHandle.current().pid()
                + "-" + System.nanoTime()));
        try {
            Project.create(staging, template);
            // Checked again just before the move: rename(2) would replace an empty folder made meanwhile.
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw StudioException.conflict("'" + name + "' already exists in the workspace: choose another name"
                        + " (nothing was changed)");
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) { // ours, left only when the move did not happen
                StagedFolder.deleteTree(staging);
            }
        }
        return target;
    }
}
