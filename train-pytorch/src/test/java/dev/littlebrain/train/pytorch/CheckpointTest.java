package dev.littlebrain.train.pytorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.data.augment.SpecAugment;
import dev.littlebrain.tflite.TfliteWriter;
import dev.littlebrain.train.Checkpoint;
import dev.littlebrain.train.LabeledFeatures;
import dev.littlebrain.train.LearningRateSchedule;
import dev.littlebrain.train.Presets;
import dev.littlebrain.train.ModelSpec;
import dev.littlebrain.train.Preset;
import dev.littlebrain.train.TfliteExport;
import dev.littlebrain.train.Trainer;
import dev.littlebrain.train.TrainingConfig;
import dev.littlebrain.train.TrainingResult;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class CheckpointTest {
    private static final int EPOCHS = 4;
    private final Preset preset = Preset.named("conv1d-kws", new int[] {50, 13}, 3);
    private final LabeledFeatures train = TrainerTest.synthetic(16, 1);
    private final LabeledFeatures val = TrainerTest.synthetic(6, 2);
    private final TrainingConfig config = preset.training().withEpochs(EPOCHS).withPatience(0);

    @TempDir
    Path dir;

    private static final class Killed extends RuntimeException {
    }

    private TrainingResult fit(TrainingConfig c, Path checkpoint, List<String> messages, int killAfter) {
        return new Trainer(preset.spec(), c).fit(train, val, s -> {
            if (s.epoch() == killAfter) {
                throw new Killed();
            }
        }, checkpoint, messages::add);
    }

    private byte[] exported(TrainingResult r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path f = dir.resolve("m" + System.nanoTime() + ".tflite");
        TfliteWriter.write(TfliteExport.of(preset.spec(), r.parameters()), f);
        return Files.readAllBytes(f);
    }

    /** Same best epoch, same losses epoch by epoch, byte-identical exported model. */
    private void assertSameRun(TrainingResult expected, TrainingResult actual) throws Exception {
        assertEquals(expected.bestEpoch(), actual.bestEpoch());
        assertEquals(EPOCHS, actual.history().size());
        for (int i = 0; i < EPOCHS; i++) {
            assertEquals(expected.history().get(i).loss(), actual.history().get(i).loss());
            assertEquals(expected.history().get(i).valLoss(), actual.history().get(i).valLoss());
        }
        assertArrayEquals(exported(expected), exported(actual));
    }

    @Test
    void killedAndResumedTrainingEqualsStraightTraining() throws Exception {
        TrainingResult straight = fit(config, null, new ArrayList<>(), -1);
        Path ckpt = dir.resolve("cache/checkpoint.bin");
        List<String> messages = new ArrayList<>();
        assertThrows(Killed.class, () -> fit(config, ckpt, messages, 2));
        assertTrue(Files.exists(ckpt));
        TrainingResult resumed = fit(config, ckpt, messages, -1);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("resuming from epoch 2/" + EPOCHS)), messages.toString());
        assertFalse(Files.exists(ckpt), "checkpoint removed when done");
        assertSameRun(straight, resumed);
    }

    /**
     * The run hash is a value of the model, config and data: the same preset built again (as a new process builds
     * it) gives the same hash, so a checkpoint written by one run is resumed by the next.
     */
    @Test
    void runHashIsTheSameForTheSameModelBuiltAgain() {
        for (String name : Presets.NAMES) {
            ModelSpec a = Preset.named(name, new int[] {50, 13}, 3).spec();
            ModelSpec b = Preset.named(name, new int[] {50, 13}, 3).spec();
            assertArrayEquals(Checkpoint.runHash(a, config, train, val), Checkpoint.runHash(b, config, train, val),
                    name);
            assertEquals(a.layers(), b.layers(), name);
        }
        ModelSpec other = Preset.named("conv1d-kws", new int[] {49, 13}, 3).spec();
        assertFalse(java.util.Arrays.equals(Checkpoint.runHash(preset.spec(), config, train, val),
                Checkpoint.runHash(other, config, train, val)), "another input shape is another run");
        assertFalse(java.util.Arrays.equals(Checkpoint.runHash(preset.spec(), config, train, val),
                Checkpoint.runHash(preset.spec(), config.withLabelSmoothing(0.1f), train, val)),
                "smoothed targets are another run");
    }

    /** An ensemble's finished member: its checkpoint is kept, and fitting from it returns the result at once. */
    @Test
    void keptCheckpointOfAFinishedRunReturnsItsResultWithoutTraining() throws Exception {
        Path ckpt = dir.resolve("cache/checkpoint-member1.bin");
        List<String> messages = new ArrayList<>();
        TrainingResult finished = new Trainer(preset.spec(), config).fit(train, val, s -> { }, ckpt, messages::add,
                true);
        assertTrue(Files.exists(ckpt), "kept when asked");
        TrainingResult again = new Trainer(preset.spec(), config).fit(train, val, s -> {
            throw new AssertionError("epoch " + s.epoch() + " trained again");
        }, ckpt, messages::add, true);
        assertTrue(messages.contains("trained already: checkpoint at epoch " + EPOCHS + "/" + EPOCHS + " (" + ckpt
                + ")"), messages.toString());
        assertSameRun(finished, again);
        assertTrue(Files.exists(ckpt), "the caller deletes it");
    }

    @Test
    void cosineScheduleResumesAtTheSameRateAndIsNotTheConstantRun() throws Exception {
        TrainingConfig cosine = config.withSchedule(LearningRateSchedule.COSINE);
        TrainingResult straight = fit(cosine, null, new ArrayList<>(), -1);
        Path ckpt = dir.resolve("checkpoint.bin");
        assertThrows(Killed.class, () -> fit(cosine, ckpt, new ArrayList<>(), 2));
        List<String> messages = new ArrayList<>();
        TrainingResult resumed = fit(cosine, ckpt, messages, -1);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("resuming from epoch 2/")), messages.toString());
        assertArrayEquals(exported(straight), exported(resumed));
        // The first epoch runs at nearly the full rate, so both schedules start alike and then part.
        TrainingResult constant = fit(config, null, new ArrayList<>(), -1);
        assertFalse(java.util.Arrays.equals(exported(constant), exported(straight)));
        // A constant-rate checkpoint is not resumed as a cosine run.
        assertThrows(Killed.class, () -> fit(config, ckpt, new ArrayList<>(), 1));
        List<String> other = new ArrayList<>();
        fit(cosine, ckpt, other, -1);
        assertTrue(other.stream().anyMatch(m -> m.contains("from scratch")), other.toString());
    }

    @Test
    void specAugmentDrawsTheSameMasksWhenResumedAndChangesTheRun() throws Exception {
        TrainingConfig masked = config.withSpecAugment(new SpecAugment(2, 5, 1, 2, 0f), 50, 13);
        TrainingResult straight = fit(masked, null, new ArrayList<>(), -1);
        Path ckpt = dir.resolve("checkpoint.bin");
        assertThrows(Killed.class, () -> fit(masked, ckpt, new ArrayList<>(), 2));
        List<String> messages = new ArrayList<>();
        TrainingResult resumed = fit(masked, ckpt, messages, -1);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("resuming from epoch 2/")), messages.toString());
        assertArrayEquals(exported(straight), exported(resumed));
        TrainingResult plain = fit(config, null, new ArrayList<>(), -1);
        assertFalse(java.util.Arrays.equals(exported(plain), exported(straight)), "the masks change the training");
        assertTrue(plain.history().get(0).loss() != straight.history().get(0).loss(), "from the first epoch on");
        // An unmasked checkpoint is not resumed as a masked run.
        assertThrows(Killed.class, () -> fit(config, ckpt, new ArrayList<>(), 1));
        List<String> other = new ArrayList<>();
        fit(masked, ckpt, other, -1);
        assertTrue(other.stream().anyMatch(m -> m.contains("from scratch")), other.toString());
    }

    /** Checkpoints were written through a 0600 temporary file and stayed private to the owner, whatever the umask. */
    @Test
    void checkpointGetsTheModeOfAPlainWrite() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null);
        Path ckpt = dir.resolve("checkpoint.bin");
        assertThrows(Killed.class, () -> fit(config, ckpt, new ArrayList<>(), 1));
        Files.writeString(dir.resolve("plain.txt"), "x");
        assertEquals(Files.getPosixFilePermissions(dir.resolve("plain.txt")), Files.getPosixFilePermissions(ckpt));
    }

    @Test
    void corruptCheckpointIsDetectedAndTrainingRestarts() throws Exception {
        TrainingResult straight = fit(config, null, new ArrayList<>(), -1);
        Path ckpt = dir.resolve("checkpoint.bin");
        assertThrows(Killed.class, () -> fit(config, ckpt, new ArrayList<>(), 1));
        byte[] good = Files.readAllBytes(ckpt);
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x10;
        byte[][] corrupt = {java.util.Arrays.copyOf(good, good.length / 3), flipped};
        for (byte[] bad : corrupt) {
            Files.write(ckpt, bad);
            List<String> messages = new ArrayList<>();
            TrainingResult r = fit(config, ckpt, messages, -1);
            assertTrue(messages.stream().anyMatch(m -> m.contains("corrupt") && m.contains("from scratch")),
                    messages.toString());
            assertEquals(EPOCHS, r.history().size());
            assertArrayEquals(exported(straight), exported(r));
            assertFalse(Files.exists(ckpt));
        }
    }

    @Test
    void checkpointOfAnotherConfigIsNotResumed() throws Exception {
        Path ckpt = dir.resolve("checkpoint.bin");
        assertThrows(Killed.class, () -> fit(config.withSeed(99), ckpt, new ArrayList<>(), 1));
        List<String> messages = new ArrayList<>();
        TrainingResult r = fit(config.withEpochs(2), ckpt, messages, -1);
        assertTrue(messages.stream().anyMatch(m -> m.contains("different") && m.contains("from scratch")),
                messages.toString());
        assertEquals(2, r.history().size());
        assertEquals(1, r.history().get(0).epoch());
    }
}
