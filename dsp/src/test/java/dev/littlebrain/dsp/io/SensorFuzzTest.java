package dev.littlebrain.dsp.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Damaged CSV and JSON sensor files must give a SignalFormatException or a series — nothing else. */
class SensorFuzzTest {
    private static final byte[] CHARS = "0123456789.,-eE\n\r\"[]{}:nulNaI ax".getBytes(StandardCharsets.US_ASCII);

    @Test
    void damagedFilesOnlyGiveSignalFormatException() {
        SensorSeries series = new SensorSeries("dev", List.of("accX", "accY"), List.of("m/s2", "m/s2"), 16,
                new float[] {1.5f, -2f, 3.25f, 4f, -5e-3f, 6f});
        byte[] csv = SensorCsv.format(series).getBytes(StandardCharsets.UTF_8);
        byte[] json = EdgeImpulseJson.format(series);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Random random = new Random(7);
            for (int round = 0; round < 3000; round++) {
                byte[] c = mutate(csv, random);
                byte[] j = mutate(json, random);
                try {
                    SensorCsv.parse(new String(c, StandardCharsets.UTF_8), "f.csv");
                } catch (SignalFormatException expected) {
                    // a clear error
                } catch (RuntimeException e) {
                    fail("CSV round " + round + ": " + e + " for " + new String(c, StandardCharsets.UTF_8), e);
                }
                try {
                    EdgeImpulseJson.parse(j, "f.json");
                } catch (SignalFormatException expected) {
                    // a clear error
                } catch (RuntimeException e) {
                    fail("JSON round " + round + ": " + e + " for " + new String(j, StandardCharsets.UTF_8), e);
                }
            }
        });
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] out = Arrays.copyOf(valid, random.nextInt(5) == 0 ? random.nextInt(valid.length + 1) : valid.length);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && out.length > 0; e++) {
            out[random.nextInt(out.length)] = CHARS[random.nextInt(CHARS.length)];
        }
        return out;
    }
}
