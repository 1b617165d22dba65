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
}
