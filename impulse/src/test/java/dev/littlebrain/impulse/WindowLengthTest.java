package dev.littlebrain.impulse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.littlebrain.dsp.blocks.SignalSpec;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One window formula and one set of continuous defaults, whoever asks. */
class WindowLengthTest {

    @Test
    void theMotionWindowIsTheFeaturesWindowAt62point5Hz() {
        ImpulseConfig motion = ImpulseConfig.parse(ImpulseConfig.template("motion"));
        assertEquals(62.5, motion.input().frequencyHz());
        assertEquals(2000, motion.input().windowMs());
        // round(2000 * 62.5 / 1000) = 125; rounding the rate first (63 * 2000 / 1000) gave 126.
        assertEquals(125, motion.input().windowSamples());
        assertEquals(125 % motion.continuous().slices(), 0, "the template's slices divide the window");
    }

    @Test
    void audioWindowsAreWholeMillisecondsOfSamples() {
        ImpulseConfig kws = ImpulseConfig.parse(ImpulseConfig.template("kws"));
        assertEquals(16000, kws.input().windowSamples());
        // 999 ms at 11,025 Hz is 11,013.975 samples: the nearest, as the features are cut (truncating gave 11,013).
        assertEquals(11014, SignalSpec.windowSamples(11025, 999));
        assertEquals(125, SignalSpec.audio(62.5).windowSamples(2000));
    }

    @Test
    void aProjectWithoutContinuousSettingsTakesTheRuntimesDefaults() {
        // The kws template without its continuous: section (the key and its indented lines).
        StringBuilder yaml = new StringBuilder();
        boolean inside = false;
        for (String line : ImpulseConfig.template("kws").split("\n")) {
            inside = line.startsWith("continuous:") || inside && line.startsWith(" ");
            if (!inside) {
                yaml.append(line).append('\n');
            }
        }
        assertEquals(-1, yaml.indexOf("threshold:"), yaml.toString());
        ImpulseConfig.Continuous c = ImpulseConfig.parse(yaml.toString()).continuous();
        ContinuousConfig runtime = ContinuousConfig.keywordSpotting(16000, 16000, List.of("yes"));
        assertEquals(ImpulseConfig.Continuous.DEFAULTS, c);
        assertEquals(16000 / c.slices(), runtime.sliceSamples());
        assertEquals(runtime.averagedWindows(), c.average());
        assertEquals(runtime.threshold(), (float) c.threshold());
        assertEquals(runtime.suppressionMs(), c.suppressionMs());
    }
}
