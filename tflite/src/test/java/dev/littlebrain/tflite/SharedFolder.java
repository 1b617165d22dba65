package dev.littlebrain.tflite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the workspace's {@code shared/} folder (conformance cases, datasets, DSP references) beside
 * the repository. Tests that need it skip with a printed reason when it is absent.
 */
public final class SharedFolder {
    private SharedFolder() {
    }

    public static Optional<Path> find() {
        String root = System.getProperty("littlebrain.root");
        if (root != null) {
            Path candidate = Path.of(root).toAbsolutePath().normalize().resolveSibling("shared");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("conformance"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The folder, or a skipped test (with the reason printed) when it is absent. */
    public static Path require(String sub) {
        Optional<Path> shared = find();
        if (shared.isEmpty() || !Files.isDirectory(shared.get().resolve(sub))) {
            String reason = "skipped: ../shared/" + sub + " not found next to the repository";
            System.out.println(reason);
            Assumptions.assumeTrue(false, reason);
        }
        return shared.get().resolve(sub);
    }
}
