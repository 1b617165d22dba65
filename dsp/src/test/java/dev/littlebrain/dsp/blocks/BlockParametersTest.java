package dev.littlebrain.dsp.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad parameters and bad input give one clear message naming what is wrong. */
class BlockParametersTest {
    private static final SignalSpec AUDIO = SignalSpec.audio(16000);
    private static final SignalSpec MOTION = new SignalSpec(62.5, List.of("accX", "accY", "accZ"));

    private static void assertRejected(String block, SignalSpec signal, Map<String, String> params,
                                       String parameter, String... messageParts) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> DspBlocks.create(block, signal, params));
        assertEquals(parameter, e.parameter(), e.getMessage());
        assertTrue(e.getMessage().contains("'" + parameter + "'"), e.getMessage());
        for (String part : messageParts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing in: " + e.getMessage());
        }
    }

    @Test
    void rejectsBadValuesNamingTheParameter() {
        assertRejected("mfcc", AUDIO, Map.of("num_filters", "abc"), "num_filters", "integer");
        assertRejected("mfcc", AUDIO, Map.of("num_filters", "1"), "num_filters", "[2, 512]");
        assertRejected("mfcc", AUDIO, Map.of("num_cepstral", "40"), "num_cepstral", "[1, 32]");
        assertRejected("mfcc", AUDIO, Map.of("win_size", "100"), "win_size", "odd");
        assertRejected("mfcc", AUDIO, Map.of("frame_length", "-0.02"), "frame_length");
        assertRejected("mfcc", AUDIO, Map.of("frame_stride", "NaN"), "frame_stride", "finite");
        assertRejected("mfcc", AUDIO, Map.of("high_frequency", "9000"), "high_frequency", "8000");
        assertRejected("mfcc", AUDIO, Map.of("low_frequency", "8000"), "low_frequency");
        assertRejected("mfcc", AUDIO, Map.of("pre_cof", "1.5"), "pre_cof", "[0.0, 1.0]");
        assertRejected("mfcc", AUDIO, Map.of("implementation_version", "2"), "implementation_version", "[3, 4]");
        assertRejected("mfe", AUDIO, Map.of("noise_floor_db", "20"), "noise_floor_db");
        assertRejected("spectrogram", AUDIO, Map.of("implementation_version", "3"), "implementation_version", "[4]");
        assertRejected("spectrogram", AUDIO, Map.of("show_axes", "maybe"), "show_axes", "true or false");
        assertRejected("spectral-analysis", MOTION, Map.of("fft_length", "100"), "fft_length", "power of 2");
        assertRejected("spectral-analysis", MOTION, Map.of("filter_type", "band"), "filter_type", "[high, low, none]");
        assertRejected("spectral-analysis", MOTION, Map.of("filter_type", "low", "filter_order", "5"),
                "filter_order", "even");
        assertRejected("spectral-analysis", MOTION, Map.of("filter_type", "low", "filter_cutoff", "40"),
                "filter_cutoff", "Nyquist");
        assertRejected("spectral-analysis", MOTION, Map.of("input_decimation_ratio", "2"), "input_decimation_ratio");
        assertRejected("spectral-analysis", MOTION, Map.of("analysis_type", "Wavelet"), "analysis_type", "[FFT]");
        assertRejected("raw", MOTION, Map.of("scale_axes", "x"), "scale_axes");
    }

    @Test
    void rejectsUnknownParameterListingKnownOnes() {
        assertRejected("mfcc", AUDIO, Map.of("num_filter", "32"), "num_filter", "unknown parameter", "num_filters");
    }

    @Test
    void rejectsUnknownBlockAndUnsuitableSignal() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DspBlocks.create("wavelet", AUDIO, Map.of()));
        assertTrue(e.getMessage().contains("spectral-analysis"), e.getMessage());
        IllegalArgumentException axes = assertThrows(IllegalArgumentException.class,
                () -> DspBlocks.create("mfcc", MOTION, Map.of()));
        assertTrue(axes.getMessage().contains("one audio axis"), axes.getMessage());
        IllegalArgumentException mel = assertThrows(IllegalArgumentException.class,
                () -> DspBlocks.create("mfe", AUDIO, Map.of("num_filters", "100")));
        assertTrue(mel.getMessage().contains("is empty"), mel.getMessage());
    }

    @Test
    void acceptsEdgeImpulseSpellingsAndDefaults() {
        MfccConfig c = MfccConfig.fromParameters(Map.of("fft_length", "512.0", "pre_cof", "0.97"));
        assertEquals(512, c.fftLength());
        assertEquals(0.97, c.preCof());
        assertEquals(MfccConfig.defaults(), MfccConfig.fromParameters(Map.of()));
        SpectralAnalysisConfig s = SpectralAnalysisConfig.fromParameters(Map.of("do_log", "false",
                "spectral_power_edges", "0.1, 0.5, 1.0, 2.0, 5.0", "wavelet", "db4"));
        assertEquals(false, s.doLog());
    }

    @Test
    void rejectsNonFiniteInputAndShortWindows() {
        DspBlock mfcc = DspBlocks.create("mfcc", AUDIO, Map.of());
        float[] x = new float[16000];
        x[1234] = Float.NaN;
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> mfcc.process(x));
        assertTrue(nan.getMessage().contains("sample 1234") && nan.getMessage().contains("NaN"), nan.getMessage());
        IllegalArgumentException shortWindow = assertThrows(IllegalArgumentException.class,
                () -> mfcc.process(new float[100]));
        assertTrue(shortWindow.getMessage().contains("shorter than one frame"), shortWindow.getMessage());
        DspBlock spectral = DspBlocks.create("spectral-analysis", MOTION, Map.of());
        float[] motion = new float[30];
        motion[4] = Float.NEGATIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> spectral.process(motion));
        assertThrows(IllegalArgumentException.class, () -> spectral.process(new float[31]));
    }

    @Test
    void outputShapesAndLabels() {
        FeatureShape mfcc = DspBlocks.create("mfcc", AUDIO, Map.of()).outputShape(16000);
        assertEquals(new FeatureShape(50, 13, mfcc.coefficientLabels()), mfcc);
        FeatureShape mfe = DspBlocks.create("mfe", AUDIO, Map.of()).outputShape(16000);
        assertEquals(99 * 40, mfe.size());
        FeatureShape spectrogram = DspBlocks.create("spectrogram", AUDIO, Map.of()).outputShape(16000);
        assertEquals(65, spectrogram.coefficients());
        assertEquals("8000.0 Hz", spectrogram.coefficientLabels().get(64));
        FeatureShape spectral = DspBlocks.create("spectral-analysis", MOTION, Map.of()).outputShape(125);
        assertEquals(39, spectral.size());
        assertEquals("accY Spectral Power 29.3 - 33.2 Hz", spectral.coefficientLabels().get(25));
    }

    /** Edge Impulse's pre-emphasis is circular: the first frame depends on the window's last sample. */
    @Test
    void firstFrameDependsOnLastSample() {
        DspBlock mfcc = DspBlocks.create("mfcc", AUDIO, Map.of("win_size", "0"));
        float[] x = new float[16000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.rint(1000 * Math.sin(i * 0.05));
        }
        float[] a = mfcc.process(x);
        x[15999] += 20000;
        float[] b = mfcc.process(x);
        assertNotEquals(a[0], b[0]);
        for (int i = 13; i < a.length; i++) {
            assertEquals(a[i], b[i], "frames after the first do not use sample N-1 (it is past the last frame)");
        }
    }

    /** Versions <= 3 map mel points with fft/2 + 1 instead of fft + 1, squeezing filters into 0..fs/4. */
    @Test
    void oldMelsForImplementationVersion3() {
        // 20 filters: with the old mapping 32 filters would leave filter 0 empty at FFT 256 (an error).
        double[][] v4 = new MfccBlock(MfccConfig.fromParameters(Map.of("num_filters", "20")), AUDIO)
                .filterbank().toDense();
        double[][] v3 = new MfccBlock(MfccConfig.fromParameters(Map.of("implementation_version", "3",
                "num_filters", "20")), AUDIO).filterbank().toDense();
        int lastV3 = 0;
        int lastV4 = 0;
        for (int k = 0; k < 129; k++) {
            for (int m = 0; m < 20; m++) {
                if (v3[m][k] != 0) {
                    lastV3 = k;
                }
                if (v4[m][k] != 0) {
                    lastV4 = k;
                }
            }
        }
        // Old: bins floor(130 * hz / fs), top point 8000 Hz -> bin 64 (weight 0 there); new: bin 128.
        assertEquals(63, lastV3);
        assertEquals(127, lastV4);
    }

    @Test
    void mfeSaturationClampsToOne() {
        assertEquals(1.0, MfeBlock.quantise(1.0));
        assertEquals(1.0, MfeBlock.quantise(255.6 / 256));
        assertEquals(255.0 / 256, MfeBlock.quantise(255.4 / 256));
        assertEquals(0.0, MfeBlock.quantise(0.0));
        // numpy.around rounds half to even.
        assertEquals(2.0 / 256, MfeBlock.quantise(2.5 / 256));
    }
}
