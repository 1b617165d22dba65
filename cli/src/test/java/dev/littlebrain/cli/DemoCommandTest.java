package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        CliRun run = CliRun.of("demo", "--parts", "motion", "--motion-project", p.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
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
    void aMissingExplicitDatasetFails(@TempDir Path tmp) {
        CliRun run = CliRun.of("demo", "--parts", "kws", "--dataset", tmp.resolve("none").toString(),
                "--project", tmp.resolve("k").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("No keyword dataset at"), run.out());
    }
}
