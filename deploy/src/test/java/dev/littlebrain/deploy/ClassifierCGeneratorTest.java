package dev.littlebrain.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.deploy.dsp.AudioInputs;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.SignalSpec;
import dev.littlebrain.dsp.io.WavReader;
import dev.littlebrain.dsp.streaming.StreamingFeatures;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.runtime.stream.Detection;
import dev.littlebrain.runtime.stream.ScoredSlice;
import dev.littlebrain.runtime.stream.StreamingClassifier;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.SharedFolder;
import dev.littlebrain.tflite.TfliteReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exported impulse (model + DSP + classifier wrapper) compiled with the host gcc, with the all-double DSP
 * ({@code -DLB_DSP_DOUBLE_PRECISION}, bit-equal to the Java DSP), against the Java runtime: {@code run_classifier} gives the same score bits as DSP + {@code setReal} + invoke on every
 * clip, and {@code run_classifier_continuous} the same averaged scores after every slice and the same
 * detections (label, time, score bits) as {@code StreamingClassifier} over the three espeak-kws streams.
 */
@Execution(ExecutionMode.CONCURRENT)
class ClassifierCGeneratorTest {
    static final List<String> FOUR = List.of("yes", "no", "_unknown_", "_noise_");
    static final List<String> SIX = List.of("yes", "no", "up", "down", "_unknown_", "_noise_");
    static final Set<String> SILENT = Set.of("_noise_", "_unknown_", "_silence_");

    static final String MAIN = """
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include "lb_classifier.h"

            static void bits(float v)
            {
                unsigned int u;
                memcpy(&u, &v, sizeof u);
                printf(" %08x", u);
            }

            int main(int argc, char **argv)
            {
                FILE *f;
                long bytes;
                size_t n, off, chunk;
                float *samples;
                lb_result_t result;
                int c;
                if (argc < 4 || (f = fopen(argv[2], "rb")) == NULL) {
                    return 2;
                }
                fseek(f, 0, SEEK_END);
                bytes = ftell(f);
                fseek(f, 0, SEEK_SET);
                n = (size_t) bytes / sizeof(float);
                samples = (float *) malloc(n * sizeof(float) + 1);
                if (samples == NULL || fread(samples, sizeof(float), n, f) != n) {
                    return 2;
                }
                fclose(f);
                chunk = (size_t) atol(argv[3]);
                run_classifier_init();
                for (off = 0; off < n; off += chunk) {
                    size_t count = n - off < chunk ? n - off : chunk;
                    int r = argv[1][0] == 'w' ? run_classifier(samples + off, count, &result)
                                              : run_classifier_continuous(samples + off, count, &result);
                    if (r != LB_OK) {
                        return 3;
                    }
                    if (result.runs > 0) {
                        printf("S %lld", (long long) result.time_ms);
                        for (c = 0; c < LB_LABEL_COUNT; c++) {
                            bits(result.classification[c].value);
                        }
                        printf("\\n");
                    }
                    if (result.detected > 0) {
                        printf("D %s %lld", result.detection.label, (long long) result.detection.time_ms);
                        bits(result.detection.score);
                        printf("\\n");
                    }
                }
                free(samples);
                return 0;
            }
            """;

    /**
     * A conformance model with the DSP that makes its input. These models were trained briefly on synthetic
     * data, so their scores on speech stay low (averaged maxima about 0.35-0.45 for the 4-class models,
     * 0.17 for dscnn): the thresholds are set just below them so that there are detections to compare, and
     * the 4-class models' loudest label is a silent one that must never fire.
     */
    record Impulse(String model, String block, Map<String, String> parameters, List<String> labels, float threshold) {
        @Override
        public String toString() {
            return model;
        }
    }

    static Stream<Arguments> impulses() {
        Map<String, String> mfcc49x10 = Map.of("num_cepstral", "10", "frame_length", "0.04", "frame_stride", "0.02",
                "fft_length", "512");
        return Stream.of(
                Arguments.of(new Impulse("conv1d_kws_int8", "mfcc", Map.of(), FOUR, 0.3f)),
                Arguments.of(new Impulse("conv1d_kws_int8_float_io", "mfcc", Map.of(), FOUR, 0.3f)),
                Arguments.of(new Impulse("conv2d_kws_int8", "mfcc", Map.of(), FOUR, 0.3f)),
                Arguments.of(new Impulse("dscnn_small_int8", "mfcc", mfcc49x10, SIX, 0.165f)));
    }

