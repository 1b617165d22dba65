package dev.littlebrain.data.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.data.ImportResult;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.importer.MotionFileImporter;
import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.SignalSpec;
import dev.littlebrain.dsp.io.EdgeImpulseJson;
import dev.littlebrain.dsp.io.SensorSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotionDatasetGeneratorTest {

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot(@TempDir Path tmp) throws Exception {
        new MotionDatasetGenerator(5, 42).write(tmp.resolve("a"));
        new MotionDatasetGenerator(5, 42).write(tmp.resolve("b"));
        new MotionDatasetGenerator(5, 43).write(tmp.resolve("c"));
        List<Path> files;
        try (var walk = Files.walk(tmp.resolve("a"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertEquals(20, files.size());
        boolean anyDifferent = false;
        for (Path f : files) {
            Path rel = tmp.resolve("a").relativize(f);
            byte[] a = Files.readAllBytes(f);
            assertArrayEquals(a, Files.readAllBytes(tmp.resolve("b").resolve(rel)), rel.toString());
            anyDifferent |= !java.util.Arrays.equals(a, Files.readAllBytes(tmp.resolve("c").resolve(rel)));
        }
        assertTrue(anyDifferent);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(tmp.resolve("a/training/wave.0.json")),
                Files.readAllBytes(tmp.resolve("c/training/wave.0.json"))));
    }

    @Test
    void importerReadsEveryClassInBothSplits(@TempDir Path tmp) throws Exception {
        MotionDatasetGenerator.Result written = new MotionDatasetGenerator(10, 7).write(tmp);
        assertEquals(32, written.training());
        assertEquals(8, written.testing());
        ImportResult result = MotionFileImporter.importFrom(tmp, ProgressListener.NONE);
        assertTrue(result.skipped().isEmpty(), result.skipped().toString());
        List<Sample> samples = result.dataset().samples();
        assertEquals(40, samples.size());
        assertEquals(Set.copyOf(MotionDatasetGenerator.LABELS), Set.copyOf(result.dataset().labels()));
        Map<String, Set<Boolean>> splits = samples.stream().collect(Collectors.groupingBy(Sample::label,
                Collectors.mapping(s -> s.split() == Split.TEST, Collectors.toSet())));
        for (String label : MotionDatasetGenerator.LABELS) {
            assertEquals(Set.of(true, false), splits.get(label), label);
        }
        for (Sample s : samples) {
            assertEquals(62.5, s.sampleRateHz(), 1e-9);
            assertEquals(2.0, s.durationSeconds(), 1e-6);
        }
    }

    @Test
    void eachClassLooksPhysicallyRight() {
        MotionDatasetGenerator gen = new MotionDatasetGenerator(60, 3);
        for (int i = 0; i < 10; i++) {
            double[][] idle = stats(gen.sample("idle", i));
            double[][] wave = stats(gen.sample("wave", i));
            double[][] circle = stats(gen.sample("circle", i));
            double[][] updown = stats(gen.sample("updown", i));
            // Gravity on z when (nearly) flat.
            assertEquals(9.81, idle[0][2], 0.6);
            double idleVar = total(idle[1]);
            for (double[][] moving : List.of(wave, circle, updown)) {
                assertTrue(idleVar < total(moving[1]) / 20, "idle var " + idleVar);
            }
            assertTrue(wave[1][0] > 4 * wave[1][1] && wave[1][0] > 4 * wave[1][2], "wave energy on x");
            assertTrue(updown[1][2] > 4 * updown[1][0] && updown[1][2] > 4 * updown[1][1], "updown energy on z");
            double ratio = circle[1][0] / circle[1][1];
            assertTrue(ratio > 0.5 && ratio < 2, "circle x/y energy ratio " + ratio);
            double corr = circle[2][0] / Math.sqrt(circle[1][0] * circle[1][1]);
            assertTrue(Math.abs(corr) < 0.3, "circle x/y correlation " + corr);
            assertTrue(circle[1][0] > 4 * circle[1][2], "circle energy in the x/y plane");
        }
    }

    @Test
    void spectralAnalysisProcessesAGeneratedFile(@TempDir Path tmp) throws Exception {
        new MotionDatasetGenerator(5, 1).write(tmp);
        SensorSeries series = EdgeImpulseJson.read(tmp.resolve("training/wave.0.json"));
        assertEquals(125, series.frames());
        assertEquals(62.5, series.frequencyHz(), 1e-9);
        DspBlock block = DspBlocks.create("spectral-analysis",
                new SignalSpec(62.5, List.of("accX", "accY", "accZ")), Map.of());
        float[] features = block.process(series.interleaved());
        assertEquals(block.outputShape(125).size(), features.length);
        for (float f : features) {
            assertTrue(Float.isFinite(f));
        }
    }

    /** [0] = per-axis mean, [1] = per-axis variance, [2][0] = x/y covariance. */
    private static double[][] stats(SensorSeries s) {
        int n = s.frames();
        double[] mean = new double[3];
        for (int f = 0; f < n; f++) {
            for (int a = 0; a < 3; a++) {
                mean[a] += s.value(f, a) / (double) n;
            }
        }
        double[] var = new double[3];
        double cov = 0;
        for (int f = 0; f < n; f++) {
            for (int a = 0; a < 3; a++) {
                double d = s.value(f, a) - mean[a];
                var[a] += d * d / n;
            }
            cov += (s.value(f, 0) - mean[0]) * (s.value(f, 1) - mean[1]) / n;
        }
        return new double[][] {mean, var, {cov}};
    }

    private static double total(double[] v) {
        return v[0] + v[1] + v[2];
    }
}
