package dev.littlebrain.data.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.SampleKind;
import dev.littlebrain.data.Split;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetStatsTest {
    private static Sample sample(String label, Split split, double rate, long frames) {
        return new Sample(label, split, Path.of(label + frames + ".wav"), "h", null, SampleKind.AUDIO, rate, frames,
                List.of("ch0"));
    }

    @Test
    void countsPerClassAndSplit() {
        Dataset d = new Dataset(Path.of("."), List.of(sample("yes", Split.TRAIN, 16000, 16000),
                sample("yes", Split.TEST, 16000, 32000), sample("no", Split.VALIDATION, 8000, 8000)), List.of());
        DatasetStats stats = DatasetStats.of(d);
        assertEquals(3, stats.totalSamples());
        assertEquals(4.0, stats.totalSeconds(), 1e-9);
        assertEquals(new DatasetStats.ClassStats("yes", 1, 0, 1, 3.0), stats.rows().get(1));
        String table = stats.toTable();
        assertTrue(table.contains("yes         1          0      1       2    0:00:03"), table);
        assertTrue(table.contains("sample rates: 8000 Hz (1) 16000 Hz (2)"), table);
    }
}
