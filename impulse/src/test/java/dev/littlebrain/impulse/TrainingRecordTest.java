package dev.littlebrain.impulse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.train.EpochStats;
import dev.littlebrain.train.TrainingConfig;
import dev.littlebrain.train.TrainingResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training record reads the files earlier versions wrote and writes them byte for byte as they did. The two
 * resources were written by {@code train} and {@code ensemble} of the code before this record existed (a motion
 * project, 2 epochs; the ensemble joins it with an earlier training of itself).
 */
class TrainingRecordTest {
    @TempDir
    Path dir;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TrainingRecordTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private TrainingRecord read(byte[] bytes) throws IOException {
        Path file = dir.resolve("training.json");
        Files.write(file, bytes);
        return TrainingRecord.read(file);
    }

    @Test
    void aSingleModelsRecordReadsAndIsWrittenBackUnchanged() throws IOException {
        byte[] old = resource("training-single.json");
        TrainingRecord r = read(old);
        assertEquals(Optional.of(List.of("circle", "idle", "updown", "wave")), r.trainedLabels());
        assertEquals("dense-motion", r.preset());
        assertEquals(2, r.history().size());
        assertEquals(1.4082687f, r.history().get(1).valLoss());
        assertEquals(List.of(1, 39), r.inputShape());
        assertFalse(r.isEnsemble());
        assertArrayEquals(old, r.toJson(), "the file train wrote, byte for byte");
    }

    @Test
    void anEnsemblesRecordKeepsItsMembersAndWhereTheyCameFrom() throws IOException {
        byte[] old = resource("training-ensemble.json");
        TrainingRecord r = read(old);
        assertTrue(r.isEnsemble());
        assertEquals(2, r.members().size());
        assertEquals("p/models/members/2", r.members().get(1).keptIn());
        assertEquals(r.labels(), r.members().get(0).labels());
        assertArrayEquals(old, r.toJson(), "the file ensemble wrote, byte for byte");
    }

    @Test
    void theWriterMakesTheFileTrainWrote() throws IOException {
        byte[] old = resource("training-single.json");
        TrainingRecord r = read(old);
        // The same training, as train hands it over: config, per-epoch figures and the best epoch.
        TrainingConfig config = new TrainingConfig(r.learningRate(), r.batchSize(), r.epochs(), 10, r.seed(), null);
        List<EpochStats> history = r.history().stream().map(e -> new EpochStats(e.epoch(), r.epochs(), e.loss(),
                e.accuracy(), e.valLoss(), e.valAccuracy(), Duration.ofMillis(e.timeMs()), Duration.ZERO)).toList();
        TrainingRecord written = TrainingRecord.member("dense-motion", config, new TrainingResult(null, history, 2))
                .forProject(r.labels(), r.inputShape(), r.calibrationSamples());
        assertArrayEquals(old, written.toJson());
    }

    @Test
    void aModelCopiedInWithOnlyItsLabelsIsARecord() throws IOException {
        TrainingRecord r = read("{\"labels\": [\"yes\", \"no\"]}".getBytes());
        assertEquals(Optional.of(List.of("yes", "no")), r.trainedLabels());
        assertEquals(Optional.empty(), read("{\"preset\": \"dense-motion\", \"future\": 1}".getBytes()).trainedLabels());
    }

    @Test
    void aFileThatIsNotARecordIsOneLineNamingIt() throws IOException {
        Path file = dir.resolve("training.json");
        Files.writeString(file, "{\"labels\": ");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingRecord.read(file));
        assertTrue(e.getMessage().startsWith(file + " is not a training record"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals(Optional.empty(), TrainingRecord.readIfPresent(dir.resolve("absent.json")));
    }
}
