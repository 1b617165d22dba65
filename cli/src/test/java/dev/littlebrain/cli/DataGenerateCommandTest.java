package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.data.ImportResult;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataGenerateCommandTest {

    @Test
    void generatesAMotionDatasetTheImporterAndSpectralAnalysisRead(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("motion");
        CliRun run = CliRun.of("data", "generate", "motion", "--out", out.toString(),
                "--samples-per-class", "5", "--seed", "9");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("16 training, 4 testing"), run.out());
        assertTrue(Files.exists(out.resolve("training/idle.0.json")));
        assertTrue(Files.exists(out.resolve("testing/updown.4.json")));
        ImportResult imported = MotionFileImporter.importFrom(out, ProgressListener.NONE);
        assertTrue(imported.skipped().isEmpty(), imported.skipped().toString());
        assertEquals(20, imported.dataset().samples().size());

        SensorSeries series = EdgeImpulseJson.read(out.resolve("training/circle.1.json"));
        DspBlock block = DspBlocks.create("spectral-analysis",
                new SignalSpec(62.5, List.of("accX", "accY", "accZ")), Map.of());
        assertEquals(block.outputShape(series.frames()).size(), block.process(series.interleaved()).length);
    }

    @Test
    void unknownKindIsBadUsage(@TempDir Path tmp) {
        CliRun run = CliRun.of("data", "generate", "audio", "--out", tmp.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("motion"), run.err());
    }
}
