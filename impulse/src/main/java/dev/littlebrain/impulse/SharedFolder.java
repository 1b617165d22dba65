package dev.littlebrain.impulse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The workspace's {@code shared/} folder: the data LittleBrain's demo, benchmarks and stream tests use (datasets,
 * the conformance models) sits beside the repository, not in it. One rule finds it: {@code shared/SUB} in the
 * start folder or the nearest of its parents that has one, so it is found from the repository (as
 * {@code ../shared}), from inside it, and from a project folder under it.
 */
public final class SharedFolder {
    /** The folder's name. */
    public static final String NAME = "shared";

    private SharedFolder() {
    }

    /** {@code shared/sub} found from the current directory, relative to it as a user would type it. */
    public static Optional<Path> find(String sub) {
        return find(Path.of(""), sub);
    }

    /**
     * The nearest {@code shared/sub} folder at or above {@code start}: absolute when {@code start} is, else relative
     * to the current directory ({@code ../shared/conformance}), so a message names it as short as it can.
     */
    public static Optional<Path> find(Path start, String sub) {
        Path from = start.toAbsolutePath().normalize();
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(NAME).resolve(sub);
            if (Files.isDirectory(candidate)) {
                return Optional.of(start.isAbsolute() ? candidate : start.resolve(from.relativize(candidate)));
            }
        }
        return Optional.empty();
    }
}
