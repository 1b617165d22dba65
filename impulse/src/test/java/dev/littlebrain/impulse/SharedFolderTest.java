package dev.littlebrain.impulse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedFolderTest {
    @Test
    void theNearestSharedFolderAtOrAboveTheStartIsFound(@TempDir Path tmp) throws Exception {
        Path outer = Files.createDirectories(tmp.resolve("shared/datasets/espeak-kws"));
        Path inner = Files.createDirectories(tmp.resolve("work/shared/datasets/espeak-kws"));
        Path repo = Files.createDirectories(tmp.resolve("work/repo/project"));

        assertEquals(Optional.of(inner), SharedFolder.find(repo, "datasets/espeak-kws"));
        assertEquals(Optional.of(inner), SharedFolder.find(tmp.resolve("work"), "datasets/espeak-kws"));
        assertEquals(Optional.of(outer), SharedFolder.find(tmp, "datasets/espeak-kws"));
        assertEquals(Optional.empty(), SharedFolder.find(repo, "conformance"));
    }

    @Test
    void fromARelativeStartTheAnswerIsRelativeAsAUserWouldTypeIt(@TempDir Path tmp) throws Exception {
        Path shared = Files.createDirectories(tmp.resolve("shared/conformance"));
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path relativeRepo = Path.of("").toAbsolutePath().relativize(repo);

        Path found = SharedFolder.find(relativeRepo, "conformance").orElseThrow();
        assertEquals(relativeRepo.resolve("../shared/conformance"), found);
        assertEquals(shared, found.toAbsolutePath().normalize());
    }
}
