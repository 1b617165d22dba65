package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.littlebrain.tflite.SharedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The espeak-kws keyword-spotting project built with the CLI as a user would (init kws, data import, features,
 * train at the preset's length), trained once per test JVM and shared by the tests that evaluate it, so the
 * suite pays for one training run. Tests evaluate it (which writes reports/) but never change its data or models.
 *
 * @param dir          the project folder
 * @param dataset      the espeak-kws dataset it was built from
 * @param train        the train command's run
 * @param trainSeconds wall time of the train command
 */
record TrainedKwsProject(Path dir, Path dataset, CliRun train, double trainSeconds) {
    /** Epochs of the shared training run: the kws template preset's own length unless -Dimpulse.epochs says otherwise. */
    static final String EPOCHS = System.getProperty("impulse.epochs", "100");

    private static TrainedKwsProject shared;

    static synchronized TrainedKwsProject get() throws IOException {
        if (shared == null) {
            shared = build();
        }
        return shared;
    }

    private static TrainedKwsProject build() throws IOException {
        Path dataset = SharedFolder.require("datasets/espeak-kws");
        Path root = Files.createTempDirectory("littlebrain-kws");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
        Path p = root.resolve("P");
        assertEquals(0, CliRun.of("init", "kws", p.toString()).exitCode());
        CliRun imported = CliRun.of("data", "import", dataset.toString(), "--keywords", "yes,no", "--unknown",
                "--noise", "--out", p.resolve("data").toString());
        assertEquals(0, imported.exitCode(), imported.err());
        CliRun features = CliRun.of("features", "--project", p.toString());
        assertEquals(0, features.exitCode(), features.err());
        long t0 = System.nanoTime();
        CliRun train = CliRun.of("train", "--project", p.toString(), "--epochs", EPOCHS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, train.exitCode(), train.err());
        return new TrainedKwsProject(p, dataset, train, seconds);
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // best effort at JVM exit: a temp folder left behind is harmless
        }
    }
}
