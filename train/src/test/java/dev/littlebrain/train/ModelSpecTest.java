package dev.littlebrain.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelSpecTest {
    @Test
    void conv1dKwsShapesFollowTensorFlowSamePadding() {
        ModelSpec spec = Preset.named("conv1d-kws", new int[] {50, 13}, 4).spec();
        assertArrayEquals(new int[] {50, 13}, spec.shapes().get(1));
        assertArrayEquals(new int[] {25, 8}, spec.shapes().get(3));
        assertArrayEquals(new int[] {13, 16}, spec.shapes().get(6));
        assertArrayEquals(new int[] {208}, spec.shapes().get(8));
        assertArrayEquals(new int[] {4}, spec.outputShape());
    }

    @Test
    void impossibleShapeNamesTheLayer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelSpec.of(
                new LayerSpec.Input(new int[] {650}),
                new LayerSpec.Conv1D(8, 3, Activation.RELU)));
        assertTrue(e.getMessage().startsWith("layer 1 (Conv1D"), e.getMessage());
    }

    @Test
    void unknownPresetListsKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Preset.named("resnet", new int[] {1}, 2));
        assertTrue(e.getMessage().contains("conv1d-kws"), e.getMessage());
    }
}
