package dev.littlebrain.studio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a path a browser sent (a sample's id: its path relative to the project's data folder) into a file that is
 * certainly inside that folder. A request is refused, with one line, when the path is absolute, climbs out with
 * {@code ..}, hides a '\' or NUL, or leads through a symbolic link to somewhere outside: a page must never read or
 * move a file the user did not put in the project.
 */
final class ProjectPaths {
    private final Path root;

    /** @param root the folder every path must stay in (the project's data/) */
    ProjectPaths(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * The file {@code relative} names inside the root (it need not exist yet).
     *
     * @throws StudioException 400 naming the path when it would leave the root
     */
    Path resolve(String relative) throws IOException {
        if (relative.isEmpty() || relative.startsWith("/") || relative.indexOf('\\') >= 0
                || relative.indexOf('\0') >= 0 || relative.matches("^[A-Za-z]:.*")) {
            throw refused(relative);
        }
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw refused(relative);
            }
        }
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root)) {
            throw refused(relative);
        }
        // A link inside the folder may point anywhere: what counts is where the nearest existing part really is.
        Path existing = file;
        while (existing != null && !Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing != null && Files.exists(root) && !really(existing).startsWith(root.toRealPath())) {
            throw refused(relative);
        }
        return file;
    }

    /** Where {@code path} really is; a link that leads nowhere leads outside. */
    private Path really(Path path) throws IOException {
        try {
            return path.toRealPath();
        } catch (IOException dangling) {
            return path.getRoot();
        }
    }

    private static StudioException refused(String relative) {
        return StudioException.badRequest("'" + relative + "' is not a path inside the project's data folder");
    }
}
