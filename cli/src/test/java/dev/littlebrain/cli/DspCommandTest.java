package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.tflite.SharedFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DspCommandTest {

    private static double[][] csv(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        double[][] rows = new double[lines.size()][];
        for (int i = 0; i < rows.length; i++) {
            String[] cells = lines.get(i).split(",");
            rows[i] = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                rows[i][j] = Double.parseDouble(cells[j]);
            }
        }
        return rows;
    }

    @Test
    void mfccOfAWavMatchesTheEdgeImpulseReference(@TempDir Path tmp) throws Exception {
        Path ref = SharedFolder.require("dsp-reference");
        Path out = tmp.resolve("mfcc.csv");
        Path png = tmp.resolve("mfcc.png");
        CliRun run = CliRun.of("dsp", "mfcc", ref.resolve("inputs/kw_yes.wav").toString(), "--set", "num_cepstral=13",
                "--out", out.toString(), "--png", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        double[][] ours = csv(out);
        double[][] expected = csv(ref.resolve("features/kw_yes/ei_mfcc.csv"));
        assertEquals(expected.length, ours.length);
        double max = 0;
        for (int i = 0; i < ours.length; i++) {
            for (int j = 0; j < ours[i].length; j++) {
                max = Math.max(max, Math.abs(ours[i][j] - expected[i][j]));
            }
        }
        assertTrue(max <= 5e-3, "max abs error " + max);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(image.getWidth() >= 900 && image.getHeight() >= 450, "a chart a person can read, not a 50 x 13"
                + " strip: " + image.getWidth() + " x " + image.getHeight());
    }

    @Test
    void spectralAnalysisOfAMotionCsvIsOneRow(@TempDir Path tmp) throws Exception {
        Path ref = SharedFolder.require("dsp-reference");
        Path out = tmp.resolve("spectral.csv");
        Path png = tmp.resolve("spectral.png");
        CliRun run = CliRun.of("dsp", "spectral-analysis", ref.resolve("inputs/motion_3axis.csv").toString(),
                "--out", out.toString(), "--png", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        double[][] rows = csv(out);
        assertEquals(1, rows.length);
        assertEquals(39, rows[0].length);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(image.getWidth() >= 900 && image.getHeight() >= 450, "one frame drawn as bars, not a 6 x 234 strip: "
                + image.getWidth() + " x " + image.getHeight());
    }

    @Test
    void badParameterAndUnknownBlockAreClear(@TempDir Path tmp) throws Exception {
        Path wav = SharedFolder.require("dsp-reference").resolve("inputs/kw_yes.wav");
        CliRun bad = CliRun.of("dsp", "mfcc", wav.toString(), "--set", "num_cepstral=99", "--out",
                tmp.resolve("x.csv").toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("num_cepstral"), bad.err());
        assertTrue(Files.notExists(tmp.resolve("x.csv")), "no output on error");
        CliRun unknown = CliRun.of("dsp", "wavelets", wav.toString(), "--out", tmp.resolve("x.csv").toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("mfcc"), unknown.err());
    }

    @Test
    void corruptWavNamesTheFile(@TempDir Path tmp) throws Exception {
        Path wav = tmp.resolve("broken.wav");
        Files.write(wav, "RIFF....WAVEfmt garbage".getBytes());
        CliRun run = CliRun.of("dsp", "mfcc", wav.toString(), "--out", tmp.resolve("x.csv").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("broken.wav"), run.err());
    }

    @Test
    void featuresAreComputedOnceAndThenCached(@TempDir Path tmp) throws Exception {
        Path dataset = SharedFolder.require("datasets/espeak-kws");
        Path data = tmp.resolve("data");
        assertEquals(0, CliRun.of("data", "curate", dataset.toString(), "--keywords", "yes", "--samples-per-class",
                "20", "--out", data.toString()).exitCode());
        String cache = tmp.resolve("cache").toString();
        CliRun first = CliRun.of("features", "--data", data.toString(), "--cache", cache);
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("50 x 13") && first.out().contains("0 from cache"), first.out());
        CliRun second = CliRun.of("features", "--data", data.toString(), "--cache", cache);
        assertTrue(second.out().contains("0 computed"), second.out());
    }
}
