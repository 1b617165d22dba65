package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A motion impulse end to end from the CLI on data the project generates itself: {@code init motion},
 * {@code data generate motion}, {@code data import} (Edge Impulse training/testing export), {@code features}
 * (spectral analysis), {@code train} (dense-motion), {@code test}.
 */
class MotionProjectTest {

    @Test
    void motionEndToEnd(@TempDir Path tmp) throws Exception {
        SensorImpulse.build(tmp, "motion", "[accX, accY, accZ] at 62.5 Hz", "spectral-analysis features for 240 samples",
                "idle", "wave", "circle", "updown");
    }

    @Test
    void sensorDataInAnAudioProjectIsAClearError(@TempDir Path tmp) throws Exception {
        Path p = tmp.resolve("K");
        Path raw = tmp.resolve("raw");
        assertEquals(0, CliRun.of("init", "kws", p.toString()).exitCode());
        assertEquals(0, CliRun.of("data", "generate", "motion", "--out", raw.toString(), "--samples-per-class", "4")
                .exitCode());
        assertEquals(0, CliRun.of("data", "import", raw.toString(), "--out", p.resolve("data").toString()).exitCode());
        CliRun features = CliRun.of("features", "--project", p.toString());
        assertEquals(1, features.exitCode());
        assertTrue(features.err().contains("input.frequency_hz"), features.err());
    }
}
