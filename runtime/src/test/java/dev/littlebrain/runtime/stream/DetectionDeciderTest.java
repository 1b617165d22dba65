package dev.littlebrain.runtime.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decision step: one threshold for every keyword, or a keyword's own. */
class DetectionDeciderTest {
    private static final List<String> LABELS = List.of("yes", "no", "_unknown_", "_noise_");
    private static final ContinuousConfig POOLED = new ContinuousConfig(16000, 4000, 3, 0.8f, 1000, LABELS,
            ContinuousConfig.SILENT_LABELS);

    @Test
    void aKeywordWithItsOwnThresholdFiresBelowThePooledOne() {
        float[] quietNo = {0.1f, 0.6f, 0.2f, 0.1f};
        assertEquals(Optional.empty(), new DetectionDecider(POOLED).decide(quietNo, 0));
        ContinuousConfig own = POOLED.withKeywordThresholds(Map.of("no", 0.55f));
        assertEquals(Optional.of(new Detection("no", 0, 0.6f)), new DetectionDecider(own).decide(quietNo, 0));
        // The other keyword keeps the pooled threshold.
        assertEquals(Optional.empty(), new DetectionDecider(own).decide(new float[] {0.7f, 0.1f, 0.1f, 0.1f}, 0));
    }

    @Test
    void ofTwoKeywordsOverTheirThresholdsTheLouderFires() {
        ContinuousConfig own = POOLED.withKeywordThresholds(Map.of("no", 0.3f, "yes", 0.3f));
        assertEquals("yes", new DetectionDecider(own).decide(new float[] {0.45f, 0.4f, 0.1f, 0.05f}, 0)
                .orElseThrow().label());
    }

    @Test
    void aPooledThresholdReplacesTheKeywordsOwn() {
        ContinuousConfig own = POOLED.withKeywordThresholds(Map.of("no", 0.55f));
        assertEquals(0.55f, own.thresholdOf(1));
        assertEquals(0.8f, own.thresholdOf(0));
        assertEquals(0.9f, own.withThreshold(0.9f).thresholdOf(1));
    }

    @Test
    void onlyKeywordsOfTheModelTakeAThreshold() {
        IllegalArgumentException silent = assertThrows(IllegalArgumentException.class,
                () -> POOLED.withKeywordThresholds(Map.of("_noise_", 0.5f)));
        assertTrue(silent.getMessage().contains("'_noise_'"), silent.getMessage());
        assertThrows(IllegalArgumentException.class, () -> POOLED.withKeywordThresholds(Map.of("stop", 0.5f)));
        assertThrows(IllegalArgumentException.class, () -> POOLED.withKeywordThresholds(Map.of("no", 1.5f)));
    }
}
