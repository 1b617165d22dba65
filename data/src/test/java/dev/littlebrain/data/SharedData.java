package dev.littlebrain.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's shared/ folder (datasets) for tests that use real data. */
public final class SharedData {
    private SharedData() {
    }

    /** {@code shared/<relative>}, or skips the test when it is not there. */
    public static Path require(String relative) {
        Path shared = locate();
        assumeTrue(shared != null && Files.exists(shared.resolve(relative)),
                "shared/" + relative + " not found (set -Dlittlebrain.root to the repository root)");
        return shared.resolve(relative);
    }

    private static Path locate() {
        String root = System.getProperty("littlebrain.root");
        if (root != null && Files.isDirectory(Path.of(root).resolve("../shared"))) {
            return Path.of(root).resolve("../shared").normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/datasets"))) {
                return dir.resolve("shared");
            }
        }
        return null;
    }
}
