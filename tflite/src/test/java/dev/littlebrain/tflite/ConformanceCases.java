package dev.littlebrain.tflite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The case folders of {@code ../shared/conformance}, sorted by name. */
public final class ConformanceCases {
    private ConformanceCases() {
    }

    public static List<Path> all() {
        Path root = SharedFolder.require("conformance");
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("model.tflite"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Stream<Path> stream() {
        return all().stream();
    }
}