    @Tag("toolchain")
    @ParameterizedTest(name = "{0}")
    @MethodSource("impulses")
    void continuousDetectionsEqualJavaStreamingClassifier(Impulse impulse, @TempDir Path dir) throws Exception {
        HostCompiler.requireAvailable("gcc");
        Path streams = SharedFolder.require("datasets/espeak-kws").resolve("_streams_");
        Model model = TfliteReader.read(SharedFolder.require("conformance").resolve(impulse.model())
                .resolve("model.tflite"));
        DspBlock block = DspBlocks.create(impulse.block(), SignalSpec.audio(AudioInputs.RATE), impulse.parameters());
        ContinuousConfig config = new ContinuousConfig(AudioInputs.RATE, AudioInputs.WINDOW / 4, 3, impulse.threshold(), 1000,
                impulse.labels(), SILENT);
        build(model, impulse, block, config, dir);

        int detections = 0;
        int runs = 0;
        for (String name : List.of("stream_01.wav", "stream_02.wav", "stream_03.wav")) {
            float[] audio = WavReader.read(streams.resolve(name)).signal().toMono().toInt16Values();
            List<String> java = javaContinuous(model, block, config, audio);
            for (String exe : List.of("impulse", "impulse_san")) {
                // One slice per call, and quarter slices that the wrapper must gather.
                for (int chunk : new int[] {config.sliceSamples(), config.sliceSamples() / 4}) {
                    List<String> c = run(dir, exe, "continuous", audio, chunk);
                    assertEquals(java, c, impulse + " " + name + " " + exe + " chunk " + chunk);
                }
            }
            long d = java.stream().filter(l -> l.startsWith("D ")).count();
            detections += (int) d;
            runs += java.size() - (int) d;
            System.out.println("C continuous = Java StreamingClassifier: " + impulse + " " + name + ": "
                    + (java.size() - d) + " runs, " + d + " detections " + java.stream()
                    .filter(l -> l.startsWith("D ")).map(l -> l.substring(2)).toList());
        }
        assertTrue(runs >= 3 * 77, "runs compared: " + runs);
        assertTrue(detections > 0, impulse + ": no detections at threshold " + impulse.threshold() + " to compare");
    }

    /**
     * A keyword with its own threshold (the others held to a bar none reaches): the C wrapper's detections are the
     * Java decider's, and they are all that keyword's.
     */
    @Tag("toolchain")
    @Test
    void aKeywordsOwnThresholdDecidesAsInJava(@TempDir Path dir) throws Exception {
        HostCompiler.requireAvailable("gcc");
        Impulse impulse = new Impulse("conv1d_kws_int8", "mfcc", Map.of(), FOUR, 0.99f);
        Model model = TfliteReader.read(SharedFolder.require("conformance").resolve(impulse.model())
                .resolve("model.tflite"));
        DspBlock block = DspBlocks.create(impulse.block(), SignalSpec.audio(AudioInputs.RATE), impulse.parameters());
        String keyword = FOUR.get(0);
        ContinuousConfig config = new ContinuousConfig(AudioInputs.RATE, AudioInputs.WINDOW / 4, 3, impulse.threshold(),
                1000, impulse.labels(), SILENT, Map.of(keyword, 0.3f));
        build(model, impulse, block, config, dir);
        float[] audio = WavReader.read(SharedFolder.require("datasets/espeak-kws").resolve("_streams_")
                .resolve("stream_01.wav")).signal().toMono().toInt16Values();
        List<String> java = javaContinuous(model, block, config, audio);
        assertEquals(java, run(dir, "impulse", "continuous", audio, config.sliceSamples()));
        List<String> detections = java.stream().filter(l -> l.startsWith("D ")).toList();
        assertTrue(!detections.isEmpty(), "no detection of '" + keyword + "' at 0.3 to compare");
        assertTrue(detections.stream().allMatch(l -> l.contains(keyword)), detections.toString());
    }

    @Tag("toolchain")
    @ParameterizedTest(name = "{0}")
    @MethodSource("impulses")
    void oneWindowScoresEqualRuntime(Impulse impulse, @TempDir Path dir) throws Exception {
        HostCompiler.requireAvailable("gcc");
        Model model = TfliteReader.read(SharedFolder.require("conformance").resolve(impulse.model())
                .resolve("model.tflite"));
        DspBlock block = DspBlocks.create(impulse.block(), SignalSpec.audio(AudioInputs.RATE), impulse.parameters());
        ContinuousConfig config = new ContinuousConfig(AudioInputs.RATE, AudioInputs.WINDOW / 4, 3, impulse.threshold(), 1000,
                impulse.labels(), SILENT);
        build(model, impulse, block, config, dir);
        List<AudioInputs.Clip> clips = AudioInputs.clips();
        float[] all = new float[clips.size() * AudioInputs.WINDOW];
        List<String> java = new ArrayList<>();
        Interpreter interpreter = new Interpreter(model);
        for (int k = 0; k < clips.size(); k++) {
            float[] samples = clips.get(k).samples();
            System.arraycopy(samples, 0, all, k * AudioInputs.WINDOW, samples.length);
            float[] features = block.process(samples);
            TensorView input = interpreter.input(0);
            for (int i = 0; i < features.length; i++) {
                input.setReal(i, features[i]);
            }
            interpreter.invoke();
            float[] scores = new float[impulse.labels().size()];
            for (int c = 0; c < scores.length; c++) {
                scores[c] = (float) interpreter.output(0).real(c);
            }
            java.add(line("S 0", scores));
        }
        for (String exe : List.of("impulse", "impulse_san")) {
            assertEquals(java, run(dir, exe, "window", all, AudioInputs.WINDOW), impulse + " " + exe);
        }
    }

