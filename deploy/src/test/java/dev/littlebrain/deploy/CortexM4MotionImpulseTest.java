package dev.littlebrain.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.SignalSpec;
import dev.littlebrain.dsp.io.EdgeImpulseJson;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.runtime.stream.WindowScores;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TfliteReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

/**
 * The motion template's impulse (spectral-analysis DSP, classifier wrapper and int8 model, c-standalone)
 * cross-compiled for a Cortex-M4F and run under QEMU with the {@link CortexM4Test} harness: on each test-split
 * window {@code run_classifier} gives the Java pipeline's scores (DSP block, then the runtime) and features within
 * the DSP contract (1e-4). The model and windows in {@code resources/.../motion} come from the motion template:
 * {@code init motion}, {@code data generate motion --samples-per-class 60 --seed 3}, {@code data import},
 * {@code features}, {@code train} (30 epochs); the first two test-split samples of each class.
 */
@Tag("toolchain")
class CortexM4MotionImpulseTest {
    static final List<String> LABELS = List.of("circle", "idle", "updown", "wave");
    static final int WINDOW_FRAMES = 125; // 2000 ms at 62.5 Hz
    static final List<String> AXES = List.of("accX", "accY", "accZ");

    /** The harness's view: one window of interleaved axes in, its features and scores out. */
    static final String HARNESS_HEADER = """
            #include "lb_classifier.h"
            #define LB_INPUT_BYTES (LB_DSP_WINDOW_SAMPLES * 4)
            #define LB_OUTPUT_BYTES ((LB_DSP_FEATURES + LB_LABEL_COUNT) * 4)
            int lb_invoke(const void *input, void *output);
            """;

    static final String SHIM = """
            #include <string.h>
            #include "lb_model.h"
            #include "lb_dsp.h"

            static float window[LB_DSP_WINDOW_SAMPLES];
            static float features[LB_DSP_FEATURES];

            int lb_invoke(const void *input, void *output)
            {
                lb_result_t result;
                unsigned char *out = (unsigned char *) output;
                int c;
                memcpy(window, input, sizeof window);
                if (lb_dsp_process(window, features) != 0
                        || run_classifier(window, LB_DSP_WINDOW_SAMPLES, &result) != LB_OK) {
                    return 1;
                }
                memcpy(out, features, sizeof features);
                for (c = 0; c < LB_LABEL_COUNT; c++) {
                    memcpy(out + sizeof features + 4 * c, &result.classification[c].value, 4);
                }
                return 0;
            }
            """;

    @Test
    void runClassifierOnCortexM4GivesJavasScores(@TempDir Path dir) throws Exception {
        HostCompiler.requireAvailable("arm-none-eabi-gcc");
        HostCompiler.requireAvailable("qemu-system-arm");
        Path fixture = Path.of(getClass().getResource("motion/model_int8.tflite").toURI()).getParent();
        Model model = TfliteReader.read(fixture.resolve("model_int8.tflite"));
        DspBlock block = DspBlocks.create("spectral-analysis", new SignalSpec(62.5, AXES), Map.of());
        // run_classifier does not read the continuous settings; the motion template's 5 slices per window.
        ContinuousConfig config = new ContinuousConfig(63, WINDOW_FRAMES / 5, 1, 0.6f, 1000, LABELS, Set.of());
        List<float[]> windows = new ArrayList<>();
        try (Stream<Path> files = Files.list(fixture)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                float[] values = EdgeImpulseJson.read(f).interleaved();
                assertEquals(WINDOW_FRAMES * AXES.size(), values.length, f.toString());
                windows.add(values);
            }
        }
        assertEquals(8, windows.size());

        Map<String, String> files = ImpulseCExport.generate(model, "motion/model_int8.tflite", block, WINDOW_FRAMES,
                config, "CortexM4MotionImpulseTest");
        for (Map.Entry<String, String> f : files.entrySet()) {
            // The model's own header and entry point are renamed: the harness calls the shim's lb_invoke.
            String name = f.getKey().equals("lb_model.h") ? "lb_net.h" : f.getKey();
            String text = f.getValue().replace("\"lb_model.h\"", "\"lb_net.h\"").replace("lb_invoke(", "lb_net_invoke(");
            Files.writeString(dir.resolve(name), text);
        }
        Files.writeString(dir.resolve("lb_model.h"), HARNESS_HEADER);
        Files.writeString(dir.resolve("lb_shim.c"), SHIM);
        CortexM4Test.copyHarness(dir);
        ByteBuffer in = ByteBuffer.allocate(windows.size() * WINDOW_FRAMES * AXES.size() * 4)
                .order(ByteOrder.LITTLE_ENDIAN);
        windows.forEach(w -> {
            for (float v : w) {
                in.putFloat(v);
            }
        });
        Files.write(dir.resolve("inputs.bin"), in.array());
        Map<String, Long> stats = CortexM4Test.buildAndRun(dir, List.of("lb_shim.c", "lb_classifier.c", "lb_dsp.c",
                "lb_model.c", "lb_kernels.c", "-lm"));

        int features = block.outputShape(WINDOW_FRAMES).size();
        ByteBuffer out = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("outputs.bin"))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(windows.size() * (features + LABELS.size()) * 4, out.remaining(), "one record per window");
        Interpreter interpreter = new Interpreter(model);
        double worstFeature = 0;
        int correct = 0;
        for (int w = 0; w < windows.size(); w++) {
            float[] javaFeatures = block.process(windows.get(w));
            for (int k = 0; k < features; k++) {
                float c = out.getFloat();
                worstFeature = Math.max(worstFeature, Math.abs(c - javaFeatures[k]) / Math.max(1, Math.abs(javaFeatures[k])));
            }
            float[] java = WindowScores.of(interpreter, javaFeatures);
            float[] c = new float[LABELS.size()];
            for (int k = 0; k < c.length; k++) {
                c[k] = out.getFloat();
            }
            assertEquals(toText(java), toText(c), "window " + w + " scores on Cortex-M4");
            correct += argmax(c) == w / 2 ? 1 : 0; // two windows per label, in label order
        }
        System.out.printf(Locale.ROOT, "m4 motion impulse (spectral-analysis + dense-motion int8): %d windows equal"
                + " Java, worst feature difference %.2e, %d of %d labelled right, %d instructions per window%n",
                windows.size(), worstFeature, correct, windows.size(), stats.get("instructions_last"));
        assertTrue(worstFeature <= 1e-4, "features within the DSP contract: " + worstFeature);
    }

    private static String toText(float[] scores) {
        StringBuilder b = new StringBuilder();
        for (float s : scores) {
            b.append(String.format(Locale.ROOT, "%08x ", Float.floatToRawIntBits(s)));
        }
        return b.toString();
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            best = v[i] > v[best] ? i : best;
        }
        return best;
    }
}
