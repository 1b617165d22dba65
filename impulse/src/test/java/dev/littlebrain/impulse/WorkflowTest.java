package dev.littlebrain.impulse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.data.curate.SensorDatasetWriter;
import dev.littlebrain.data.importer.MotionFileImporter;
import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.data.synth.MotionDatasetGenerator;
import dev.littlebrain.impulse.deploy.DeployFormats;
import dev.littlebrain.impulse.deploy.DeployOptions;
import dev.littlebrain.impulse.deploy.DeployResult;
import dev.littlebrain.impulse.evaluation.ClipReport;
import dev.littlebrain.impulse.features.FeatureSummary;
import dev.littlebrain.impulse.profile.DeviceProfile;
import dev.littlebrain.impulse.profile.ProfileOptions;
import dev.littlebrain.impulse.training.TrainOptions;
import dev.littlebrain.impulse.training.TrainingSummary;
import dev.littlebrain.train.EpochStats;
import dev.littlebrain.train.TrainingDevice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole workflow from Java, in process, on generated motion data: create a project, import data, compute
 * features, train, test, deploy, profile; and a training cancelled mid-way that the next {@code train} resumes and finishes with the
 * very model an uninterrupted training writes.
 */
@Tag("slow")
class WorkflowTest {
    private static final int EPOCHS = 6;
    private static final TrainOptions OPTIONS = TrainOptions.DEFAULTS.withEpochs(EPOCHS)
            .withDevice(TrainingDevice.CPU); // the CPU is seeded: the resumed model is compared byte for byte

    /** Records what a job reports; cancels it once {@code cancelAfterEpochs} epochs have finished (0: never). */
    private static final class Recorder implements Progress {
        final List<String> stages = new ArrayList<>();
        final List<String> messages = new ArrayList<>();
        final List<EpochStats> epochs = new ArrayList<>();
        final int cancelAfterEpochs;

        Recorder(int cancelAfterEpochs) {
            this.cancelAfterEpochs = cancelAfterEpochs;
        }

        @Override
        public void stage(String name) {
            stages.add(name);
        }

        @Override
        public void step(long done, long total) {
        }

        @Override
        public void message(String line) {
            messages.add(line);
        }

        @Override
        public void epoch(EpochStats stats) {
            epochs.add(stats);
        }

        @Override
        public boolean cancelled() {
            return cancelAfterEpochs > 0 && epochs.size() >= cancelAfterEpochs;
        }
    }

    /** A motion project with 12 generated samples per gesture imported into its data/. */
    private static Project motionProject(Path dir, Path raw) throws IOException {
        Project p = Project.create(dir, "motion");
        if (!Files.isDirectory(raw)) {
            new MotionDatasetGenerator(12, 1).write(raw);
        }
        SensorDatasetWriter.write(MotionFileImporter.importFrom(raw, ProgressListener.NONE).dataset(),
                p.layout().data(), ProgressListener.NONE);
        return p;
    }

    @Test
    void createImportFeaturesTrainTestDeployProfile(@TempDir Path tmp) throws Exception {
        Project p = motionProject(tmp.resolve("motion"), tmp.resolve("raw"));
        int samples = 12 * MotionDatasetGenerator.LABELS.size();

        FeatureSummary first = p.computeFeatures(new Recorder(0));
        assertEquals(samples, first.samples());
        assertEquals(samples, first.computed(), "a fresh project computes every sample");
        FeatureSummary again = p.computeFeatures(Progress.NONE);
        assertEquals(0, again.computed());
        assertEquals(samples, again.fromCache(), "the second run reads them all from the cache");

        Recorder progress = new Recorder(0);
        TrainingSummary trained = p.train(OPTIONS, progress);
        assertEquals(List.of("features", "training"), progress.stages);
        assertEquals(EPOCHS, progress.epochs.size(), "every epoch is reported");
        assertTrue(progress.messages.get(0).startsWith("training dense-motion on "), progress.messages.toString());
        assertEquals("cpu", trained.device());
        assertEquals(EPOCHS, trained.record().history().size());
        assertEquals(Set.copyOf(MotionDatasetGenerator.LABELS), Set.copyOf(trained.record().labels()),
                "trained on every gesture");
        assertEquals(p.layout().int8Model(), trained.int8Model());
        for (Path written : List.of(trained.floatModel(), trained.int8Model(), trained.trainingRecord(),
                trained.curves().get(0))) {
            assertTrue(Files.size(written) > 0, written + " is written");
        }
        assertArrayEquals(trained.record().toJson(), Files.readAllBytes(trained.trainingRecord()),
                "training.json is the record returned");
        assertFalse(Files.exists(p.layout().checkpoint(0, 1)), "a finished training leaves no checkpoint");

        ClipReport report = Project.open(p.layout().dir()).test(0.6, Progress.NONE);
        assertTrue(report.testSamples() > 0);
        assertEquals(trained.record().labels(), report.labels(), "tested on the labels it was trained on");

        Path out = tmp.resolve("deploy");
        DeployResult deployed = p.deploy(DeployFormats.C_STANDALONE, out, DeployOptions.DEFAULTS);
        assertTrue(deployed.paths().contains(out.resolve("lb_model.c")), deployed.paths().toString());
        for (DeployResult.File f : deployed.files()) {
            assertEquals(Files.size(f.path()), f.bytes(), f.path() + ": the record's size is the file's");
        }
        assertTrue(Files.readString(out.resolve("lb_model.h")).contains(trained.record().labels().get(0)),
                "the export names the trained labels");

        List<DeviceProfile> boards = p.profile(ProfileOptions.DEFAULTS.withEstimateOnly(true));
        assertFalse(boards.isEmpty());
        for (DeviceProfile b : boards) {
            assertTrue(b.ramBytes() >= b.arenaBytes() && b.arenaBytes() > 0, b.toString());
            assertTrue(b.flashBytes() > b.weightsBytes() && b.instructions() > 0, b.toString());
        }
    }

    @Test
    void aCancelledTrainingLeavesACheckpointThatTheNextOneResumes(@TempDir Path tmp) throws Exception {
        Path raw = tmp.resolve("raw");
        Project whole = motionProject(tmp.resolve("whole"), raw);
        whole.train(OPTIONS, Progress.NONE);

        Project p = motionProject(tmp.resolve("interrupted"), raw);
        Recorder cancelling = new Recorder(2);
        assertThrows(CancellationException.class, () -> p.train(OPTIONS, cancelling));
        assertEquals(2, cancelling.epochs.size(), "stopped in the third epoch, before finishing it");
        assertTrue(Files.isRegularFile(p.layout().checkpoint(0, 1)), "the checkpoint stays");
        assertFalse(Files.exists(p.layout().int8Model()), "no model is written by a cancelled training");
        assertFalse(Files.exists(p.layout().trainingRecord()));

        Recorder resumed = new Recorder(0);
        TrainingSummary trained = p.train(OPTIONS, resumed);
        assertTrue(resumed.messages.stream().anyMatch(m -> m.startsWith("resuming from epoch 2/" + EPOCHS)),
                resumed.messages.toString());
        assertEquals(List.of(3, 4, 5, 6), resumed.epochs.stream().map(EpochStats::epoch).toList(),
                "only the epochs left are trained");
        assertEquals(EPOCHS, trained.record().history().size(), "the record holds the whole history");
        assertFalse(Files.exists(p.layout().checkpoint(0, 1)));
        assertArrayEquals(Files.readAllBytes(whole.layout().int8Model()), Files.readAllBytes(p.layout().int8Model()),
                "the resumed training ends with the model of an uninterrupted one");
    }
}
