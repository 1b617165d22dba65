package dev.littlebrain.impulse.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One threshold per keyword, chosen on labelled streams. A spotter's keywords do not score alike: one heard in many
 * other words ("no" in "go", "know") or said in many ways reaches lower averaged scores than the others, and a pooled
 * threshold set where the loud keyword stops making false accepts misses most of the quiet one. Each keyword's own
 * sweep says how many of its utterances it finds and how many false accepts it makes in its name at each threshold;
 * the false accepts of all keywords share one budget (the target rate over the streams' hours), spent where it finds
 * the most keywords.
 */
public final class KeywordThresholds {

    /**
     * The chosen thresholds with the operating point they give together, evaluated exactly on the streams (the sweeps
     * ignore the suppression between keywords, so the exact point can differ a little from their sum).
     */
    public record Suggestion(Map<String, Float> thresholds, StreamEvaluation.Point point,
            List<StreamEvaluation.KeywordResult> perKeyword) {
    }

    private KeywordThresholds() {
    }

    /**
     * The thresholds, one from each keyword's sweep, that find the most keyword utterances while the keywords' false
     * accepts together stay within {@code targetPerHour} over {@code audioSeconds} (of equals, the fewest false
     * accepts, then the higher thresholds); empty when a keyword has no sweep.
     */
    public static Map<String, Float> choose(Map<String, List<StreamEvaluation.Point>> perKeyword, double audioSeconds,
            double targetPerHour) {
        int budget = (int) Math.floor(targetPerHour * audioSeconds / 3600 + 1e-9);
        List<String> keywords = new ArrayList<>(perKeyword.keySet());
        if (keywords.isEmpty() || perKeyword.values().stream().anyMatch(List::isEmpty)) {
            return Map.of();
        }
        // best[f]: most hits with exactly f false accepts over the keywords so far; pick[k][f]: keyword k's choice.
        int[] best = new int[budget + 1];
        Arrays.fill(best, -1);
        best[0] = 0;
        int[][] pick = new int[keywords.size()][budget + 1];
        for (int k = 0; k < keywords.size(); k++) {
            List<StreamEvaluation.Point> sweep = perKeyword.get(keywords.get(k));
            int[] next = new int[budget + 1];
            Arrays.fill(next, -1);
            for (int f = 0; f <= budget; f++) {
                // Higher thresholds first, so an equal count keeps the larger margin.
                for (int i = sweep.size() - 1; i >= 0; i--) {
                    StreamEvaluation.Point pt = sweep.get(i);
                    int rest = f - pt.falseAccepts();
                    if (rest < 0 || best[rest] < 0) {
                        continue;
                    }
                    int hits = best[rest] + pt.hits();
                    if (hits > next[f]) {
                        next[f] = hits;
                        pick[k][f] = i;
                    }
                }
            }
            best = next;
        }
        int end = -1;
        for (int f = 0; f <= budget; f++) {
            if (best[f] >= 0 && (end < 0 || best[f] > best[end])) {
                end = f;
            }
        }
        if (end < 0) {
            return Map.of();
        }
        Map<String, Float> chosen = new LinkedHashMap<>();
        for (int k = keywords.size() - 1; k >= 0; k--) {
            StreamEvaluation.Point pt = perKeyword.get(keywords.get(k)).get(pick[k][end]);
            chosen.put(keywords.get(k), pt.threshold());
            end -= pt.falseAccepts();
        }
        Map<String, Float> ordered = new LinkedHashMap<>();
        keywords.forEach(k -> ordered.put(k, chosen.get(k)));
        return ordered;
    }
}
