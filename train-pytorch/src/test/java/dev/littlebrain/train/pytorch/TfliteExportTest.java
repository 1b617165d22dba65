package dev.littlebrain.train.pytorch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Padding;
import dev.littlebrain.tflite.TfliteReader;
import dev.littlebrain.tflite.TfliteWriter;
import dev.littlebrain.train.Activation;
import dev.littlebrain.train.LayerSpec;
import dev.littlebrain.train.ModelSpec;
import dev.littlebrain.train.Preset;
import dev.littlebrain.train.TfliteExport;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The exported float graph, run in our runtime, computes what the DJL network computes. */
class TfliteExportTest {

    static Stream<Arguments> specs() {
        return Stream.of(
                Arguments.of("conv1d-kws", Preset.named("conv1d-kws", new int[] {50, 13}, 3).spec()),
                Arguments.of("conv1d-kws-m", Preset.named("conv1d-kws-m", new int[] {50, 13}, 4).spec()),
                Arguments.of("dense-motion", Preset.named("dense-motion", new int[] {3, 11}, 4).spec()),
                Arguments.of("conv2d-kws", Preset.named("conv2d-kws", new int[] {20, 10}, 3).spec()),
                Arguments.of("dscnn-s", Preset.named("dscnn-s", new int[] {21, 10}, 5).spec()),
                Arguments.of("dscnn-m", Preset.named("dscnn-m", new int[] {49, 10}, 4).spec()),
                Arguments.of("tcn-kws", Preset.named("tcn-kws", new int[] {50, 13}, 4).spec()),
                Arguments.of("odd", ModelSpec.of(
                        new LayerSpec.Input(new int[] {17, 5}),
                        new LayerSpec.Conv1D(6, 4, 2, Padding.SAME, Activation.TANH),
                        new LayerSpec.Pool1D(false, 3, 2, Padding.SAME),
                        new LayerSpec.Conv1D(4, 2, 1, Padding.VALID, Activation.RELU6),
                        new LayerSpec.BatchNorm(),
                        new LayerSpec.Reshape(new int[] {4, 4, 1}),
                        new LayerSpec.Pool2D(false, 3, 2, 2, 1, Padding.SAME),
                        new LayerSpec.Pool2D(true, 2, 2, 2, 2, Padding.SAME),
                        new LayerSpec.Flatten(),
                        new LayerSpec.Dense(7, Activation.SIGMOID),
                        new LayerSpec.Dense(3, Activation.SOFTMAX))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void exportMatchesDjlForward(String name, ModelSpec spec) {
        Random rng = new Random(7);
        float[][] x = new float[8][spec.inputSize()];
        for (float[] row : x) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) rng.nextGaussian();
            }
        }
        float[][] expected;
        Model model;
        try (Network net = Network.initialize(spec, 42)) {
            expected = net.predict(x);
            model = TfliteExport.of(spec, net.parameters());
        }
        model = TfliteReader.read(TfliteWriter.write(model));
        Interpreter interpreter = new Interpreter(model);
        double maxDiff = 0;
        for (int s = 0; s < x.length; s++) {
            TensorView in = interpreter.input(0);
            for (int i = 0; i < x[s].length; i++) {
                in.setFloat32(i, x[s][i]);
            }
            interpreter.invoke();
            TensorView out = interpreter.output(0);
            for (int k = 0; k < expected[s].length; k++) {
                maxDiff = Math.max(maxDiff, Math.abs(out.float32(k) - expected[s][k]));
            }
        }
        System.out.printf("%s: export vs DJL max |diff| = %.3g%n", name, maxDiff);
        assertTrue(maxDiff < 1e-4, name + " max diff " + maxDiff);
    }
}
