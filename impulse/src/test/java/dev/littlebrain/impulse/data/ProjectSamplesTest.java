package dev.littlebrain.impulse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.data.SampleFile;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.curate.Manifest;
import dev.littlebrain.data.curate.ManifestEntry;
import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.dsp.io.EdgeImpulseJson;
import dev.littlebrain.dsp.io.SensorSeries;
import dev.littlebrain.dsp.io.SignalFormatException;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.ProjectLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Samples added to and edited in a project by the library (what the studio's Data page does) leave data/ as
 * {@code data import} writes it: the commands count and compute features on it as on an imported one.
 */
class ProjectSamplesTest {
    @TempDir
    Path tmp;

    @Test
    void samplesAddedToAnEmptyProjectAreDataTheCommandsRead() throws Exception {
        Path raw = tmp.resolve("raw");
        Datasets.generate(SyntheticKind.MOTION, raw, 2, 5);
        Project project = Project.create(tmp.resolve("p"), "motion");
        ProjectSamples samples = ProjectSamples.of(project);
        List<Path> files;
        try (Stream<Path> s = Files.walk(raw)) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            String label = f.getFileName().toString().split("\\.")[0];
            samples.add(SampleFile.check(f.getFileName().toString(), Files.readAllBytes(f)), label,
                    f.toString().contains("testing") ? Split.TEST : Split.TRAIN);
        }
        Manifest manifest = Manifest.read(project.layout().data());
        assertEquals(files.size(), manifest.samples().size());
        assertEquals(List.of("accX", "accY", "accZ"), manifest.axes());
        assertEquals(files.size(), Datasets.describe(project.layout().data(), Progress.NONE).stats().totalSamples());
        assertEquals(files.size(), project.project().features(ProgressListener.NONE).samples().size(),
                "features reads the data as an imported one");
    }

    @Test
    void aCropMovedSinceStaysWhenItsOriginalComesBackAndACropNeverReplacesAFile() throws Exception {
        Path raw = tmp.resolve("raw");
        Datasets.generate(SyntheticKind.MOTION, raw, 2, 5);
        Project project = Project.create(tmp.resolve("p"), "motion");
        project.importData(raw, ImportPlan.asIs(), Progress.NONE);
        ProjectSamples samples = ProjectSamples.of(project);
        ManifestEntry first = Manifest.read(project.layout().data()).samples().get(0);
        SensorSeries take = EdgeImpulseJson.read(project.layout().data().resolve(first.path()));
        float[] twice = Arrays.copyOf(take.interleaved(), take.interleaved().length * 2);
        System.arraycopy(take.interleaved(), 0, twice, take.interleaved().length, take.interleaved().length);
        byte[] longer = EdgeImpulseJson.format(new SensorSeries(take.deviceType(), take.axes(), take.units(),
                take.intervalMs(), twice));
        ManifestEntry added = samples.add(SampleFile.check("twice.json", longer), "wave", Split.TRAIN);
        Path taken = Files.writeString(project.layout().data().resolve("train/wave/twice_crop.json"), "mine");

        ManifestEntry crop = samples.crop(added.path(), 500, 2500);
        assertEquals("train/wave/twice_crop_2.json", crop.path(), "numbered: the name on disk is someone's");
        assertEquals("mine", Files.readString(taken));
        ManifestEntry moved = samples.move(crop.path(), "wave", Split.TEST);

        assertEquals(added.path(), samples.undoTrash().orElseThrow().path());
        List<String> listed = Manifest.read(project.layout().data()).samples().stream().map(ManifestEntry::path)
                .toList();
        assertTrue(listed.contains(added.path()) && listed.contains(moved.path()),
                "a crop moved since is the person's sample now: both stay " + listed);
        assertTrue(Files.isRegularFile(project.layout().data().resolve(moved.path())));
        assertEquals("mine", Files.readString(taken));
    }

    @Test
    void aNameTakenOnDiskIsNumberedAndTheFileThereKept() throws Exception {
        Path raw = tmp.resolve("raw");
        Datasets.generate(SyntheticKind.MOTION, raw, 2, 5);
        Project project = Project.create(tmp.resolve("p"), "motion");
        project.importData(raw, ImportPlan.asIs(), Progress.NONE);
        ProjectSamples samples = ProjectSamples.of(project);
        ManifestEntry first = Manifest.read(project.layout().data()).samples().get(0);
        byte[] bytes = Files.readAllBytes(project.layout().data().resolve(first.path()));
        Path mine = Files.writeString(project.layout().data().resolve("train/wave/notes.json"), "mine");

        ManifestEntry added = samples.add(SampleFile.check("notes.json", bytes), "wave", Split.TRAIN);
        assertEquals("train/wave/notes_2.json", added.path());
        assertEquals("mine", Files.readString(mine));

        ManifestEntry moved = samples.move(added.path(), "wave", Split.TEST);
        assertEquals("test/wave/notes_2.json", moved.path());
        assertArrayEquals(bytes, Files.readAllBytes(project.layout().data().resolve(moved.path())));

        // A new label joins the manifest's labels (the classes train learns); one left without samples leaves it.
        samples.move(moved.path(), "shake", Split.TEST);
        assertEquals(List.of("circle", "idle", "updown", "wave", "shake"),
                Manifest.read(project.layout().data()).labels());
        for (ManifestEntry e : Manifest.read(project.layout().data()).samples()) {
            if (e.label().equals("updown")) {
                samples.move(e.path(), "wave", Split.fromId(e.split()));
            }
        }
        assertEquals(List.of("circle", "idle", "wave", "shake"), Manifest.read(project.layout().data()).labels());
    }

    @Test
    void undoBringsBackDeletionsLastFirstAndAnEditWaitsForNoRunningCommand() throws Exception {
        Path raw = tmp.resolve("raw");
        Datasets.generate(SyntheticKind.MOTION, raw, 2, 5);
        Project project = Project.create(tmp.resolve("p"), "motion");
        project.importData(raw, ImportPlan.asIs(), Progress.NONE);
        ProjectSamples samples = ProjectSamples.of(project);
        byte[] manifest = Files.readAllBytes(project.layout().data().resolve(Manifest.FILE_NAME));
        List<ManifestEntry> entries = Manifest.read(project.layout().data()).samples();
        samples.trash(entries.get(3).path());
        samples.trash(entries.get(0).path());
        assertEquals(2, samples.trashed());
        assertEquals(entries.get(0).path(), samples.undoTrash().orElseThrow().path());
        assertEquals(entries.get(3).path(), samples.undoTrash().orElseThrow().path());
        assertTrue(samples.undoTrash().isEmpty());
        assertArrayEquals(manifest, Files.readAllBytes(project.layout().data().resolve(Manifest.FILE_NAME)));

        try (ProjectLock training = ProjectLock.acquire(project.layout().dir(), "littlebrain train", n -> { })) {
            assertThrows(ProjectLock.ProjectInUseException.class, () -> samples.trash(entries.get(1).path()));
        }
        assertTrue(Files.exists(project.layout().data().resolve(entries.get(1).path())));
    }

    @Test
    void aFileThatDoesNotSuitTheProjectIsRefusedNamingIt() throws Exception {
        Project project = Project.create(tmp.resolve("p"), "kws");
        byte[] motion = "timestamp,accX,accY,accZ\n0,1,2,3\n16,1,2,3\n".getBytes();
        SignalFormatException e = assertThrows(SignalFormatException.class,
                () -> ProjectSamples.of(project).add(SampleFile.check("walk.csv", motion), "yes", Split.TRAIN));
        assertTrue(e.getMessage().startsWith("walk.csv: is sensor data, but this project's input is audio"),
                e.getMessage());
        assertTrue(Files.notExists(project.layout().data()));
    }
}
