package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 21's "one name per fact", kept: the main code of every module makes JSON with {@code files.Json}, asks an
 * input its {@code Modality}, finds {@code ../shared} with {@code SharedFolder}, deletes a folder it made with
 * {@code StagedFolder.deleteTree} and builds curation options with {@code KwsCurationOptions}' withers. A second
 * way in a new file fails here; the files allowed below say why.
 */
class OneWayEachTest {
    /** The repository: the tests run in {@code <repository>/cli}. */
    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    @Test
    void oneJsonMapper() throws IOException {
        // ImpulseConfig parses YAML (another factory); EdgeImpulseJson takes only a streaming parser's factory.
        assertEquals(List.of(), filesContaining("new ObjectMapper(",
                Set.of("Json.java", "ImpulseConfig.java", "EdgeImpulseJson.java")));
    }

    @Test
    void modalitiesAreAskedNotCompared() throws IOException {
        assertEquals(List.of(), filesContaining("\"audio\".equals(", Set.of()));
        assertEquals(List.of(), filesContaining("equals(\"audio\")", Set.of()));
    }

    @Test
    void oneSharedFolderLookup() throws IOException {
        // bench/ (JMH) cannot depend on impulse, which it would need for SharedFolder.
        assertEquals(List.of(), filesContaining("resolveSibling(\"shared\")", Set.of("BenchModels.java")));
        assertEquals(List.of(), filesContaining("\"../shared\"", Set.of()));
    }

    @Test
    void oneRecursiveDelete() throws IOException {
        // deploy/ does not depend on files/ (which holds StagedFolder.deleteTree); its two temporary build folders.
        assertEquals(List.of(), filesContaining("reverseOrder()", Set.of("ArmFootprint.java", "DeviceBenchmark.java")));
    }

    @Test
    void curationOptionsFromDefaultsAndWithers() throws IOException {
        assertEquals(List.of(), filesContaining("new KwsCurationOptions(", Set.of("KwsCurationOptions.java")));
    }

    /** Main source files of any module, but {@code allowed}, whose text contains {@code text}. */
    private static List<String> filesContaining(String text, Set<String> allowed) throws IOException {
        assumeTrue(Files.isRegularFile(REPOSITORY.resolve("pom.xml")) && Files.isDirectory(REPOSITORY.resolve("files")),
                "not run from <repository>/cli");
        try (Stream<Path> files = Files.walk(REPOSITORY, 12)) {
            return files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
                    .filter(f -> !allowed.contains(f.getFileName().toString()))
                    .filter(f -> read(f).contains(text))
                    .map(f -> REPOSITORY.relativize(f).toString()).sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
