package dev.littlebrain.data.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.importer.MotionFileImporter;
import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.data.stats.DatasetStats;
import dev.littlebrain.dsp.io.SensorCsv;
import dev.littlebrain.dsp.io.SensorSeries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensorDatasetWriterTest {

    /** Issue 18: a 4-row CSV was listed as a 2 s sample, the length of the manifest's window. */
    @Test
    void eachSampleKeepsItsOwnLength(@TempDir Path dir) throws IOException {
        Path source = dir.resolve("raw");
        for (int i = 0; i < 3; i++) {
            write(source.resolve("wave.s" + i + ".csv"), 125);
        }
        write(source.resolve("wave.short.csv"), 4);
        Dataset imported = MotionFileImporter.importFrom(source, ProgressListener.NONE).dataset();

        Manifest manifest = SensorDatasetWriter.write(imported, dir.resolve("data"), ProgressListener.NONE);

        assertEquals(125, manifest.windowSamples());
        Dataset written = Manifest.read(dir.resolve("data")).toDataset(dir.resolve("data"));
        Sample shortOne = written.samples().stream()
                .filter(s -> s.source().getFileName().toString().equals("wave.short.csv")).findFirst().orElseThrow();
        assertEquals(4, shortOne.frames());
        assertEquals(3 * 2.0 + 4 / 62.5, DatasetStats.of(written).totalSeconds(), 1e-9);
    }

    private static void write(Path file, int rows) throws IOException {
        SensorCsv.write(file, new SensorSeries("", List.of("x", "y", "z"), List.of("", "", ""), 16,
                new float[rows * 3]));
    }
}
