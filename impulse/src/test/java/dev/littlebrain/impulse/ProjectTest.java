package dev.littlebrain.impulse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.runtime.stream.ContinuousConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project opened and created from Java; the evaluation itself is tested on a trained project in the cli module. */
class ProjectTest {
    @TempDir
    Path tmp;

    @Test
    void aCreatedProjectOpensWithItsTemplatesImpulse() throws IOException {
        Path dir = tmp.resolve("glove");
        Project created = Project.create(dir, "motion");
        assertTrue(Files.isRegularFile(dir.resolve(ProjectLayout.CONFIG)));
        Project opened = Project.open(dir);
        assertEquals(created.impulse(), opened.impulse());
        assertEquals(62.5, opened.impulse().input().frequencyHz());
        assertEquals(dir.resolve("models/model_int8.tflite"), opened.layout().int8Model());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> Project.create(dir, "motion"));
        assertEquals(dir.resolve(ProjectLayout.CONFIG) + " already exists", twice.getMessage());
    }

    @Test
    void anUntrainedProjectSaysToTrainFirst() throws IOException {
        Project p = Project.create(tmp.resolve("p"), "motion");
        IllegalArgumentException clips = assertThrows(IllegalArgumentException.class, () -> p.test(0.6, Progress.NONE));
        assertEquals(p.layout().floatModel() + " is missing; run 'littlebrain train' first", clips.getMessage());
        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class, p::continuousConfig);
        assertEquals(p.layout().trainingRecord() + " is missing; run 'littlebrain train' first", labels.getMessage());
    }

    @Test
    void theContinuousSettingsAreTheProjectsWithItsTrainedLabels() throws IOException {
        Project p = Project.create(tmp.resolve("p"), "motion");
        Files.createDirectories(p.layout().models());
        Files.writeString(p.layout().trainingRecord(), "{\"labels\": [\"idle\", \"wave\"]}");
        ContinuousConfig c = p.continuousConfig();
        // 125 samples at 62.5 Hz in the template's 5 slices.
        assertEquals(25, c.sliceSamples());
        assertEquals(java.util.List.of("idle", "wave"), c.labels());
        assertEquals(p.impulse().continuous().threshold(), c.threshold(), 1e-6);
    }
}
