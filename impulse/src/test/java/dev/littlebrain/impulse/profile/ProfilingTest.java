package dev.littlebrain.impulse.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.littlebrain.files.Json;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.tflite.SharedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Project#profile}: per-board records whose JSON is {@code profile --json}'s object. */
class ProfilingTest {
    @TempDir
    Path tmp;

    private static final ProfileOptions TABLES = ProfileOptions.DEFAULTS.withEstimateOnly(true);

    private Project project(String template, String model) throws IOException {
        Project p = Project.create(tmp.resolve(template), template);
        Files.createDirectories(p.layout().models());
        Files.copy(SharedFolder.require("conformance").resolve(model + "/model.tflite"), p.layout().int8Model());
        return p;
    }

    @Test
    void anAudioImpulseAddsItsFrontEndAndTheSliceDeadline() throws IOException {
        Project p = project("kws", "conv1d_kws_int8");
        List<DeviceProfile> all = p.profile(TABLES);
        assertEquals(List.of("nano33ble", "nucleo-l476rg", "edgebadge", "teensy40", "pico", "esp32"),
                all.stream().map(DeviceProfile::board).toList());
        DeviceProfile nano = all.get(0);
        assertEquals("cortex-m4f", nano.core());
        DeviceProfile.FrontEnd dsp = nano.frontEnd().orElseThrow();
        // The DSP keeps the window itself: RAM is arena + DSP + the 1 KiB stack, no window buffer.
        assertEquals(nano.arenaBytes() + dsp.ramBytes() + 1024, nano.ramBytes());
        assertEquals(250.0, nano.sliceMs(), 1e-9, "the 1 s window over the template's 4 slices");
        assertEquals(dsp.msPerUpdate() + nano.inferenceMs() <= 250, nano.meetsDeadline());
        // Pico's Cortex-M0+ has no FPU: the DSP's float arithmetic runs in software.
        assertTrue(all.get(4).frontEnd().orElseThrow().instructionsPerUpdate() > 5 * dsp.instructionsPerUpdate());
        assertEquals(nano.instructions(), all.get(4).instructions(), "the network's instructions do not change");

        JsonNode json = Json.mapper().valueToTree(nano);
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("board", "ram_bytes", "arena_bytes", "flash_bytes", "weights_bytes", "instructions",
                "inference_ms", "fits_ram", "fits_flash", "dsp_instructions_per_update", "dsp_ms_per_update",
                "dsp_ram_bytes", "dsp_flash_bytes", "slice_ms", "meets_deadline", "footprint"), keys);
        assertEquals(dsp.instructionsPerUpdate(), json.get("dsp_instructions_per_update").asLong());
        assertEquals(nano.inferenceMs(), json.get("inference_ms").asDouble());
        assertEquals("estimated", json.get("footprint").asText());
    }

    @Test
    void aSensorImpulseBuffersItsWindowAndHasNoFrontEnd() throws IOException {
        Project p = project("motion", "dense_gesture_int8");
        DeviceProfile nano = p.profile(TABLES.withTarget("NANO33BLE")).get(0);
        assertEquals("nano33ble", nano.board());
        assertTrue(nano.frontEnd().isEmpty());
        // The window as float32 values per axis: 125 samples (2 s at 62.5 Hz) of 3 axes.
        int window = p.impulse().input().windowSamples() * 4 * p.impulse().input().axes().size();
        assertEquals(nano.arenaBytes() + window + 1024, nano.ramBytes());
        assertEquals(0, nano.sliceMs());
        JsonNode json = Json.mapper().valueToTree(nano);
        assertTrue(!json.has("dsp_ram_bytes") && json.has("slice_ms"), json.toString());

        DeviceProfile given = p.profile(TABLES.withTarget("nano33ble").withWindowBytes(100).withSliceMs(1)).get(0);
        assertEquals(nano.arenaBytes() + 100 + 1024, given.ramBytes());
        assertEquals(given.inferenceMs() <= 1, given.meetsDeadline());
    }

    @Test
    void anUnknownTargetListsTheBoardsAndAFloatModelIsRefused() throws IOException {
        Project p = project("kws", "conv1d_kws_int8");
        UnknownBoardException e = assertThrows(UnknownBoardException.class,
                () -> p.profile(TABLES.withTarget("arduino-uno")));
        assertEquals("arduino-uno", e.target());
        assertEquals(6, e.choices().size());
        assertEquals("unknown board 'arduino-uno'; choose one of " + String.join(", ", e.choices()), e.getMessage());

        Files.copy(SharedFolder.require("conformance").resolve("conv1d_kws_float/model.tflite"), p.layout().int8Model(),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> p.profile(TABLES));
        assertTrue(f.getMessage().startsWith(p.layout().int8Model() + " holds a float32"), f.getMessage());
    }

    @Test
    void aBareModelIsProfiledOnTheBuiltInBoards() throws IOException {
        Path model = SharedFolder.require("conformance").resolve("tflm_micro_speech/model.tflite");
        List<String> stages = new ArrayList<>();
        Progress heard = new Progress() {
            @Override
            public void stage(String name) {
                stages.add(name);
            }

            @Override
            public void step(long done, long total) {
            }
        };
        List<DeviceProfile> tables = Profiling.ofModel(model, TABLES.withWindowBytes(32000), heard);
        assertEquals(6, tables.size());
        assertEquals(List.of(), stages, "no builds, nothing to wait for");
        DeviceProfile nano = tables.get(0);
        assertEquals(nano.arenaBytes() + 32000 + 1024, nano.ramBytes());
        // 64 MHz and 120 MHz Cortex-M4F: the time scales with the clock.
        assertEquals(nano.inferenceMs() * 64 / 120, tables.get(2).inferenceMs(), 1e-9);
    }
}
