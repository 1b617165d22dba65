package dev.littlebrain.deploy.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.deploy.HostCompiler;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.SignalSpec;
import dev.littlebrain.dsp.streaming.StreamingFeatures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exported C DSP (gcc -O2 -Werror, and again under ASan/UBSan) against the Java blocks, batch and
 * streaming, on the dsp-reference inputs and espeak-kws clips, for several parameter sets per block: the
 * default (float on a float FPU, with a float-float FFT and double rows only where a block needs them) within
 * the 1e-4 contract, the all-double form
 * ({@code -DLB_DSP_DOUBLE_PRECISION}) bit for bit.
 */
class DspCGeneratorTest {

    static Stream<Arguments> parameterSets() {
        return Stream.of(
                Arguments.of("mfcc", Map.of()),
                Arguments.of("mfcc", Map.of("num_cepstral", "10", "frame_length", "0.025", "frame_stride", "0.01",
                        "num_filters", "40", "fft_length", "512")),
                Arguments.of("mfcc", Map.of("win_size", "0", "frame_length", "0.032", "frame_stride", "0.016",
                        "fft_length", "512", "low_frequency", "80", "high_frequency", "7600")),
                Arguments.of("mfcc", Map.of("win_size", "21", "pre_shift", "2", "pre_cof", "0.9")),
                Arguments.of("mfe", Map.of()),
                Arguments.of("mfe", Map.of("frame_length", "0.032", "frame_stride", "0.016", "fft_length", "512",
                        "num_filters", "32", "noise_floor_db", "-72")),
                Arguments.of("spectrogram", Map.of()),
                Arguments.of("spectrogram", Map.of("frame_length", "0.025", "frame_stride", "0.0125",
                        "fft_length", "512")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("parameterSets")
    void cFeaturesEqualJavaFeatures(String name, Map<String, String> parameters, @TempDir Path dir) throws Exception {
        HostCompiler.requireAvailable("gcc");
        List<AudioInputs.Clip> clips = AudioInputs.clips();
        DspBlock block = DspBlocks.create(name, SignalSpec.audio(AudioInputs.RATE), parameters);
        String what = name + " " + parameters;
        float[] stream = AudioInputs.concatenated(clips);
        float[] javaBatch = javaBatch(block, clips);

        for (List<String> compiler : List.of(CDspProgram.STRICT, CDspProgram.SANITIZED)) {
            String exe = compiler == CDspProgram.STRICT ? "dsp" : "dsp_san";
            CDspProgram program = CDspProgram.build(block, AudioInputs.WINDOW, dir, exe, compiler);
            FeatureError batch = new FeatureError();
            batch.add(program.batch(stream), javaBatch, what + " batch (" + exe + ")");
            FeatureError streaming = new FeatureError();
            // 250 ms slices (a multiple of every stride here) and an odd size that moves the frame grid.
            for (int slice : new int[] {4000, 1234}) {
                streaming.add(program.stream(stream, slice), javaStream(block, stream, slice),
                        what + " stream " + slice + " (" + exe + ")");
            }
            System.out.println("C DSP " + what + " [" + exe + ", default precision]: batch " + batch + "; streaming "
                    + streaming);
            if (name.equals("mfe")) {
                batch.requireMfeCells(what + " batch");
                streaming.requireMfeCells(what + " streaming");
            } else {
                batch.requireWithinTolerance(what + " batch");
                streaming.requireWithinTolerance(what + " streaming");
            }
        }

        // All double: the same doubles as Java in the same order, so every feature is bit-equal.
        List<String> allDouble = new ArrayList<>(CDspProgram.STRICT);
        allDouble.add("-DLB_DSP_DOUBLE_PRECISION");
        CDspProgram exact = CDspProgram.build(block, AudioInputs.WINDOW, dir.resolve("double"), "dsp_f64", allDouble);
        FeatureError bits = new FeatureError();
        bits.add(exact.batch(stream), javaBatch, what + " batch (double)");
        for (int slice : new int[] {4000, 1234}) {
            bits.add(exact.stream(stream, slice), javaStream(block, stream, slice), what + " stream " + slice + " (double)");
        }
        System.out.println("C DSP " + what + " [double]: " + bits);
        assertEquals(0, bits.unequal, what + " with -DLB_DSP_DOUBLE_PRECISION: " + bits);
    }

    @Test
    void defaultPrecisionIsFloatWithFloatFloatFftAndDoubleRowsOnlyWhereNeeded() {
        SignalSpec audio = SignalSpec.audio(16000);
        assertTrue(source("mfcc").contains("#define LB_FFT_DEFAULT_FLOAT_FLOAT 1\n"), "mfcc: FFT in float-float");
        assertTrue(source("mfcc").contains("#define LB_ROW_DEFAULT_DOUBLE 1\n"), "mfcc: rows (c0, CMVN) in double");
        assertTrue(source("spectrogram").contains("#define LB_FFT_DEFAULT_FLOAT_FLOAT 1\n"),
                "spectrogram: FFT in float-float");
        assertTrue(source("spectrogram").contains("#define LB_ROW_DEFAULT_DOUBLE 0\n"), "spectrogram: float rows");
        assertTrue(source("mfe").contains("#define LB_FFT_DEFAULT_FLOAT_FLOAT 0\n"), "mfe: float throughout");
        assertTrue(source("mfe").contains("#define LB_ROW_DEFAULT_DOUBLE 0\n"), "mfe: float throughout");
        for (String name : List.of("mfcc", "mfe", "spectrogram")) {
            assertTrue(source(name).contains("typedef float lb_real;"), name + ": row arithmetic in float");
        }
        assertTrue(DspCGenerator.generate(DspBlocks.create("mfcc", audio, Map.of()), 16000, "test")
                .get(DspCGenerator.SOURCE).contains("#ifdef LB_DSP_DOUBLE_PRECISION"), "double stays available");
    }

    private static String source(String block) {
        return DspCGenerator.generate(DspBlocks.create(block, SignalSpec.audio(16000), Map.of()), 16000, "test")
                .get(DspCGenerator.SOURCE);
    }

    /**
     * Everything in float32 ({@code -DLB_DSP_SINGLE_PRECISION}): measured and printed, asserted only to stay
     * finite and bounded; it misses 1e-4 (float32 FFT on low-energy bins), which the default form meets.
     */
    @Test
    void singlePrecisionErrorIsMeasured(@TempDir Path dir) throws Exception {
        HostCompiler.requireAvailable("gcc");
        List<AudioInputs.Clip> clips = AudioInputs.clips();
        float[] stream = AudioInputs.concatenated(clips);
        for (String name : List.of("mfcc", "mfe", "spectrogram")) {
            DspBlock block = DspBlocks.create(name, SignalSpec.audio(AudioInputs.RATE), Map.of());
            List<String> compiler = new ArrayList<>(CDspProgram.STRICT);
            compiler.add("-DLB_DSP_SINGLE_PRECISION");
            CDspProgram program = CDspProgram.build(block, AudioInputs.WINDOW, dir.resolve(name), "dsp_f32", compiler);
            float[] c = program.batch(stream);
            float[] java = javaBatch(block, clips);
            FeatureError all = new FeatureError();
            all.add(c, java, name + " float32");
            StringBuilder perClip = new StringBuilder();
            int per = java.length / clips.size();
            for (int k = 0; k < clips.size(); k++) {
                FeatureError e = new FeatureError();
                e.add(Arrays.copyOfRange(c, k * per, (k + 1) * per), Arrays.copyOfRange(java, k * per, (k + 1) * per),
                        name);
                perClip.append(String.format(Locale.ROOT, " %s %.1e", clips.get(k).name(), e.maxError));
            }
            System.out.println("C DSP " + name + " float32 rows: " + all + ";" + perClip);
            assertTrue(all.maxError < 1.0, name + " float32 error " + all.maxError);
        }
    }

    @Test
    void unsupportedBlocksAndSizesAreRefusedClearly() {
        DspBlock mel = DspBlocks.create("librosa-mel", SignalSpec.audio(16000), Map.of());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> DspCGenerator.generate(mel, 16000, "test"));
        assertTrue(e.getMessage().contains("'librosa-mel'"), e.getMessage());
        DspBlock odd = DspBlocks.create("mfcc", SignalSpec.audio(16000), Map.of("fft_length", "300"));
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
                () -> DspCGenerator.generate(odd, 16000, "test"));
        assertTrue(f.getMessage().contains("fft_length 300"), f.getMessage());
    }

    @Test
    void streamingCacheKeepsTheFrameGridsOfTheSlice() {
        assertEquals(2, DspCGenerator.gridPhases(320, 4000), "MFCC 20 ms stride, 250 ms slices: two grids");
        assertEquals(1, DspCGenerator.gridPhases(160, 4000), "MFE 10 ms stride: one grid");
        assertEquals(1, DspCGenerator.gridPhases(320, 1234), "160 grids: not worth the RAM, one kept");
        assertEquals(1, DspCGenerator.gridPhases(320, 0), "slice unknown");
        DspBlock mfcc = DspBlocks.create("mfcc", SignalSpec.audio(16000), Map.of());
        String c = DspCGenerator.generate(mfcc, 16000, 4000, "test").get(DspCGenerator.SOURCE);
        assertTrue(c.contains("#define LB_CACHE_UNIT 160\n#define LB_CACHE_SLOTS 100\n"), "two grids of 50 frames");
    }

    @Test
    void generatedFilesNameTheirSettings() {
        DspBlock mfcc = DspBlocks.create("mfcc", SignalSpec.audio(16000), Map.of("num_cepstral", "10"));
        Map<String, String> files = DspCGenerator.generate(mfcc, 16000, "my-kws/impulse.yaml");
        for (String text : files.values()) {
            assertTrue(text.startsWith("/*\n * Generated by LittleBrain"), text.substring(0, 80));
            assertTrue(text.contains("my-kws/impulse.yaml") && text.contains("numCepstral=10"), "banner");
        }
        assertTrue(files.get(DspCGenerator.HEADER).contains("#define LB_DSP_FEATURES 500"));
        assertEquals(List.of(DspCGenerator.HEADER, DspCGenerator.SOURCE), List.copyOf(files.keySet()));
    }

    static float[] javaBatch(DspBlock block, List<AudioInputs.Clip> clips) {
        List<float[]> rows = new ArrayList<>();
        for (AudioInputs.Clip c : clips) {
            rows.add(block.process(c.samples()));
        }
        return concat(rows);
    }

    static float[] javaStream(DspBlock block, float[] stream, int slice) {
        StreamingFeatures features = StreamingFeatures.create(block, AudioInputs.WINDOW);
        List<float[]> out = new ArrayList<>();
        for (int off = 0; off < stream.length; off += slice) {
            Optional<float[]> f = features.push(Arrays.copyOfRange(stream, off, Math.min(stream.length, off + slice)));
            f.ifPresent(out::add);
        }
        return concat(out);
    }

    static float[] concat(List<float[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        float[] all = new float[n];
        int off = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, off, p.length);
            off += p.length;
        }
        return all;
    }
}
