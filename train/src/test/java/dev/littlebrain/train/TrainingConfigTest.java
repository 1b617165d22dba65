package dev.littlebrain.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    @Test
    void balancedWeightsMakeEveryClassWeighEqually() {
        int[] labels = {0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 2};
        float[] w = TrainingConfig.balancedWeights(labels, 4);
        // n / (classes * count): 12 / (4 * 6), 12 / (4 * 2), 12 / (4 * 4); an absent class keeps 1.
        assertArrayEquals(new float[] {0.5f, 1.5f, 0.75f, 1f}, w, 1e-7f);
        // Each present class's total weight is the same.
        assertEquals(6 * w[0], 2 * w[1], 1e-6);
        assertEquals(6 * w[0], 4 * w[2], 1e-6);
    }

    @Test
    void cosineScheduleFallsFromTheRateToZeroAlongHalfACosine() {
        LearningRateSchedule cosine = LearningRateSchedule.COSINE;
        assertEquals(0.005f, cosine.rate(0.005f, 0, 1000), 0f);
        assertEquals(0.0025f, cosine.rate(0.005f, 500, 1000), 1e-9f);
        assertEquals(0.005f * (1 + Math.cos(Math.PI / 4)) / 2, cosine.rate(0.005f, 250, 1000), 1e-9f);
        assertEquals(0f, cosine.rate(0.005f, 1000, 1000), 1e-12f);
        assertEquals(0f, cosine.rate(0.005f, 1200, 1000), 1e-12f, "past the plan it stays at zero");
        float previous = Float.MAX_VALUE;
        for (int step = 0; step <= 1000; step += 10) {
            float r = cosine.rate(0.005f, step, 1000);
            org.junit.jupiter.api.Assertions.assertTrue(r <= previous, "never rises");
            previous = r;
        }
        assertEquals(0.005f, LearningRateSchedule.CONSTANT.rate(0.005f, 999, 1000), 0f);
        assertEquals(LearningRateSchedule.COSINE, LearningRateSchedule.named("cosine"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LearningRateSchedule.named("step"));
        assertEquals(LearningRateSchedule.CONSTANT, TrainingConfig.adam(0.01f, 8, 2).schedule());
    }

    @Test
    void smoothedTargetsSumToOneAndFavourTheLabel() {
        TrainingConfig c = TrainingConfig.adam(0.001f, 8, 1).withLabelSmoothing(0.1f);
        assertEquals(0.925f, c.target(2, 2, 4), 1e-6f);
        assertEquals(0.025f, c.target(0, 2, 4), 1e-6f);
        assertEquals(1f, c.target(0, 2, 4) + c.target(1, 2, 4) + c.target(2, 2, 4) + c.target(3, 2, 4), 1e-6f);
        assertEquals(1f, TrainingConfig.adam(0.001f, 8, 1).target(1, 1, 4));
        assertEquals(0f, TrainingConfig.adam(0.001f, 8, 1).target(0, 1, 4));
        for (float bad : new float[] {-0.1f, 0.51f, 1f, Float.NaN}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> TrainingConfig.adam(0.001f, 8, 1).withLabelSmoothing(bad), Float.toString(bad));
        }
    }
}
