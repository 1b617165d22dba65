package dev.littlebrain.data.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.data.ImportResult;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.importer.MotionFileImporter;
import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.dsp.io.SensorSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GloveDatasetGeneratorTest {

    @Test
    void sameSeedGivesIdenticalBytes(@TempDir Path tmp) throws Exception {
        new GloveDatasetGenerator(5, 9).write(tmp.resolve("a"));
        new GloveDatasetGenerator(5, 9).write(tmp.resolve("b"));
        List<Path> files;
        try (var walk = Files.walk(tmp.resolve("a"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertEquals(20, files.size());
        for (Path f : files) {
            Path rel = tmp.resolve("a").relativize(f);
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(tmp.resolve("b").resolve(rel)), rel.toString());
        }
    }

    @Test
    void pathsDifferInLengthAndImportAsTwoAxisSensorData(@TempDir Path tmp) throws Exception {
        new GloveDatasetGenerator(10, 4).write(tmp);
        ImportResult result = MotionFileImporter.importFrom(tmp, ProgressListener.NONE);
        assertTrue(result.skipped().isEmpty(), result.skipped().toString());
        assertEquals(Set.copyOf(GloveDatasetGenerator.LABELS), Set.copyOf(result.dataset().labels()));
        Set<Long> lengths = new HashSet<>();
        for (Sample s : result.dataset().samples()) {
            assertEquals(List.of("x", "y"), s.axes());
            assertEquals(50.0, s.sampleRateHz(), 1e-9);
            assertTrue(s.frames() >= 40 && s.frames() <= 100, s.source() + ": " + s.frames());
            lengths.add(s.frames());
        }
        assertTrue(lengths.size() > 10, "gestures take different times: " + lengths);
    }

    @Test
    void aCircleClosesAndAZigzagDoesNot() {
        GloveDatasetGenerator gen = new GloveDatasetGenerator(20, 2);
        for (int i = 0; i < 10; i++) {
            double circleGap = endGapOverSize(gen.sample("circle", i));
            double zigzagGap = endGapOverSize(gen.sample("zigzag", i));
            assertTrue(circleGap < 0.35, "circle " + i + " ends near its start: " + circleGap);
            assertTrue(zigzagGap > 0.5, "zigzag " + i + " ends far from its start: " + zigzagGap);
        }
    }

    /** Distance from the first to the last position over the path's largest extent. */
    private static double endGapOverSize(SensorSeries s) {
        float[] x = s.axis(0);
        float[] y = s.axis(1);
        double extent = Math.max(range(x), range(y));
        return Math.hypot(x[x.length - 1] - x[0], y[y.length - 1] - y[0]) / extent;
    }

    private static double range(float[] v) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (float f : v) {
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        return max - min;
    }
}
