package dev.littlebrain.impulse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.littlebrain.files.Json;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.tflite.SharedFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench device}'s report as a record: its JSON shape, and the cases it refuses before building anything. */
class DeviceBenchTest {

    @Test
    void jsonHasTflmsFiguresAndRoundedRatiosOnlyWhereTheReadmeHasTheModel() throws Exception {
        DeviceBenchReport.Figures cmsis = new DeviceBenchReport.Figures(95704, 7720, 137120);
        DeviceBenchReport.Figures reference = new DeviceBenchReport.Figures(64212, 6916, 374300);
        DeviceBenchReport report = new DeviceBenchReport(List.of(
                new DeviceBenchReport.Model("conv1d_kws_int8", 8092, 2836, 102470, 588, 8, true,
                        Optional.of(new DeviceBenchReport.Tflm(reference, cmsis))),
                new DeviceBenchReport.Model("misc_add_mul_int8", 3044, 1268, 12850, 476, 8, false, Optional.empty())),
                List.of(new DeviceBenchReport.Skipped("odd_int8", "no kernel for FOO")),
                Optional.of(new DeviceBenchReport.DspUpdate("mfcc", 1_100_000, 250, 11_728)));
        JsonNode json = Json.mapper().valueToTree(report);
        JsonNode kws = json.get("models").get(0);
        List<String> keys = new ArrayList<>();
        kws.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("model", "flash_bytes", "ram_bytes", "instructions", "stack_bytes", "examples",
                "matches_golden", "tflm_cmsis_nn", "tflm_reference", "instructions_ratio_cmsis_nn",
                "flash_ratio_cmsis_nn", "ram_ratio_cmsis_nn"), keys);
        assertEquals(0.747, kws.get("instructions_ratio_cmsis_nn").asDouble(), 0, "102470 / 137120 to 3 places");
        assertEquals(137120, kws.get("tflm_cmsis_nn").get("instructions").asLong());
        assertEquals(374300, kws.get("tflm_reference").get("instructions").asLong());
        assertFalse(json.get("models").get(1).has("tflm_cmsis_nn"));
        assertEquals("{\"model\":\"odd_int8\",\"reason\":\"no kernel for FOO\"}", json.get("skipped").get(0).toString());
        assertEquals("kws template mfcc", json.get("dsp_update").get("block").asText());
        assertEquals(250, json.get("dsp_update").get("update_ms").asInt());
        assertEquals(List.of("misc_add_mul_int8"), report.mismatches());

        JsonNode none = Json.mapper().valueToTree(new DeviceBenchReport(List.of(), List.of(), Optional.empty()));
        assertFalse(none.has("dsp_update"), none.toString());
    }

    @Test
    void unknownCasesAndFoldersAreRefusedBeforeAnyBuild(@TempDir Path tmp) {
        Path shared = SharedFolder.require("conformance").getParent();
        UnknownCaseException e = assertThrows(UnknownCaseException.class,
                () -> DeviceBench.run(shared, List.of("conv1d_kws_float"), Progress.NONE));
        assertEquals("conv1d_kws_float", e.name());
        assertTrue(e.getMessage().startsWith("conv1d_kws_float: no such device case in "), e.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> DeviceBench.run(tmp, List.of(), Progress.NONE));
        assertEquals(tmp + ": neither conformance/ nor benchmarks/mlperf-tiny/ in it", empty.getMessage());
        assertEquals(Optional.of(shared), DeviceBench.findShared(shared.getParent()).map(Path::normalize));
    }
}
