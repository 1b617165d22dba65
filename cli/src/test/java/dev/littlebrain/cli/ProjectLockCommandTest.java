package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.impulse.ProjectLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18: two {@code train} runs in one project silently shared one checkpoint. */
class ProjectLockCommandTest {

    @Test
    void writingCommandsWaitForTheProjectAndReleaseItAlsoOnErrors(@TempDir Path tmp) throws Exception {
        Path p = tmp.resolve("P");
        Path raw = tmp.resolve("raw");
        assertEquals(0, CliRun.of("init", "motion", p.toString()).exitCode());
        assertEquals(0, CliRun.of("data", "generate", "motion", "--out", raw.toString(), "--samples-per-class", "2")
                .exitCode());
        long pid = ProcessHandle.current().pid();
        try (ProjectLock held = ProjectLock.acquire(p, "littlebrain train", line -> { })) {
            for (List<String> args : List.of(List.of("train", "--project", p.toString()),
                    List.of("features", "--project", p.toString()),
                    List.of("data", "import", raw.toString(), "--out", p.resolve("data").toString()),
                    List.of("ensemble", "--project", p.toString(), tmp.toString()),
                    List.of("data", "mine", raw.toString(), "--project", p.toString()),
                    List.of("test", "--project", p.toString(), "--stream", "--apply"),
                    List.of("deploy", "--project", p.toString(), "--format", "tflite", "--out", tmp.resolve("o")
                            .toString()))) {
                CliRun run = CliRun.of(args.toArray(String[]::new));
                assertEquals(1, run.exitCode(), args + ": " + run.out());
                assertEquals("error: project " + p + " is in use by `littlebrain train` (pid " + pid + "); wait for"
                        + " it to finish or stop it, then run this again", run.err().strip(), args.toString());
            }
            assertTrue(Files.notExists(p.resolve("data")), "nothing was written while the project was held");
        }
        CliRun failing = CliRun.of("train", "--project", p.toString()); // no data yet: fails inside the lock
        assertEquals(1, failing.exitCode());
        assertTrue(!failing.err().contains("in use"), failing.err());
        CliRun imported = CliRun.of("data", "import", raw.toString(), "--out", p.resolve("data").toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.err().isEmpty(), "no stale lock to take over: " + imported.err());
    }
}
