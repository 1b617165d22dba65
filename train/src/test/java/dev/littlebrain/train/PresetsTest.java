package dev.littlebrain.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.dsp.blocks.ParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each preset's schema states the training settings the preset itself defaults to, and every preset builds. */
class PresetsTest {

    @Test
    void everyPresetHasATypeAndBuilds() {
        assertEquals(Presets.NAMES, Presets.types().stream().map(PresetType::name).toList());
        assertEquals(Preset.NAMES, Presets.NAMES);
        for (PresetType type : Presets.types()) {
            assertFalse(type.title().isBlank(), type.name());
            assertFalse(type.accepts().isEmpty(), type.name());
            Preset preset = Preset.named(type.name(), new int[] {49, 13}, 4);
            assertEquals(type.name(), preset.name());
            assertArrayEquals(new int[] {4}, preset.spec().outputShape(), type.name());
            assertEquals(49 * 13, preset.spec().inputSize(), type.name());
        }
    }

    @Test
    void theSchemaDefaultsAreThePresetsTrainingSettings() {
        for (PresetType type : Presets.types()) {
            Map<String, ParameterSpec> specs = type.parameters().stream()
                    .collect(Collectors.toMap(ParameterSpec::name, Function.identity()));
            assertEquals(List.of("epochs", "learning_rate", "batch_size", "learning_rate_schedule", "seed", "patience",
                    "keep", "class_weights", "label_smoothing"),
                    type.parameters().stream().map(ParameterSpec::name).toList());
            TrainingConfig training = Preset.named(type.name(), new int[] {49, 13}, 3).training();
            assertEquals(training.epochs(), Integer.parseInt(specs.get("epochs").defaultValue()), type.name());
            assertEquals(training.batchSize(), Integer.parseInt(specs.get("batch_size").defaultValue()), type.name());
            assertEquals(training.learningRate(), Float.parseFloat(specs.get("learning_rate").defaultValue()),
                    type.name());
            assertEquals(training.schedule().id(), specs.get("learning_rate_schedule").defaultValue());
            assertEquals(training.patience(), Integer.parseInt(specs.get("patience").defaultValue()));
            assertEquals(training.keep().id(), specs.get("keep").defaultValue());
            assertEquals(training.labelSmoothing(), Double.parseDouble(specs.get("label_smoothing").defaultValue()));
            assertEquals(training.seed(), Long.parseLong(specs.get("seed").defaultValue()));
            for (ParameterSpec spec : List.of(specs.get("epochs"), specs.get("learning_rate"), specs.get("batch_size"))) {
                ParameterSpec.Range r = spec.range().orElseThrow();
                assertTrue(r.contains(Double.parseDouble(spec.defaultValue())), spec.name());
                // TrainingConfig refuses what the range excludes: zero epochs, batch or learning rate.
                assertFalse(r.contains(0), spec.name());
            }
        }
    }

    @Test
    void presetDefaultsAreTheDocumentedOnes() {
        assertEquals("0.005", Presets.type("conv1d-kws").orElseThrow().parameters().get(1).defaultValue());
        assertEquals("30", Presets.type("dense-motion").orElseThrow().parameters().get(0).defaultValue());
        assertTrue(Presets.type("resnet").isEmpty());
    }
}
