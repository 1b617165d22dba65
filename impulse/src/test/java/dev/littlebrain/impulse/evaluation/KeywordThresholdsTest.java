package dev.littlebrain.impulse.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Choosing one threshold per keyword from each keyword's sweep, the false accepts sharing one budget. */
class KeywordThresholdsTest {
    /** A sweep: thresholds 0.5, 0.7, 0.9 with these hits and false accepts. */
    private static List<StreamEvaluation.Point> sweep(int[] hits, int[] falseAccepts) {
        float[] t = {0.5f, 0.7f, 0.9f};
        List<StreamEvaluation.Point> out = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            out.add(new StreamEvaluation.Point(t[i], hits[i] / 10.0, falseAccepts[i], Double.NaN, hits[i],
                    falseAccepts[i]));
        }
        return out;
    }

    @Test
    void theBudgetGoesWhereItFindsTheMostKeywords() {
        Map<String, List<StreamEvaluation.Point>> perKeyword = new LinkedHashMap<>();
        // "yes" is loud: 9 of 10 even at 0.9 without a false accept; "no" is quiet: found only low, at a cost.
        perKeyword.put("yes", sweep(new int[] {10, 9, 9}, new int[] {3, 1, 0}));
        perKeyword.put("no", sweep(new int[] {8, 5, 1}, new int[] {2, 1, 0}));
        // One hour of streams, at most 2 false accepts per hour: yes 0.9 (9, 0) + no 0.5 (8, 2) = 17 hits.
        assertEquals(Map.of("yes", 0.9f, "no", 0.5f), KeywordThresholds.choose(perKeyword, 3600, 2));
        // At most 1: yes 0.9 + no 0.7 (14) beats yes 0.7 + no 0.9 (10).
        assertEquals(Map.of("yes", 0.9f, "no", 0.7f), KeywordThresholds.choose(perKeyword, 3600, 1));
        // None allowed: the highest thresholds.
        assertEquals(Map.of("yes", 0.9f, "no", 0.9f), KeywordThresholds.choose(perKeyword, 3600, 0.5));
    }

    @Test
    void ofEqualCountsTheFewerFalseAcceptsAndTheHigherThresholdWin() {
        Map<String, List<StreamEvaluation.Point>> perKeyword = new LinkedHashMap<>();
        perKeyword.put("yes", sweep(new int[] {9, 9, 9}, new int[] {1, 0, 0}));
        assertEquals(Map.of("yes", 0.9f), KeywordThresholds.choose(perKeyword, 3600, 5));
    }

    @Test
    void withoutAnAffordableThresholdThereIsNoSuggestion() {
        Map<String, List<StreamEvaluation.Point>> perKeyword = new LinkedHashMap<>();
        perKeyword.put("yes", sweep(new int[] {9, 9, 9}, new int[] {5, 4, 3}));
        assertTrue(KeywordThresholds.choose(perKeyword, 3600, 2).isEmpty());
        assertTrue(KeywordThresholds.choose(Map.of(), 3600, 2).isEmpty());
    }
}
