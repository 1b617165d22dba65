package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's motion part needs nothing but the repository: data generated, model trained, C exported. */
@Tag("slow")
class DemoCommandTest {

    @Test
    void motionPartRunsEndToEndOnGeneratedData(@TempDir Path tmp) throws Exception {
        Path p = tmp.resolve("demo-motion");
        // What an earlier demo left (its marker inside) is the demo's to replace.
        Files.createDirectories(p);
        Files.writeString(p.resolve(".littlebrain-demo"), "");
        Files.writeString(p.resolve("stale.txt"), "from an earlier demo");
        CliRun run = CliRun.of("demo", "--parts", "motion", "--motion-project", p.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertFalse(Files.exists(p.resolve("stale.txt")));
        assertTrue(Files.isRegularFile(p.resolve(".littlebrain-demo")));
        for (String step : new String[] {"$ littlebrain init motion", "$ littlebrain data generate motion",
                "$ littlebrain train", "$ littlebrain test", "$ littlebrain deploy", "$ littlebrain profile"}) {
            assertTrue(run.out().contains(step), step + " in " + run.out());
        }
        assertTrue(run.out().contains("confusion (int8"), run.out());
        for (String f : new String[] {"models/model_int8.tflite", "reports/confusion.png", "reports/test.html",
                "build/c-standalone/lb_model.c"}) {
            assertTrue(Files.size(p.resolve(f)) > 0, f);
        }
    }

    @Test
    void aFolderTheDemoDidNotBuildIsLeftAlone(@TempDir Path tmp) throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("my-project"));
        Files.writeString(mine.resolve("notes.txt"), "my own work");
        CliRun run = CliRun.of("demo", "--parts", "motion", "--motion-project", mine.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(mine + " exists and was not built by the demo"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertEquals("my own work", Files.readString(mine.resolve("notes.txt")));
        try (var entries = Files.list(mine)) {
            assertEquals(1, entries.count(), "nothing added to the user's folder");
        }
    }

    @Test
    void aMissingExplicitDatasetFails(@TempDir Path tmp) {
        CliRun run = CliRun.of("demo", "--parts", "kws", "--dataset", tmp.resolve("none").toString(),
                "--project", tmp.resolve("k").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("No keyword dataset at"), run.out());
    }
}
