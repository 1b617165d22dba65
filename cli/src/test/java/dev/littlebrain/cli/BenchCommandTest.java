package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.tflite.SharedFolder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class BenchCommandTest {
    @Test
    void benchTrainPrintsEpochsPerSecond() {
        SharedFolder.require("datasets/espeak-kws"); // what 'bench train' curates when no --project is given
        CliRun r = CliRun.of("bench", "train", "--epochs", "2");
        System.out.println(r.out());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("epochs/s") && r.out().contains("samples/s"), r.out());
        // Benchmark epochs have no validation set: the progress lines say so rather than print NaN.
        assertTrue(r.out().contains("val_loss -  val_acc -") && !r.out().contains("NaN"), r.out());
    }

    @Test
    void benchTrainRejectsOneEpoch() {
        assertEquals(2, CliRun.of("bench", "train", "--epochs", "1").exitCode());
    }
}
