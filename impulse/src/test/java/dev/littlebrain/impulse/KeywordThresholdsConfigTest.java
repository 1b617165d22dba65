package dev.littlebrain.impulse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** impulse.yaml's continuous.thresholds: a keyword's own threshold, read and written by test --stream --apply. */
class KeywordThresholdsConfigTest {

    @Test
    void aKeywordsOwnThresholdIsReadAndCheckedLikeTheThreshold() {
        String yaml = ImpulseConfig.template("kws").replace("  threshold: 0.85",
                "  threshold: 0.85\n  thresholds: {no: 0.6}");
        ImpulseConfig.Continuous c = ImpulseConfig.parse(yaml).continuous();
        assertEquals(0.85, c.threshold(), 1e-12);
        assertEquals(Map.of("no", 0.6f), c.keywordThresholds());
        ImpulseConfig.ImpulseConfigException e = assertThrows(ImpulseConfig.ImpulseConfigException.class,
                () -> ImpulseConfig.parse(yaml.replace("{no: 0.6}", "{no: 1.6}")));
        assertTrue(e.getMessage().startsWith("continuous.thresholds.no:"), e.getMessage());
        assertThrows(ImpulseConfig.ImpulseConfigException.class, () -> ImpulseConfig.parse(yaml.replace("{no: 0.6}", "0.6")));
        assertTrue(ImpulseConfig.parse(ImpulseConfig.template("kws")).continuous().thresholds().isEmpty());
    }

    @Test
    void applyWritesReplacesAndRemovesThemKeepingTheRest() {
        String yaml = ImpulseConfig.template("kws");
        Map<String, Float> own = new LinkedHashMap<>();
        own.put("yes", 0.8f);
        own.put("no", 0.55f);
        String written = ImpulseConfig.withKeywordThresholds(yaml, own);
        assertEquals(Map.of("yes", 0.8f, "no", 0.55f), ImpulseConfig.parse(written).continuous().keywordThresholds());
        assertTrue(written.contains("  threshold: 0.85     # averaged score that fires a keyword\n  thresholds: {yes: 0.80,"
                + " no: 0.55}"), written);
        // A block-style mapping a person wrote is replaced whole.
        String block = yaml.replace("  threshold: 0.85     # averaged score that fires a keyword\n",
                "  threshold: 0.85     # averaged score that fires a keyword\n  thresholds:\n    no: 0.5\n    yes: 0.9\n");
        assertEquals(Map.of("no", 0.6f), ImpulseConfig.parse(ImpulseConfig.withKeywordThresholds(block,
                Map.of("no", 0.6f))).continuous().keywordThresholds());
        String removed = ImpulseConfig.withKeywordThresholds(written, Map.of());
        assertFalse(removed.contains("thresholds:"), removed);
        assertEquals(yaml, removed);
    }
}
