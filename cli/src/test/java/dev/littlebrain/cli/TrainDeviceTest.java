package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.train.TrainingDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --device}: auto trains where PyTorch can, gpu without a GPU is a clear error before any work. */
@Tag("slow")
class TrainDeviceTest {

    private static Path motionProject(Path tmp) {
        Path p = tmp.resolve("m");
        Path raw = tmp.resolve("raw");
        assertEquals(0, CliRun.of("init", "motion", p.toString()).exitCode());
        assertEquals(0, CliRun.of("data", "generate", "motion", "--out", raw.toString(), "--samples-per-class", "6")
                .exitCode());
        assertEquals(0, CliRun.of("data", "import", raw.toString(), "--out", p.resolve("data").toString()).exitCode());
        return p;
    }

    @Test
    void deviceIsNamedAndAMissingGpuIsAClearError(@TempDir Path tmp) throws Exception {
        String auto = TrainingDevice.AUTO.describe();
        Path p = motionProject(tmp);
        CliRun cpu = CliRun.of("train", "--project", p.toString(), "--epochs", "2", "--device", "cpu");
        assertEquals(0, cpu.exitCode(), cpu.err());
        assertTrue(cpu.out().contains(", on cpu"), cpu.out());
        CliRun bad = CliRun.of("train", "--project", p.toString(), "--device", "tpu");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("auto, cpu or gpu"), bad.err());

        Assumptions.assumeTrue(auto.equals("cpu"), "skipped: PyTorch sees a GPU here, so --device gpu would train");
        Files.delete(p.resolve("models/model_int8.tflite"));
        CliRun gpu = CliRun.of("train", "--project", p.toString(), "--device", "gpu");
        assertEquals(1, gpu.exitCode(), gpu.out());
        assertTrue(gpu.err().contains("no CUDA GPU is visible to PyTorch") && gpu.err().contains("PYTORCH_LIBRARY_PATH"),
                gpu.err());
        assertFalse(Files.exists(p.resolve("models/model_int8.tflite")), "nothing trained or written");
    }
}
