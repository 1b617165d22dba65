package dev.littlebrain.impulse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings changed in impulse.yaml's text, every comment and untouched line kept. */
class ImpulseYamlTest {
    private static final String MOTION = ImpulseConfig.template("motion");

    @Test
    void aValueIsReplacedAndItsCommentKept() {
        String out = ImpulseYaml.withSetting(MOTION, "dsp", "block", "raw");
        assertEquals("raw", ImpulseConfig.parse(out).dsp().block());
        String blockLine = out.lines().filter(l -> l.startsWith("  block:")).findFirst().orElseThrow();
        assertTrue(blockLine.startsWith("  block: raw") && blockLine.contains("# one of"), blockLine);
        assertEquals(MOTION.lines().count(), out.lines().count());
        assertEquals(MOTION.replaceAll("(?m)^  block: \\S+", ""), out.replaceAll("(?m)^  block: \\S+", ""),
                "nothing else changed");
    }

    @Test
    void theDspParametersAreOneLineMapping() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("fft_length", "32");
        p.put("spectral_power_edges", "0.1, 0.5, 1.0, 2.0, 5.0");
        String out = ImpulseYaml.withSetting(MOTION, "dsp", "parameters", ImpulseYaml.flowMap(p));
        ImpulseConfig c = ImpulseConfig.parse(out);
        assertEquals(p, c.dsp().parameters());
        assertTrue(out.contains("parameters: {fft_length: 32, spectral_power_edges: \"0.1, 0.5, 1.0, 2.0, 5.0\"}"
                + "      # Edge Impulse names"), out);
    }

    @Test
    void aBlockStyleValueIsReplacedWhole() {
        String yaml = MOTION.replace("  parameters: {}      # Edge Impulse names, e.g. num_cepstral: 13; absent ones"
                + " take the defaults\n", "  parameters:\n    fft_length: 64\n    do_log: false\n");
        assertEquals("64", ImpulseConfig.parse(yaml).dsp().parameters().get("fft_length"));
        String out = ImpulseYaml.withSetting(yaml, "dsp", "parameters", ImpulseYaml.flowMap(Map.of("fft_length", "8")));
        assertEquals(Map.of("fft_length", "8"), ImpulseConfig.parse(out).dsp().parameters());
        assertTrue(!out.contains("do_log"), out);
    }

    @Test
    void aMissingKeyIsAddedAtTheEndOfItsSection() {
        String out = ImpulseYaml.withSetting(MOTION.replace("  patience: 0", "  #patience: 0"), "learn", "patience",
                "7");
        assertEquals(7, ImpulseConfig.parse(out).learn().patience());
        assertTrue(out.contains("  label_smoothing: 0  # e.g. 0.1: train towards 0.925 / 0.025 (4 labels), not 1 / 0\n"
                + "  patience: 7\nlabels:"), out);
        assertTrue(out.contains("#patience: 0"), "the user's commented-out line stays");
    }

    @Test
    void oddTextIsQuoted() {
        assertEquals("\"a #b\"", ImpulseYaml.scalar("a #b"));
        assertEquals("\"say \\\"hi\\\"\"", ImpulseYaml.scalar("say \"hi\""));
        assertEquals("0.005", ImpulseYaml.scalar("0.005"));
    }
}
