package dev.littlebrain.dsp.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.FeatureShape;
import dev.littlebrain.dsp.blocks.SignalSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spectral analysis on motion_3axis.csv vs shared/dsp-reference (atol 1e-4), labels included. */
class EdgeImpulseSpectralReferenceTest {
    private static final SignalSpec MOTION = new SignalSpec(62.5, List.of("accX", "accY", "accZ"));

    private static void check(String name, Map<String, String> params, String file) throws IOException {
        Path root = ReferenceData.root();
        DspBlock block = DspBlocks.create("spectral-analysis", MOTION, params);
        float[] input = ReferenceData.motionInterleaved(root);
        float[] got = block.process(input);
        List<String[]> expected = ReferenceData.spectralCsv(root.resolve("features/motion_3axis/" + file));
        FeatureShape shape = block.outputShape(input.length / 3);
        assertEquals(expected.size(), got.length, "feature count");
        assertEquals(expected.size(), shape.size());
        double worst = 0;
        String worstLabel = "";
        for (int i = 0; i < got.length; i++) {
            assertEquals(expected.get(i)[0], shape.coefficientLabels().get(i), "label " + i);
            double err = Math.abs(got[i] - Double.parseDouble(expected.get(i)[1]));
            if (err > worst) {
                worst = err;
                worstLabel = expected.get(i)[0];
            }
        }
        System.out.printf("dsp-reference %s motion_3axis: max abs err %.2e (%s)%n", name, worst, worstLabel);
        assertTrue(worst <= 1e-4, name + " max abs err " + worst + " at " + worstLabel);
    }

    @Test
    void defaults() throws IOException {
        check("spectral", Map.of(), "ei_spectral.csv");
    }

    @Test
    void lowPass8Hz() throws IOException {
        check("spectral-lowpass", Map.of("filter_type", "low", "filter_cutoff", "8", "filter_order", "6"),
                "ei_spectral_lowpass.csv");
    }
}
