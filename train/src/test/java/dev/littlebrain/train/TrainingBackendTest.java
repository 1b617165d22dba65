package dev.littlebrain.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** This module brings no tensor engine: without a backend, training says in one line which artifact to add. */
class TrainingBackendTest {

    @Test
    void withoutABackendTrainingNamesTheArtifactToAdd() {
        Preset preset = Preset.named("dense-motion", new int[] {3, 11}, 2);
        LabeledFeatures data = new LabeledFeatures(new float[][] {new float[33], new float[33]}, new int[] {0, 1});
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Trainer(preset.spec(), preset.training()).fit(data, null, null));
        assertEquals("training needs a training backend, and none is on the class path: add the dependency"
                + " dev.littlebrain:littlebrain-train-pytorch (PyTorch through DJL)", e.getMessage());
        assertThrows(IllegalStateException.class, TrainingDevice.CPU::describe);
    }
}
