package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesCommandTest {

    /** Inside a project impulse.yaml decides the block and folders: a flag that would be ignored is refused. */
    @Tag("slow")
    @Test
    void flagsTheProjectDecidesAreRefusedNotIgnored(@TempDir Path tmp) {
        Path p = tmp.resolve("motion");
        assertEquals(0, CliRun.of("init", "motion", p.toString()).exitCode());
        for (String[] flag : new String[][] {{"--block", "mfe"}, {"--set", "fft_length=64"}, {"--data", "other"},
                {"--cache", "elsewhere"}}) {
            CliRun run = CliRun.of("features", "--project", p.toString(), flag[0], flag[1]);
            assertEquals(2, run.exitCode(), String.join(" ", flag) + ": " + run.err());
            assertTrue(run.err().contains(flag[0] + " does not apply inside a project"), run.err());
            assertTrue(run.err().contains("impulse.yaml"), run.err());
        }
        assertFalse(Files.exists(p.resolve("cache")), "nothing computed");
    }
}
