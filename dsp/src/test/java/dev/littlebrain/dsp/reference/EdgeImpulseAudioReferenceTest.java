package dev.littlebrain.dsp.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.MfccBlock;
import dev.littlebrain.dsp.blocks.MfccConfig;
import dev.littlebrain.dsp.blocks.MfeBlock;
import dev.littlebrain.dsp.blocks.MfeConfig;
import dev.littlebrain.dsp.blocks.SignalSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Edge Impulse audio blocks vs shared/dsp-reference, with the README's tolerances. */
class EdgeImpulseAudioReferenceTest {
    private static final SignalSpec AUDIO_16K = SignalSpec.audio(16000);

    private static double maxAbsError(float[] got, double[][] expected) {
        int cols = expected[0].length;
        assertEquals(expected.length * cols, got.length, "feature count");
        double worst = 0;
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < cols; c++) {
                worst = Math.max(worst, Math.abs(got[r * cols + c] - expected[r][c]));
            }
        }
        return worst;
    }

    private static void report(String block, String input, double err) {
        System.out.printf("dsp-reference %s %s: max abs err %.2e%n", block, input, err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kw_yes", "kw_stop", "unk_marvin", "noise_running_tap", "chirp_100_7000",
        "chirp_100_7000_loud"})
    void mfccDefaults(String input) throws IOException {
        Path root = ReferenceData.root();
        DspBlock block = DspBlocks.create("mfcc", AUDIO_16K, Map.of());
        float[] got = block.process(ReferenceData.audio(root, input));
        double err = maxAbsError(got, ReferenceData.csv(root.resolve("features/" + input + "/ei_mfcc.csv")));
        report("mfcc", input, err);
        assertTrue(err <= 5e-3, "mfcc " + input + " max abs err " + err);
        assertEquals(50, block.outputShape(16000).frames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"kw_yes", "kw_stop", "unk_marvin", "noise_running_tap", "chirp_100_7000",
        "chirp_100_7000_loud"})
    void mfccWithoutCmvn(String input) throws IOException {
        Path root = ReferenceData.root();
        DspBlock block = DspBlocks.create("mfcc", AUDIO_16K, Map.of("win_size", "0"));
        float[] got = block.process(ReferenceData.audio(root, input));
        double err = maxAbsError(got, ReferenceData.csv(root.resolve("features/" + input + "/ei_mfcc_nocmvn.csv")));
        report("mfcc-nocmvn", input, err);
        assertTrue(err <= 5e-3, "mfcc without cmvn " + input + " max abs err " + err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kw_yes", "kw_stop", "unk_marvin", "noise_running_tap", "chirp_100_7000",
        "chirp_100_7000_loud"})
    void spectrogram(String input) throws IOException {
        Path root = ReferenceData.root();
        DspBlock block = DspBlocks.create("spectrogram", AUDIO_16K, Map.of());
        float[] got = block.process(ReferenceData.audio(root, input));
        double err = maxAbsError(got, ReferenceData.csv(root.resolve("features/" + input + "/ei_spectrogram.csv")));
        report("spectrogram", input, err);
        assertTrue(err <= 1e-5, "spectrogram " + input + " max abs err " + err);
    }

    /**
     * Equal, or one 1/256 step off in at most 0.01 % of cells. Cells marked in ei_mfe_wrap_mask.csv
     * are 0 in the Python output (uint8 wrap-around) and must be 1.0 here (C++ SDK clamp).
     */
    @ParameterizedTest
    @ValueSource(strings = {"kw_yes", "kw_stop", "unk_marvin", "noise_running_tap", "chirp_100_7000",
        "chirp_100_7000_loud"})
    void mfe(String input) throws IOException {
        Path root = ReferenceData.root();
        DspBlock block = DspBlocks.create("mfe", AUDIO_16K, Map.of());
        float[] got = block.process(ReferenceData.audio(root, input));
        double[][] expected = ReferenceData.csv(root.resolve("features/" + input + "/ei_mfe.csv"));
        Path maskFile = root.resolve("features/" + input + "/ei_mfe_wrap_mask.csv");
        double[][] mask = Files.exists(maskFile) ? ReferenceData.csv(maskFile) : null;
        int cols = expected[0].length;
        assertEquals(expected.length * cols, got.length);
        int offByOne = 0;
        int wrapped = 0;
        double worst = 0;
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < cols; c++) {
                double g = got[r * cols + c];
                if (mask != null && mask[r][c] == 1.0) {
                    wrapped++;
                    assertEquals(0.0, expected[r][c], "reference wraps to 0 at " + r + "," + c);
                    assertEquals(1.0, g, "SDK behaviour: saturated cell clamps to 1.0 at " + r + "," + c);
                    continue;
                }
                double steps = Math.abs(g - expected[r][c]) * 256;
                worst = Math.max(worst, Math.abs(g - expected[r][c]));
                if (steps != 0) {
                    assertEquals(1.0, steps, 1e-9, "mfe " + input + " cell " + r + "," + c);
                    offByOne++;
                }
            }
        }
        int cells = expected.length * cols;
        System.out.printf("dsp-reference mfe %s: max abs err %.2e (%d of %d cells one 1/256 step off, "
                + "%d wrap-mask cells = 1.0)%n", input, worst, offByOne, cells, wrapped);
        assertTrue(offByOne <= cells * 1e-4, offByOne + " cells off by one step");
        if (input.equals("chirp_100_7000_loud")) {
            assertEquals(126, wrapped, "wrap mask cells");
        }
    }

    @Test
    void mfccFilterbankIsExact() throws IOException {
        Path root = ReferenceData.root();
        double[][] expected = ReferenceData.csv(root.resolve("filterbanks/ei_mfcc_filterbank.csv"));
        double[][] got = new MfccBlock(MfccConfig.defaults(), AUDIO_16K).filterbank().toDense();
        double err = maxAbsError(got, expected);
        report("mfcc-filterbank", "32x129", err);
        assertTrue(err <= 1e-12, "filterbank err " + err);
    }

    @Test
    void mfeFilterbankIsExact() throws IOException {
        Path root = ReferenceData.root();
        double[][] expected = ReferenceData.csv(root.resolve("filterbanks/ei_mfe_filterbank.csv"));
        double[][] got = new MfeBlock(MfeConfig.defaults(), AUDIO_16K).filterbank().toDense();
        double err = maxAbsError(got, expected);
        report("mfe-filterbank", "40x129", err);
        assertTrue(err <= 1e-12, "filterbank err " + err);
    }

    private static double maxAbsError(double[][] got, double[][] expected) {
        assertEquals(expected.length, got.length, "rows");
        double worst = 0;
        for (int r = 0; r < expected.length; r++) {
            assertEquals(expected[r].length, got[r].length, "columns");
            for (int c = 0; c < expected[r].length; c++) {
                worst = Math.max(worst, Math.abs(got[r][c] - expected[r][c]));
            }
        }
        return worst;
    }
}