    @Test
    void mismatchedModelAndFeaturesAreRefused() throws Exception {
        Model model = TfliteReader.read(SharedFolder.require("conformance").resolve("conv1d_kws_int8")
                .resolve("model.tflite"));
        DspBlock mfe = DspBlocks.create("mfe", SignalSpec.audio(16000), Map.of());
        ContinuousConfig config = ContinuousConfig.keywordSpotting(16000, 16000, FOUR);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImpulseCExport.generate(model, "m.tflite", mfe, 16000, config, "impulse.yaml"));
        assertTrue(e.getMessage().contains("3960 features") && e.getMessage().contains("takes 650"), e.getMessage());
        ContinuousConfig three = ContinuousConfig.keywordSpotting(16000, 16000, List.of("a", "b", "c"));
        DspBlock mfcc = DspBlocks.create("mfcc", SignalSpec.audio(16000), Map.of());
        e = assertThrows(IllegalArgumentException.class,
                () -> ImpulseCExport.generate(model, "m.tflite", mfcc, 16000, three, "impulse.yaml"));
        // The model header's label list refuses it first (lb_model.h carries the labels too).
        assertTrue(e.getMessage().contains("3 labels given, but the model's output holds 4 scores"), e.getMessage());
    }

    @Test
    void labelsBecomeSafeCStrings() {
        assertEquals("\"a\\\"b\\\\c\\077\\303\\251\"", ClassifierCGenerator.cString("a\"b\\c?é"));
    }

    private static void build(Model model, Impulse impulse, DspBlock block, ContinuousConfig config, Path dir)
            throws Exception {
        ImpulseCExport.write(model, impulse.model() + "/model.tflite", block, AudioInputs.WINDOW, config,
                "ClassifierCGeneratorTest", dir);
        Files.writeString(dir.resolve("main.c"), MAIN);
        // The all-double DSP, bit-equal to Java's, so that scores and detections can be compared bit for bit;
        // the default float DSP is within 1e-4 (DspCGeneratorTest) and measured end to end in CortexM4ClassifierTest.
        List<String> sources = List.of("-DLB_DSP_DOUBLE_PRECISION", "main.c", "lb_classifier.c", "lb_dsp.c", "lb_model.c",
                "lb_kernels.c", "-lm");
        List<String> plain = new ArrayList<>(List.of("gcc", "-std=c99", "-O2", "-Wall", "-Wextra", "-Werror",
                "-o", "impulse"));
        plain.addAll(sources);
        HostCompiler.compile(dir, plain);
        List<String> sanitized = new ArrayList<>(List.of("gcc", "-std=c99", "-O1", "-g", "-Wall", "-Wextra",
                "-Werror", "-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-o", "impulse_san"));
        sanitized.addAll(sources);
        HostCompiler.compile(dir, sanitized);
    }

    /** The Java reference: one "S time scores" line per model run, a "D label time score" line per detection. */
    static List<String> javaContinuous(Model model, DspBlock block, ContinuousConfig config, float[] audio) {
        List<String> lines = new ArrayList<>();
        StreamingFeatures features = StreamingFeatures.create(block, AudioInputs.WINDOW);
        StreamingClassifier classifier = new StreamingClassifier(new Interpreter(model), features::push, config);
        classifier.onScores((ScoredSlice s) -> lines.add(line("S " + s.timeMs(), s.averaged())));
        // Slice by slice, so each detection line follows the run that made it, as the C harness prints them.
        for (int off = 0; off < audio.length; off += config.sliceSamples()) {
            float[] slice = java.util.Arrays.copyOfRange(audio, off, Math.min(audio.length, off + config.sliceSamples()));
            for (Detection d : classifier.accept(slice)) {
                lines.add("D " + d.label() + " " + d.timeMs() + String.format(Locale.ROOT, " %08x",
                        Float.floatToRawIntBits(d.score())));
            }
        }
        return lines;
    }

    static String line(String head, float[] values) {
        StringBuilder b = new StringBuilder(head);
        for (float v : values) {
            b.append(String.format(Locale.ROOT, " %08x", Float.floatToRawIntBits(v)));
        }
        return b.toString();
    }

    static List<String> run(Path dir, String exe, String mode, float[] samples, int chunk) throws Exception {
        Path in = dir.resolve("audio.f32");
        ByteBuffer b = ByteBuffer.allocate(samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : samples) {
            b.putFloat(v);
        }
        Files.write(in, b.array());
        HostCompiler.Result r = HostCompiler.run(List.of(dir.resolve(exe).toString(), mode, in.toString(),
                Integer.toString(chunk)), dir);
        assertEquals(0, r.exitCode(), exe + ": " + r.stderr());
        String out = new String(r.stdout(), StandardCharsets.US_ASCII);
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }
}
