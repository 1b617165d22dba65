package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code littlebrain studio}'s choice of folder: {@code --project} or {@code --workspace}, not both; a workspace
 * that cannot be one is refused in one line before any server starts.
 */
class StudioCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aProjectAndAWorkspaceTogetherAreAUsageError() {
        CliRun run = CliRun.of("studio", "--project", tmp.resolve("p").toString(), "--workspace",
                tmp.resolve("w").toString(), "--no-browser");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("mutually exclusive"), run.err());
        assertTrue(!Files.exists(tmp.resolve("w")), "nothing created");
    }

    @Test
    void aProjectGivenAsTheWorkspaceIsRefusedInOneLine() {
        assertEquals(0, CliRun.of("init", "motion", tmp.resolve("gestures").toString()).exitCode());
        CliRun run = CliRun.of("studio", "--workspace", tmp.resolve("gestures").toString(), "--no-browser");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("is a project") && run.err().contains("--project"), run.err());
    }
}
