package dev.littlebrain.dsp.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.LibrosaMelBlock;
import dev.littlebrain.dsp.blocks.LibrosaMelConfig;
import dev.littlebrain.dsp.blocks.SignalSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** librosa-compatible mel block vs librosa 0.11 outputs in shared/dsp-reference (README tolerances). */
class LibrosaReferenceTest {
    private static final SignalSpec AUDIO = SignalSpec.audio(16000);

    private static float[] scaledInput(Path root, String input) throws IOException {
        float[] x = ReferenceData.audio(root, input);
        for (int i = 0; i < x.length; i++) {
            x[i] = x[i] / 32768f;
        }
        return x;
    }

    @Test
    void melBasisMatchesLibrosaFloat32() throws IOException {
        Path root = ReferenceData.root();
        double[][] expected = ReferenceData.csv(root.resolve("filterbanks/librosa_mel_filterbank.csv"));
        float[][] got = new LibrosaMelBlock(LibrosaMelConfig.defaults(), AUDIO).melBasis();
        double worst = 0;
        int differing = 0;
        for (int m = 0; m < expected.length; m++) {
            for (int k = 0; k < expected[m].length; k++) {
                double err = Math.abs(got[m][k] - expected[m][k]);
                worst = Math.max(worst, err);
                if ((float) expected[m][k] != got[m][k]) {
                    differing++;
                }
            }
        }
        System.out.printf("dsp-reference librosa-filterbank 40x257: max abs err %.2e (%d float32 cells differ)%n",
                worst, differing);
        assertTrue(worst <= 1e-6, "librosa mel basis err " + worst);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kw_yes", "kw_stop", "unk_marvin", "noise_running_tap", "chirp_100_7000",
        "chirp_100_7000_loud"})
    void melspecLogmelMfcc(String input) throws IOException {
        Path root = ReferenceData.root();
        float[] x = scaledInput(root, input);
        Path dir = root.resolve("features/" + input);

        DspBlock power = DspBlocks.create("librosa-mel", AUDIO, Map.of("output", "power"));
        double[][] melspec = ReferenceData.csv(dir.resolve("librosa_melspec.csv"));
        float[] gotPower = power.process(x);
        assertEquals(melspec.length * melspec[0].length, gotPower.length);
        double clipMax = 0;
        for (double[] row : melspec) {
            for (double v : row) {
                clipMax = Math.max(clipMax, v);
            }
        }
        double worstPower = 0;
        for (int t = 0; t < melspec.length; t++) {
            for (int m = 0; m < melspec[t].length; m++) {
                worstPower = Math.max(worstPower, Math.abs(gotPower[t * melspec[t].length + m] - melspec[t][m]));
            }
        }
        double relPower = worstPower / clipMax;
        assertTrue(relPower <= 1e-6, "melspec err / clip max " + relPower);

        DspBlock db = DspBlocks.create("librosa-mel", AUDIO, Map.of("output", "db"));
        double[][] logmel = ReferenceData.csv(dir.resolve("librosa_logmel.csv"));
        float[] gotDb = db.process(x);
        double maxDb = 10 * Math.log10(clipMax);
        double worstNear = 0;
        double worstFar = 0;
        for (int t = 0; t < logmel.length; t++) {
            for (int m = 0; m < logmel[t].length; m++) {
                double err = Math.abs(gotDb[t * logmel[t].length + m] - logmel[t][m]);
                if (logmel[t][m] >= maxDb - 60) {
                    worstNear = Math.max(worstNear, err);
                } else {
                    worstFar = Math.max(worstFar, err);
                }
            }
        }
        assertTrue(worstNear <= 0.01, "logmel within 60 dB err " + worstNear);
        assertTrue(worstFar <= 0.1, "logmel below 60 dB err " + worstFar);

        DspBlock mfcc = DspBlocks.create("librosa-mel", AUDIO, Map.of("output", "mfcc", "n_mfcc", "13"));
        double[][] expectedMfcc = ReferenceData.csv(dir.resolve("librosa_mfcc.csv"));
        float[] gotMfcc = mfcc.process(x);
        assertEquals(expectedMfcc.length * 13, gotMfcc.length);
        double worstMfcc = 0;
        for (int t = 0; t < expectedMfcc.length; t++) {
            for (int k = 0; k < 13; k++) {
                worstMfcc = Math.max(worstMfcc, Math.abs(gotMfcc[t * 13 + k] - expectedMfcc[t][k]));
            }
        }
        System.out.printf("dsp-reference librosa %s: melspec max abs err / clip max %.2e, logmel max abs err "
                + "%.2e dB (within 60 dB) %.2e dB (below), mfcc max abs err %.2e%n", input, relPower, worstNear,
                worstFar, worstMfcc);
        assertTrue(worstMfcc <= 0.1, "librosa mfcc err " + worstMfcc);
    }
}
