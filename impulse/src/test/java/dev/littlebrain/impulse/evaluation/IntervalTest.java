package dev.littlebrain.impulse.evaluation;

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

    @Test
    void clusteredSpeakersWidenTheInterval() {
        // Ten speakers of ten keywords each: eight found every time, two never. 80 of 100 independent keywords would
        // give 0.711-0.867; as clusters they are worth 9 (design effect 100 / 9).
        Interval.Clustered c = Interval.ofClusteredProportion(new int[] {10, 10, 10, 10, 10, 10, 10, 10, 0, 0},
                new int[] {10, 10, 10, 10, 10, 10, 10, 10, 10, 10});
        assertEquals(10, c.clusters());
        assertEquals(100 / 9.0, c.designEffect(), 1e-9);
        assertEquals(9, c.effectiveTrials(), 1e-9);
        assertEquals(0.473789, c.interval().low(), 1e-6);
        assertEquals(0.946724, c.interval().high(), 1e-6);
        // Unequal clusters (reference computed separately from the ratio-estimator formula).
        Interval.Clustered u = Interval.ofClusteredProportion(new int[] {9, 2, 7, 0, 5}, new int[] {10, 4, 7, 3, 6});
        assertEquals(2.569876, u.designEffect(), 1e-6);
        assertEquals(0.480072, u.interval().low(), 1e-6);
        assertEquals(0.921212, u.interval().high(), 1e-6);
    }

    @Test
    void clustersNeverNarrowTheIndependentInterval() {
        // Every speaker alike: no spread between clusters, the design effect stays 1 and Wilson's interval is kept.
        Interval.Clustered same = Interval.ofClusteredProportion(new int[] {8, 8, 8, 8, 8, 8, 8, 8, 8, 8},
                new int[] {10, 10, 10, 10, 10, 10, 10, 10, 10, 10});
        assertEquals(1, same.designEffect());
        assertEquals(Interval.ofProportion(80, 100), same.interval());
        // One keyword per speaker: independent trials, up to the k / (k - 1) small-sample factor.
        int[] hits = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0};
        int[] ones = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        Interval.Clustered single = Interval.ofClusteredProportion(hits, ones);
        assertEquals(13 / 12.0, single.designEffect(), 1e-9);
        Interval wilson = Interval.ofProportion(10, 13);
        assertTrue(single.interval().low() < wilson.low() && single.interval().high() > wilson.high(),
                single + " vs " + wilson);
        assertEquals(wilson.low(), single.interval().low(), 0.02);
    }

    @Test
    void allFoundCountsEachSpeakerOnce() {
        // No miss shows no spread: each speaker is one trial, so 12 keywords of 3 speakers say no more than 3 of 3.
        Interval.Clustered all = Interval.ofClusteredProportion(new int[] {5, 3, 4}, new int[] {5, 3, 4});
        assertEquals(4, all.designEffect(), 1e-9);
        assertEquals(Interval.ofProportion(3, 3), all.interval());
        Interval.Clustered none = Interval.ofClusteredProportion(new int[] {0, 0}, new int[] {2, 6});
        assertEquals(Interval.ofProportion(0, 2), none.interval());
    }

    @Test
    void badClustersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Interval.ofClusteredProportion(new int[] {1}, new int[] {2}));
        assertThrows(IllegalArgumentException.class,
                () -> Interval.ofClusteredProportion(new int[] {1, 1}, new int[] {2}));
        assertThrows(IllegalArgumentException.class,
                () -> Interval.ofClusteredProportion(new int[] {1, 3}, new int[] {2, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> Interval.ofClusteredProportion(new int[] {0, 0}, new int[] {2, 0}));
    }
}
