package dev.littlebrain.train.pytorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.tflite.TfliteWriter;
import dev.littlebrain.train.EpochStats;
import dev.littlebrain.train.LabeledFeatures;
import dev.littlebrain.train.Preset;
import dev.littlebrain.train.TfliteExport;
import dev.littlebrain.train.Trainer;
import dev.littlebrain.train.KeptWeights;
import dev.littlebrain.train.TrainingConfig;
import dev.littlebrain.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static final int FRAMES = 50;
    private static final int COEFFS = 13;

    /** MFCC-like 50x13 matrices: noise plus a class-specific bump moving through time in one coefficient band. */
    static LabeledFeatures synthetic(int perClass, long seed) {
        Random rng = new Random(seed);
        int n = perClass * 3;
        float[][] x = new float[n][FRAMES * COEFFS];
        int[] y = new int[n];
        for (int s = 0; s < n; s++) {
            int c = s % 3;
            y[s] = c;
            int center = 10 + rng.nextInt(30);
            for (int t = 0; t < FRAMES; t++) {
                for (int k = 0; k < COEFFS; k++) {
                    float v = (float) rng.nextGaussian() * 0.6f;
                    int band = 2 + 4 * c;
                    if (Math.abs(k - band) <= 1 && Math.abs(t - center) < 6) {
                        v += 1.5f;
                    }
                    x[s][t * COEFFS + k] = v;
                }
            }
        }
        return new LabeledFeatures(x, y);
    }

    @Tag("slow")
    @Test
    void conv1dKwsLearnsSeparableClassesAndExportAgrees() {
        Preset preset = Preset.named("conv1d-kws", new int[] {FRAMES, COEFFS}, 3);
        LabeledFeatures train = synthetic(80, 1);
        LabeledFeatures val = synthetic(30, 2);
        List<EpochStats> seen = new ArrayList<>();
        TrainingResult result = new Trainer(preset.spec(), preset.training().withEpochs(6).withPatience(3))
                .fit(train, val, s -> {
                    System.out.println(s);
                    seen.add(s);
                });
        EpochStats best = result.history().get(result.bestEpoch() - 1);
        assertEquals(result.history(), seen);
        assertTrue(best.valAccuracy() > 0.8f, "val accuracy " + best.valAccuracy());

        // The exported graph classifies the validation set as well as the trained network.
        float exportedAccuracy = topScoreAndAccuracy(preset, result, val)[1];
        System.out.printf("exported model val accuracy %.3f (DJL %.3f)%n", exportedAccuracy, best.valAccuracy());
        assertEquals(best.valAccuracy(), exportedAccuracy, 1e-6f);
    }

    /**
     * learn.keep chooses the epoch whose weights are kept: the last one, the first with the highest validation
     * accuracy, or the first with the lowest validation loss (the default) — the same run each time (same seed),
     * so the same history.
     */
    @Test
    void keptWeightsAreTheEpochTheSettingNames() {
        Preset preset = Preset.named("conv1d-kws", new int[] {FRAMES, COEFFS}, 3);
        LabeledFeatures train = synthetic(20, 5);
        LabeledFeatures val = synthetic(10, 6);
        TrainingConfig config = preset.training().withEpochs(4).withSeed(7);
        TrainingResult last = new Trainer(preset.spec(), config.withKeep(KeptWeights.LAST)).fit(train, val, null);
        TrainingResult accuracy = new Trainer(preset.spec(), config.withKeep(KeptWeights.VAL_ACCURACY))
                .fit(train, val, null);
        TrainingResult loss = new Trainer(preset.spec(), config).fit(train, val, null);
        assertEquals(4, last.bestEpoch());
        List<EpochStats> h = accuracy.history();
        assertEquals(last.history().stream().map(EpochStats::valLoss).toList(),
                h.stream().map(EpochStats::valLoss).toList());
        int mostAccurate = 0;
        int lowestLoss = 0;
        for (int e = 1; e < h.size(); e++) {
            mostAccurate = h.get(e).valAccuracy() > h.get(mostAccurate).valAccuracy() ? e : mostAccurate;
            lowestLoss = h.get(e).valLoss() < h.get(lowestLoss).valLoss() ? e : lowestLoss;
        }
        assertEquals(mostAccurate + 1, accuracy.bestEpoch());
        assertEquals(lowestLoss + 1, loss.bestEpoch());
    }

    /**
     * learn.label_smoothing: the same run (same seed) trained towards smoothed targets ends less sure of itself on its
     * own training samples — its top score heads for 1 - e + e/k (0.8 here) instead of 1 — and still classifies them.
     */
    @Test
    void labelSmoothingKeepsTopScoresFromSaturating() {
        Preset preset = Preset.named("conv1d-kws", new int[] {FRAMES, COEFFS}, 3);
        LabeledFeatures train = synthetic(40, 3);
        TrainingConfig config = preset.training().withEpochs(8).withSeed(3).withKeep(KeptWeights.LAST);
        float[] plain = topScoreAndAccuracy(preset, new Trainer(preset.spec(), config).fit(train, null, null), train);
        float[] smoothed = topScoreAndAccuracy(preset,
                new Trainer(preset.spec(), config.withLabelSmoothing(0.3f)).fit(train, null, null), train);
        System.out.printf("mean top score %.3f plain, %.3f smoothed; accuracy %.3f, %.3f%n", plain[0], smoothed[0],
                plain[1], smoothed[1]);
        assertTrue(plain[1] > 0.9f && smoothed[1] > 0.9f, "both fit the training samples");
        assertTrue(plain[0] > 0.9f, "plain " + plain[0]);
        assertTrue(smoothed[0] < 0.85f, "smoothed " + smoothed[0]);
    }

    /** {mean top score, accuracy} of the exported float model on {@code data}. */
    private static float[] topScoreAndAccuracy(Preset preset, TrainingResult result, LabeledFeatures data) {
        Interpreter interpreter = new Interpreter(TfliteExport.of(preset.spec(), result.parameters()));
        double top = 0;
        int correct = 0;
        for (int s = 0; s < data.size(); s++) {
            float[] p = scores(interpreter, data.features()[s]);
            int best = PyTorchTrainer.argmax(p);
            top += p[best];
            correct += best == data.labels()[s] ? 1 : 0;
        }
        return new float[] {(float) (top / data.size()), (float) correct / data.size()};
    }

    /** The three class scores of one sample. */
    private static float[] scores(Interpreter interpreter, float[] features) {
        TensorView in = interpreter.input(0);
        for (int i = 0; i < features.length; i++) {
            in.setFloat32(i, features[i]);
        }
        interpreter.invoke();
        float[] p = new float[3];
        for (int k = 0; k < 3; k++) {
            p[k] = interpreter.output(0).float32(k);
        }
        return p;
    }

    @Test
    void sameSeedGivesIdenticalModelBytes() {
        Preset preset = Preset.named("conv1d-kws", new int[] {FRAMES, COEFFS}, 3);
        LabeledFeatures train = synthetic(20, 3);
        TrainingConfig config = preset.training().withEpochs(2).withSeed(99).withClassWeights(new float[] {1f, 2f, 1f});
        byte[] a = TfliteWriter.write(TfliteExport.of(preset.spec(),
                new Trainer(preset.spec(), config).fit(train, null, null).parameters()));
        byte[] b = TfliteWriter.write(TfliteExport.of(preset.spec(),
                new Trainer(preset.spec(), config).fit(train, null, null).parameters()));
        assertArrayEquals(a, b);
    }
}
