package dev.littlebrain.data.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.littlebrain.data.DatasetException;
import dev.littlebrain.data.ImportResult;
import dev.littlebrain.data.curate.Manifest;
import dev.littlebrain.data.curate.SensorDatasetWriter;
import dev.littlebrain.data.importer.MotionFileImporter;
import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.dsp.io.SensorCsv;
import dev.littlebrain.dsp.io.SensorSeries;
import dev.littlebrain.files.StagedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing a curated dataset replaces its folder, so the folder must be new, empty, or one LittleBrain wrote and
 * that holds nothing else; never the source. Each refusal must leave every file where it was.
 */
class DatasetOutputFolderTest {
    @TempDir
    Path dir;
    private Path source;
    private ImportResult imported;

    @BeforeEach
    void sensorDataset() throws IOException {
        source = dir.resolve("motion-raw");
        for (String label : List.of("idle", "wave")) {
            for (int i = 0; i < 3; i++) {
                float[] values = new float[125 * 3];
                values[i] = label.length();
                SensorCsv.write(source.resolve(label + ".s" + i + ".csv"), new SensorSeries("", List.of("x", "y", "z"),
                        List.of("", "", ""), 16, values));
            }
        }
        imported = MotionFileImporter.importFrom(source, ProgressListener.NONE);
        assertEquals(6, imported.dataset().samples().size(), imported.skipped().toString());
    }

    private Manifest write(Path out) throws IOException {
        return SensorDatasetWriter.write(imported.dataset(), out, ProgressListener.NONE);
    }

    @Test
    void aFolderHoldingSomeonesFileIsRefusedAndKept() throws IOException {
        Path out = dir.resolve("d");
        Files.createDirectories(out);
        Files.writeString(out.resolve("thesis.txt"), "four years of work");
        DatasetException e = assertThrows(DatasetException.class, () -> write(out));
        assertTrue(e.getMessage().contains(out.toString()) && e.getMessage().contains("thesis.txt"), e.getMessage());
        assertEquals("four years of work", Files.readString(out.resolve("thesis.txt")));
        assertEquals(List.of("d", "motion-raw"), names(dir));
    }

    @Test
    void aProjectFolderIsRefusedAndKept() throws IOException {
        Path project = dir.resolve("my-project");
        Files.createDirectories(project.resolve("models"));
        Files.writeString(project.resolve("impulse.yaml"), "input: {}\n");
        Files.write(project.resolve("models/model_int8.tflite"), new byte[] {1, 2, 3});
        DatasetException e = assertThrows(DatasetException.class, () -> write(project));
        assertTrue(e.getMessage().contains("project") && e.getMessage().contains(project.resolve("data").toString()),
                e.getMessage());
        assertTrue(Files.exists(project.resolve("impulse.yaml")));
        assertTrue(Files.exists(project.resolve("models/model_int8.tflite")));
        // Its data folder is where the dataset goes.
        assertEquals(6, write(project.resolve("data")).samples().size());
    }

    @Test
    void theSourceAFolderInsideItOrOneHoldingItIsRefused() throws IOException {
        List<String> before = names(source);
        for (Path out : List.of(source, source.resolve("data"), dir)) {
            DatasetException e = assertThrows(DatasetException.class, () -> write(out), out.toString());
            assertTrue(e.getMessage().contains("source dataset"), e.getMessage());
        }
        assertEquals(before, names(source));
        assertEquals(List.of("motion-raw"), names(dir));
    }

    @Test
    void theCurrentFolderIsRefused() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> ReplaceableFolder.require(Path.of("."), Optional.empty(), Manifest.RECORD));
        assertTrue(e.getMessage().contains("current folder"), e.getMessage());
    }

    @Test
    void itsOwnDatasetIsReplacedButNotWithAForeignFileInside() throws IOException {
        Path out = dir.resolve("data");
        write(out);
        Files.writeString(out.resolve("train/idle/idle.s0.csv"), "changed");
        write(out);
        assertTrue(Files.readString(out.resolve("train/idle/idle.s0.csv")).startsWith("timestamp"));
        Files.writeString(out.resolve("train/idle/notes.txt"), "mine");
        DatasetException e = assertThrows(DatasetException.class, () -> write(out));
        assertTrue(e.getMessage().contains("train/idle/notes.txt"), e.getMessage());
        assertTrue(Files.exists(out.resolve("train/idle/notes.txt")));
    }

    @Test
    void anEmptyFolderIsUsed() throws IOException {
        Path out = Files.createDirectories(dir.resolve("empty"));
        assertEquals(6, write(out).samples().size());
        assertTrue(Files.exists(out.resolve(Manifest.FILE_NAME)));
    }

    @Test
    void stagingFoldersOfKilledRunsAreDeleted() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path killed = Files.createDirectories(dir.resolve(".data.staging-" + gone.pid() + "-k1/train"));
        Path olderFormat = Files.createDirectories(dir.resolve(".data.staging-8106323487624592651"));
        Files.writeString(killed.resolve("half.csv"), "timestamp,x\n");
        Path running = Files.createDirectories(dir.resolve(".data.staging-" + ProcessHandle.current().pid() + "-r1"));
        write(dir.resolve("data"));
        assertFalse(Files.exists(killed.getParent()));
        assertFalse(Files.exists(olderFormat));
        assertTrue(Files.exists(running), "a live run's staging folder is not ours to delete");
    }

    @Test
    void aSwapCutShortIsFinishedOnTheNextRun() throws Exception {
        Path out = dir.resolve("data");
        write(out);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path aside = dir.resolve(".data.old-" + gone.pid() + "-1");
        Files.move(out, aside); // killed between moving the old folder aside and moving the new one in
        write(dir.resolve("other"));
        assertFalse(Files.exists(out), "another folder's run leaves it alone");
        write(out);
        assertFalse(Files.exists(aside));
        assertTrue(Files.exists(out.resolve(Manifest.FILE_NAME)));
    }

    @Test
    void theDatasetFolderGetsTheModeOfAPlainFolder() throws IOException {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null);
        Path plain = Files.createDirectory(dir.resolve("plain"));
        Path out = dir.resolve("data");
        write(out);
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out));
        Files.writeString(plain.resolve("f"), "x");
        assertEquals(Files.getPosixFilePermissions(plain.resolve("f")),
                Files.getPosixFilePermissions(out.resolve(Manifest.FILE_NAME)));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * A swap killed between its two renames (the old folder moved aside, the new one not yet in): the folder is put
     * back as it was and the dead run's staging is deleted; a living run's folders are left alone.
     */
    @Test
    void aSwapKilledBetweenItsRenamesIsUndone(@TempDir Path dir) throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        Path target = dir.resolve("data");
        Path old = Files.createDirectories(dir.resolve(".data.old-" + done.pid() + "-1"));
        Files.writeString(old.resolve("manifest.json"), "{}");
        Path staging = Files.createDirectories(dir.resolve(".data.staging-" + done.pid() + "-2"));
        Path living = Files.createDirectories(dir.resolve(".data.staging-" + ProcessHandle.current().pid() + "-3"));

        StagedFolder.finishKilledSwaps(target);

        assertEquals("{}", Files.readString(target.resolve("manifest.json")));
        assertFalse(Files.exists(old) || Files.exists(staging));
        assertTrue(Files.isDirectory(living));
        StagedFolder.finishKilledSwaps(dir.resolve("absent/data")); // no parent: nothing to do
    }
}
