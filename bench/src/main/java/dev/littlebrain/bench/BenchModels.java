package dev.littlebrain.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the conformance models the benchmarks run (in {@code ../shared/conformance}). */
final class BenchModels {
    private BenchModels() {
    }

    static Path caseDir(String name) {
        String configured = System.getProperty("littlebrain.conformance");
        Path root = configured != null ? Path.of(configured) : find();
        Path dir = root.resolve(name);
        if (!Files.isRegularFile(dir.resolve("model.tflite"))) {
            throw new IllegalStateException("conformance case not found: " + dir
                    + " (set -Dlittlebrain.conformance=/path/to/shared/conformance)");
        }
        return dir;
    }

    private static Path find() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("conformance");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("../shared/conformance");
    }
}
