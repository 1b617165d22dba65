package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.tflite.SharedFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ProfileCommandTest {

    @Test
    void jsonForOneBoardAddsArenaWindowAndStack() throws Exception {
        Path model = SharedFolder.require("conformance").resolve("tflm_micro_speech/model.tflite");
        CliRun inspect = CliRun.of("inspect", model.toString(), "--json");
        int arena = new ObjectMapper().readTree(inspect.out()).get("arena_bytes").asInt();
        CliRun run = CliRun.of("profile", model.toString(), "--target", "nano33ble", "--window-bytes", "32000",
                "--slice-ms", "250", "--json", "--estimate-only");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("nano33ble", json.get("board").asText());
        assertEquals(arena + 32000 + 1024, json.get("ram_bytes").asInt());
        assertTrue(json.get("fits_ram").asBoolean() && json.get("fits_flash").asBoolean());
        // 64 MHz Cortex-M4F: a faster clock on the same core must give a proportionally shorter time.
        double nano = json.get("inference_ms").asDouble();
        JsonNode badge = new ObjectMapper().readTree(CliRun.of("profile", model.toString(), "--target", "edgebadge",
                "--json").out());
        assertEquals(nano * 64 / 120, badge.get("inference_ms").asDouble(), 1e-6);
    }

    /** profile, run and inspect agree: a model the runtime cannot run is not reported as fitting a board. */
    @Test
    void aModelTheRuntimeRefusesIsRefusedAsRunRefusesIt(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path source = SharedFolder.require("conformance").resolve("conv1d_kws_int8/model.tflite");
        dev.littlebrain.tflite.Model m = dev.littlebrain.tflite.TfliteReader.read(source);
        java.util.List<dev.littlebrain.tflite.OperatorCode> codes = new java.util.ArrayList<>(m.operatorCodes());
        // A custom operator in place of the first one: TFLM would need the application's own kernel for it.
        codes.set(0, new dev.littlebrain.tflite.OperatorCode(32, "VendorOp", 1));
        Path model = tmp.resolve("custom.tflite");
        dev.littlebrain.tflite.TfliteWriter.write(new dev.littlebrain.tflite.Model(m.version(), codes, m.subgraphs(),
                m.description(), m.buffers(), m.metadata(), m.signatureDefs()), model);

        CliRun run = CliRun.of("run", model.toString(), "--input", source.resolveSibling("input_0.bin").toString());
        CliRun profile = CliRun.of("profile", model.toString(), "--target", "nano33ble", "--estimate-only");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(1, profile.exitCode(), profile.out() + profile.err());
        assertEquals(run.err().strip(), profile.err().strip());
        assertTrue(profile.err().contains("VendorOp"), profile.err());
        CliRun inspect = CliRun.of("inspect", model.toString());
        assertTrue(inspect.out().contains("not supported by the runtime: CUSTOM(VendorOp)"), inspect.out());
    }

    @Test
    void unknownBoardIsBadUsage() {
        Path model = SharedFolder.require("conformance").resolve("tflm_micro_speech/model.tflite");
        CliRun run = CliRun.of("profile", model.toString(), "--target", "arduino-uno");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("nano33ble"), run.err());
    }

    @Tag("slow")
    @Test
    void projectModeUsesTheProjectsModelWindowDeadlineAndOwnBoards(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Path model = SharedFolder.require("conformance").resolve("conv1d_kws_int8/model.tflite");
        Path p = tmp.resolve("P");
        assertEquals(0, CliRun.of("init", "kws", p.toString()).exitCode());
        java.nio.file.Files.createDirectories(p.resolve("models"));
        java.nio.file.Files.copy(model, p.resolve("models/model_int8.tflite"));
        String yaml = java.nio.file.Files.readString(p.resolve("impulse.yaml")).replace("target: nano33ble",
                "target: my-f4\nboards:\n  - id: my-f4\n    name: STM32F411 board\n    core: cortex-m4f\n"
                        + "    clock_mhz: 100\n    ram_kb: 128\n    flash_kb: 512\n");
        java.nio.file.Files.writeString(p.resolve("impulse.yaml"), yaml);

        CliRun mine = CliRun.of("profile", "--project", p.toString(), "--target", "my-f4", "--json", "--estimate-only");
        assertEquals(0, mine.exitCode(), mine.err());
        JsonNode json = new ObjectMapper().readTree(mine.out());
        assertEquals("my-f4", json.get("board").asText());
        // RAM is arena + DSP + stack. The MFCC front end keeps int16 state (12 KB: history, rows of the coming
        // windows), the wrapper's float features and the application's float slice; no copy of the window.
        long dspRam = json.get("dsp_ram_bytes").asLong();
        assertTrue(dspRam >= 4 * 4000 + 4 * 650 + 8 * 1024 && dspRam < 4 * 16000, mine.out());
        assertEquals(json.get("arena_bytes").asLong() + dspRam + 1024, json.get("ram_bytes").asLong());
        assertEquals(250.0, json.get("slice_ms").asDouble(), 1e-9, "a quarter of the 1 s window");
        // Same core as the Nano 33 BLE (64 MHz): the network's time scales with the clock...
        JsonNode nano = new ObjectMapper().readTree(CliRun.of("profile", model.toString(), "--target", "nano33ble",
                "--slice-ms", "250", "--json").out());
        assertEquals(nano.get("inference_ms").asDouble() * 64 / 100, json.get("inference_ms").asDouble(), 1e-6);
        // ...and the DSP update (about 1 M instructions for MFCC, the calibrated model) comes on top within the slice.
        long dsp = json.get("dsp_instructions_per_update").asLong();
        assertTrue(dsp > 700_000 && dsp < 1_500_000, mine.out());
        assertEquals(dsp * 1.25 / (100 * 1000.0), json.get("dsp_ms_per_update").asDouble(), 1e-6);
        assertEquals(json.get("dsp_ms_per_update").asDouble() + json.get("inference_ms").asDouble() <= 250,
                json.get("meets_deadline").asBoolean(), mine.out());
        // Without an FPU (Pico's Cortex-M0+) the DSP's float arithmetic runs in software: 6.6x the instructions
        // (measured on a Cortex-M3, DspLatencyModelTest).
        JsonNode pico = new ObjectMapper().readTree(CliRun.of("profile", "--project", p.toString(), "--target",
                "pico", "--json", "--estimate-only").out());
        assertEquals(dsp * 6.6, pico.get("dsp_instructions_per_update").asDouble(), 1.0);
        assertEquals(pico.get("dsp_ms_per_update").asDouble() + pico.get("inference_ms").asDouble() <= 250,
                pico.get("meets_deadline").asBoolean(), pico.toString());

        CliRun all = CliRun.of("profile", "--project", p.toString(), "--estimate-only");
        assertEquals(0, all.exitCode(), all.err());
        assertTrue(all.out().contains("my-f4") && all.out().contains("esp32") && all.out().contains("DSP ms"), all.out());

        java.nio.file.Files.writeString(p.resolve("impulse.yaml"), yaml.replace("target: my-f4", "target: my-f5"));
        CliRun bad = CliRun.of("profile", "--project", p.toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("target: 'my-f5' is not a known board") && bad.err().contains("my-f4"), bad.err());
    }

    @Tag("toolchain")
    @Test
    void cortexMFootprintIsMeasuredFromARealBuild() throws Exception {
        requireArmGcc();
        Path model = SharedFolder.require("conformance").resolve("dense_gesture_int8/model.tflite");
        JsonNode estimated = new ObjectMapper().readTree(CliRun.of("profile", model.toString(), "--target", "nano33ble",
                "--json", "--estimate-only").out());
        CliRun run = CliRun.of("profile", model.toString(), "--target", "nano33ble", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode measured = new ObjectMapper().readTree(run.out());
        assertTrue(measured.get("footprint").asText().startsWith("measured"), run.out());
        assertEquals("estimated", estimated.get("footprint").asText());
        long weights = measured.get("weights_bytes").asLong();
        long flash = measured.get("flash_bytes").asLong();
        // The build holds every weight plus some kernel code, and less code than the 8 KiB allowance.
        assertTrue(flash > weights + 500 && flash < estimated.get("flash_bytes").asLong(), run.out());
        // Static RAM holds at least the arena; the window (0 here) and the 1 KiB stack come on top.
        assertTrue(measured.get("ram_bytes").asLong() >= measured.get("arena_bytes").asLong() + 1024, run.out());

        JsonNode esp32 = new ObjectMapper().readTree(CliRun.of("profile", model.toString(), "--target", "esp32",
                "--json").out());
        assertEquals("estimated", esp32.get("footprint").asText(), "no ARM toolchain builds for Xtensa");
    }

    /** A keyword-spotting project: DSP and wrapper RAM and flash measured from a build of the whole impulse. */
    @Tag("toolchain")
    @Test
    void impulseFrontEndIsMeasuredFromARealBuild(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        requireArmGcc();
        Path p = tmp.resolve("P");
        assertEquals(0, CliRun.of("init", "kws", p.toString()).exitCode());
        java.nio.file.Files.createDirectories(p.resolve("models"));
        java.nio.file.Files.copy(SharedFolder.require("conformance").resolve("conv1d_kws_int8/model.tflite"),
                p.resolve("models/model_int8.tflite"));
        CliRun run = CliRun.of("profile", "--project", p.toString(), "--target", "nano33ble", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode measured = new ObjectMapper().readTree(run.out());
        JsonNode estimated = new ObjectMapper().readTree(CliRun.of("profile", "--project", p.toString(), "--target",
                "nano33ble", "--json", "--estimate-only").out());
        assertTrue(measured.get("footprint").asText().startsWith("measured"), run.out());
        long ram = measured.get("dsp_ram_bytes").asLong();
        long flash = measured.get("dsp_flash_bytes").asLong();
        System.out.printf("impulse front end (mfcc, 250 ms slices) on nano33ble: DSP RAM %d B measured, %d B estimated;"
                + " DSP flash %d B measured, %d B estimated%n", ram, estimated.get("dsp_ram_bytes").asLong(), flash,
                estimated.get("dsp_flash_bytes").asLong());
        // The application's float slice, the wrapper's features and the DSP's int16 state, no float window; the
        // estimate's rule within 15 %.
        assertTrue(ram >= 4 * 4000 + 4 * 650 + 8 * 1024 && ram < 4 * 16000, run.out());
        assertEquals(1.0, estimated.get("dsp_ram_bytes").asDouble() / ram, 0.15, run.out());
        // Code plus FFT, mel and DCT tables: more than a few KB, and the allowance within a factor of 1.5.
        assertTrue(flash > 4096, run.out());
        assertEquals(1.0, estimated.get("dsp_flash_bytes").asDouble() / flash, 0.5, run.out());
        assertEquals(measured.get("dsp_instructions_per_update").asLong(),
                estimated.get("dsp_instructions_per_update").asLong(), "instructions come from the model either way");
    }

    /** Skips (with a printed reason) when arm-none-eabi-gcc is missing; .ci/run installs it. */
    private static void requireArmGcc() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("arm-none-eabi-gcc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "skipped: arm-none-eabi-gcc not working");
        } catch (java.io.IOException e) {
            System.out.println("skipped: arm-none-eabi-gcc not found on PATH");
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "skipped: arm-none-eabi-gcc not found on PATH");
        }
    }
}
