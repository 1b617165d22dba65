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
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exported C DSP (gcc -O2 -Werror, and again under ASan/UBSan) against the Java blocks, batch and
 * streaming, on the dsp-reference inputs and espeak-kws clips, for several parameter sets per block: the
 * default (integer FFT, float elsewhere) within the 1e-4 contract, the all-double form
 * ({@code -DLB_DSP_DOUBLE_PRECISION}) bit for bit. Streaming pushes of 4000 (the hop), 1234 and 333 samples must
 * all give Java's windows at multiples of 4000 samples.
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

    @Tag("toolchain")
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
            // The hop (250 ms) and odd sizes whose pushes end anywhere: the windows at multiples of the hop.
            for (int slice : new int[] {4000, 1234, 333}) {
                streaming.add(program.stream(stream, slice), javaStream(block, stream, CDspProgram.STREAM_SLICE),
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
            bits.add(exact.stream(stream, slice), javaStream(block, stream, CDspProgram.STREAM_SLICE),
                    what + " stream " + slice + " (double)");
        }
        System.out.println("C DSP " + what + " [double]: " + bits);
        assertEquals(0, bits.unequal, what + " with -DLB_DSP_DOUBLE_PRECISION: " + bits);
    }

    @Test
    void defaultFftIsIntegerAndDoubleStaysAvailable() {
        for (String name : List.of("mfcc", "mfe", "spectrogram")) {
            String c = source(name);
            assertTrue(c.contains("static int lb_rfft_q(") && c.contains("typedef float lb_real;"), name);
            assertTrue(c.contains("#ifdef LB_DSP_DOUBLE_PRECISION") && c.contains("static void lb_rfft(const double"),
                    name + ": double stays available");
            String code = c.replaceAll("(?s)/\\*.*?\\*/", "");
            assertTrue(!code.matches("(?s).*\\b(sin|cos|sinf|cosf)\\(.*"), name + ": no trigonometry on the device");
        }
    }

    private static String source(String block) {
        return DspCGenerator.generate(DspBlocks.create(block, SignalSpec.audio(16000), Map.of()), 16000, 4000, "test")
                .get(DspCGenerator.SOURCE);
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
    void streamingStateKeepsOnlyWhatTheComingWindowsNeed() {
        DspBlock mfcc = DspBlocks.create("mfcc", SignalSpec.audio(16000), Map.of());
        String c = DspCGenerator.generate(mfcc, 16000, 4000, "test").get(DspCGenerator.SOURCE);
        // 20 ms stride, 250 ms hop: frames on a 10 ms grid, (16000 - 256) / 160 + 1 rows; the first 256 samples of
        // the 4 windows to come (circular pre-emphasis); a 512-sample history, no window of samples.
        assertTrue(c.contains("#define LB_GRID 160\n#define LB_ROW_SLOTS 99\n"), "rows");
        assertTrue(c.contains("#define LB_PREFIX_FRAMES 1\n#define LB_PREFIX_SPAN 256\n#define LB_PENDING 4\n"), "prefix");
        assertTrue(c.contains("#define LB_HISTORY 512\n"), "history");
        String s = DspCGenerator.generate(DspBlocks.create("spectrogram", SignalSpec.audio(16000), Map.of()), 16000,
                4000, "test").get(DspCGenerator.SOURCE);
        assertTrue(s.contains("#define LB_PREFIX_FRAMES 0\n") && !s.contains("lb_pending"), "no circular frames");
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
