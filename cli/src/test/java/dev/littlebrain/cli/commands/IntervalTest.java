package dev.littlebrain.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Confidence intervals of test --stream's detection and false-accept rates, against published reference values. */
class IntervalTest {

    @Test
    void wilsonIntervalOfAKeywordCount() {
        // 10 of 13: the test streams' best today; the interval spans the 80 % target and far below it.
        Interval i = Interval.ofProportion(10, 13);
        assertEquals(0.497436, i.low(), 1e-6);
        assertEquals(0.918205, i.high(), 1e-6);
        Interval pooled = Interval.ofProportion(341, 444);
        assertEquals(0.726559, pooled.low(), 1e-6);
        assertEquals(0.804880, pooled.high(), 1e-6);
    }

    @Test
    void wilsonIntervalReachesTheEndsExactlyAtNoneAndAll() {
        Interval none = Interval.ofProportion(0, 13);
        assertEquals(0, none.low());
        assertEquals(0.228095, none.high(), 1e-6);
        Interval all = Interval.ofProportion(13, 13);
        assertEquals(0.771905, all.low(), 1e-6);
        assertEquals(1, all.high());
    }

    @Test
    void garwoodIntervalOfAPoissonCount() {
        // Chi-square quantiles: lower chi2(0.025, 2k) / 2, upper chi2(0.975, 2k + 2) / 2.
        double[][] reference = {{0, 0, 3.688879}, {1, 0.025318, 5.571643}, {5, 1.623486, 11.668332},
                {13, 6.921952, 22.230396}};
        for (double[] r : reference) {
            Interval i = Interval.ofRate((int) r[0], 1);
            assertEquals(r[1], i.low(), 1e-5, "lower, count " + r[0]);
            assertEquals(r[2], i.high(), 1e-5, "upper, count " + r[0]);
        }
    }

    @Test
    void rateIntervalScalesWithExposure() {
        // No false accept in the 60 s of the espeak-kws test streams still allows about 221 per hour.
        Interval minute = Interval.ofRate(0, 60 / 3600.0);
        assertEquals(0, minute.low());
        assertEquals(3.688879 * 60, minute.high(), 1e-3);
        Interval pooled = Interval.ofRate(3, 1920 / 3600.0);
        assertTrue(pooled.contains(3 / (1920 / 3600.0)), pooled.toString());
        assertTrue(pooled.low() > 0, pooled.toString());
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Interval.ofProportion(1, 0));
        assertThrows(IllegalArgumentException.class, () -> Interval.ofProportion(5, 4));
        assertThrows(IllegalArgumentException.class, () -> Interval.ofRate(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> Interval.ofRate(1, 0));
        assertThrows(IllegalArgumentException.class, () -> Interval.ofRate(1, Double.NaN));
    }
}
