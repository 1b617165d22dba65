package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.littlebrain.tflite.SharedFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One keyword spotter built from espeak-kws exactly as a user builds it — init kws, data import (yes, no,
 * unknown, noise), features, train at the preset's full length — shared by every test class of this JVM
 * that needs a trained project, because training is the slow part of the suite. Tests may read the
 * project and write reports into it; they must not change its data, settings or models.
 */
final class TrainedKws {
    /** The conv1d-kws preset's own length unless -Dimpulse.epochs says otherwise. */
    static final String EPOCHS = System.getProperty("impulse.epochs", "100");

    private static Path project;
    private static CliRun training;
    private static double trainSeconds;

    private TrainedKws() {
    }

    /** The trained project (built on first use; skipped with a reason when ../shared is absent). */
    static synchronized Path project() throws IOException {
        Path dataset = SharedFolder.require("datasets/espeak-kws");
        if (project == null) {
            Path root = Files.createTempDirectory("littlebrain-kws");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
            Path p = root.resolve("kws");
            assertEquals(0, CliRun.of("init", "kws", p.toString()).exitCode());
            CliRun imported = CliRun.of("data", "import", dataset.toString(), "--keywords", "yes,no", "--unknown",
                    "--noise", "--out", p.resolve("data").toString());
            assertEquals(0, imported.exitCode(), imported.err());
            CliRun features = CliRun.of("features", "--project", p.toString());
            assertEquals(0, features.exitCode(), features.err());
            long t0 = System.nanoTime();
            CliRun train = CliRun.of("train", "--project", p.toString(), "--epochs", EPOCHS);
            trainSeconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(0, train.exitCode(), train.err());
            training = train;
            project = p;
        }
        return project;
    }

    /** What {@code train} printed. */
    static synchronized CliRun training() throws IOException {
        project();
        return training;
    }

    static synchronized double trainSeconds() throws IOException {
        project();
        return trainSeconds;
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
