package dev.littlebrain.studio;

import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.data.Datasets;
import dev.littlebrain.impulse.data.ImportPlan;
import dev.littlebrain.impulse.data.SyntheticKind;
import dev.littlebrain.impulse.training.TrainOptions;
import dev.littlebrain.train.TrainingDevice;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A motion project made through the library as a user would (generated data, imported, trained a few epochs on the
 * CPU), once per test JVM: the studio's tests that need a model share it and leave it as they found it.
 */
final class TrainedMotionProject {
    private static final int EPOCHS = 4;
    private static Project project;

    private TrainedMotionProject() {
    }

    static synchronized Project get() throws IOException {
        if (project == null) {
            Path dir = TempProjects.newFolder("littlebrain-studio-test");
            Project p = imported(dir, 6);
            long start = System.nanoTime();
            p.train(TrainOptions.DEFAULTS.withEpochs(EPOCHS).withDevice(TrainingDevice.CPU), Progress.NONE);
            System.out.printf("trained the motion project in %.1f s%n", (System.nanoTime() - start) / 1e9);
            project = p;
        }
        return project;
    }

    /**
     * A new, untrained motion project in {@code dir}/gestures with {@code recordingsPerLabel} generated recordings of
     * each gesture imported as they are (the generator's raw files stay in {@code dir}/raw).
     */
    static Project imported(Path dir, int recordingsPerLabel) throws IOException {
        Project p = Project.create(dir.resolve("gestures"), "motion");
        Path raw = dir.resolve("raw");
        Datasets.generate(SyntheticKind.MOTION, raw, recordingsPerLabel, 1);
        p.importData(raw, ImportPlan.asIs(), Progress.NONE);
        return p;
    }
}
