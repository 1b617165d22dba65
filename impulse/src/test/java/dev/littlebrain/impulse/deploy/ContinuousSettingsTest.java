package dev.littlebrain.impulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.impulse.ImpulseConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The project's continuous settings on a window: the slice length, and a refusal that says what would fit. */
class ContinuousSettingsTest {
    @Test
    void slicesThatDivideTheWindowGiveItsSliceLength() {
        var config = ContinuousSettings.PROJECT.config(16000, 16000, List.of("yes", "no"),
                new ImpulseConfig.Continuous(4, 3, 0.8, 1000));
        assertEquals(4000, config.sliceSamples());
    }

    @Test
    void slicesThatDoNotDivideTheWindowAreRefusedWithAFittingCount() {
        // A motion window of 2 s at 62.5 Hz (125 samples) with the keyword spotter's 4 slices: 5 fits.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContinuousSettings.PROJECT
                .config(62, 125, List.of("wave", "idle"), new ImpulseConfig.Continuous(4, 3, 0.8, 1000)));
        assertTrue(e.getMessage().startsWith("continuous.slices 4 must divide the window (125 samples)"), e.getMessage());
        assertTrue(e.getMessage().contains("slices: 5"), e.getMessage());
    }
}
