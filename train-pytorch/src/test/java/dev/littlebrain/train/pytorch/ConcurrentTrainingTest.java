package dev.littlebrain.train.pytorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.littlebrain.tflite.TfliteWriter;
import dev.littlebrain.train.LabeledFeatures;
import dev.littlebrain.train.Preset;
import dev.littlebrain.train.TfliteExport;
import dev.littlebrain.train.Trainer;
import dev.littlebrain.train.TrainingConfig;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two trainings in one JVM do not interfere: run on two threads at once, each gives the model it gives alone. Both
 * draw dropout masks from PyTorch's one generator, which each reseeds every epoch; without the engine lock their
 * reseeds and draws interleave.
 */
@Tag("slow")
class ConcurrentTrainingTest {
    private final Preset preset = Preset.named("conv1d-kws", new int[] {50, 13}, 3); // has dropout
    private final LabeledFeatures data = TrainerTest.synthetic(12, 1);

    private byte[] train(long seed) {
        TrainingConfig config = preset.training().withEpochs(3).withSeed(seed);
        return TfliteWriter.write(TfliteExport.of(preset.spec(),
                new Trainer(preset.spec(), config).fit(data, null, null).parameters()));
    }

    @Test
    void twoTrainingsAtOnceGiveTheModelsEachGivesAlone() throws Exception {
        byte[] aloneA = train(1);
        byte[] aloneB = train(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<byte[]> a = pool.submit(() -> train(1));
            Future<byte[]> b = pool.submit(() -> train(2));
            assertArrayEquals(aloneA, a.get(), "seed 1 beside seed 2");
            assertArrayEquals(aloneB, b.get(), "seed 2 beside seed 1");
        } finally {
            pool.shutdownNow();
        }
    }
}
