package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.tflite.SharedFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {

    @Test
    void importsAndCuratesEspeakKws(@TempDir Path tmp) throws Exception {
        Path dataset = SharedFolder.require("datasets/espeak-kws");
        Path out = tmp.resolve("data");
        CliRun run = CliRun.of("data", "import", dataset.toString(), "--keywords", "yes,no", "--unknown", "--noise",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(out.resolve("manifest.json")));
        // 136 training clips per keyword rendered 3 times (default) + 17 validation + 17 test = 442 per class,
        // _unknown_ twice that (default unknown ratio 2).
        for (String label : new String[] {"yes", "no", "_noise_"}) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(label + " ") && l.contains("442")), run.out());
        }
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("_unknown_ ") && l.contains("884")), run.out());
        CliRun stats = CliRun.of("data", "stats", out.toString());
        assertEquals(0, stats.exitCode(), stats.err());
        assertTrue(stats.out().contains("2210"), stats.out());
        // One rendering per training clip and unknown ratio 1: the dataset's own 136 + 17 + 17 per class.
        CliRun once = CliRun.of("data", "curate", dataset.toString(), "--keywords", "yes,no", "--unknown", "--noise",
                "--training-copies", "1", "--shift-ms", "0", "--unknown-ratio", "1", "--out",
                tmp.resolve("once").toString());
        assertEquals(0, once.exitCode(), once.err());
        CliRun onceStats = CliRun.of("data", "stats", tmp.resolve("once").toString());
        assertTrue(onceStats.out().contains("680"), onceStats.out());
    }

    @Test
    void curateWithoutKeywordsIsBadUsage(@TempDir Path tmp) {
        assertEquals(2, CliRun.of("data", "curate", tmp.toString()).exitCode());
    }

    @Test
    void missingDatasetIsAClearError(@TempDir Path tmp) {
        CliRun run = CliRun.of("data", "import", tmp.resolve("nope").toString(), "--keywords", "yes");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("nope"), run.err());
    }

    @Test
    void spectrogramPng(@TempDir Path tmp) throws Exception {
        Path wav = SharedFolder.require("dsp-reference").resolve("inputs/kw_yes.wav");
        Path png = tmp.resolve("s.png");
        CliRun run = CliRun.of("data", "spectrogram", wav.toString(), "--out", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(javax.imageio.ImageIO.read(png.toFile()).getWidth() > 10);
    }
}
