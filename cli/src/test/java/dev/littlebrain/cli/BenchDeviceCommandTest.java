package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.deploy.device.CortexM4Emulator;
import dev.littlebrain.tflite.SharedFolder;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code bench device} on one small model (conv1d_kws_int8) on the emulated Cortex-M4F. */
@Tag("toolchain")
class BenchDeviceCommandTest {
    private static Path shared() {
        return SharedFolder.require("conformance/conv1d_kws_int8").getParent().getParent();
    }

    private static void requireToolchain() {
        Optional<String> missing = CortexM4Emulator.missingTools();
        missing.ifPresent(m -> System.out.println("skipped: " + m));
        Assumptions.assumeTrue(missing.isEmpty(), missing.orElse(""));
    }

    @Test
    void jsonHasOneObjectPerModelWithTheCmsisNnRatio() throws Exception {
        requireToolchain();
        Path shared = shared();
        CliRun r = CliRun.of("bench", "device", "--json", "--shared", shared.toString(), "--model", "conv1d_kws_int8");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("[1/1] conv1d_kws_int8"), "progress on stderr: " + r.err());
        JsonNode models = new ObjectMapper().readTree(r.out()).get("models");
        assertEquals(1, models.size(), r.out());
        JsonNode m = models.get(0);
        assertEquals("conv1d_kws_int8", m.get("model").asText());
        assertTrue(m.get("matches_golden").asBoolean(), r.out());
        long instructions = m.get("instructions").asLong();
        long flash = m.get("flash_bytes").asLong();
        // The model's int8 weights alone are a few KB; the harness has no libc printf: flash well under 64 KB.
        assertTrue(flash > 2_000 && flash < 64_000, "flash " + flash);
        assertTrue(m.get("ram_bytes").asLong() > m.get("stack_bytes").asLong(), r.out());
        assertTrue(instructions > 10_000, "instructions " + instructions);
        long cmsis = m.get("tflm_cmsis_nn").get("instructions").asLong();
        assertEquals(instructions / (double) cmsis, m.get("instructions_ratio_cmsis_nn").asDouble(), 0.001);
    }

    @Test
    void textNamesTheModelAndUnknownModelsAreUsageErrors() {
        requireToolchain();
        Path shared = shared();
        CliRun r = CliRun.of("bench", "device", "--shared", shared.toString(), "--model", "conv1d_kws_int8");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("conv1d_kws_int8 ") && l.contains("x / ")), r.out());
        CliRun bad = CliRun.of("bench", "device", "--shared", shared.toString(), "--model", "no_such_model");
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("no_such_model"), bad.err());
    }
}
