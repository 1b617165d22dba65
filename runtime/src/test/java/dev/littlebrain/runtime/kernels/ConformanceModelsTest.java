package dev.littlebrain.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.runtime.ConformanceCase;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.InterpreterOptions;
import dev.littlebrain.tflite.ConformanceCases;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The conformance models whose compute ops are all this branch's kernels, run end to end with
 * {@link StandInOps} for the plumbing. Float models must stay within the case tolerance; int8 models
 * must match TFLite Micro's goldens within {@code maxLsb}, which is 0 everywhere today: even through the
 * stand-in float SOFTMAX the int8 outputs come out byte-identical. The real end-to-end check, with the
 * real SOFTMAX, is {@code ConformanceTest}.
 */
class ConformanceModelsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "pad_avgpool_int8, 0",
        "tflm_hello_world_int8, 0",
        "tflm_hello_world_float, 0",
        "dense_gesture_float, 0",
        "conv1d_kws_float, 0",
        "dense_gesture_int8, 0",
        "conv1d_kws_int8, 0",
        "conv2d_kws_int8, 0",
        "dscnn_small_int8, 0",
        "tflm_micro_speech, 0",
    })
    void matchesGoldens(String name, int maxLsb) {
        Path dir = ConformanceCases.stream().filter(p -> p.getFileName().toString().equals(name)).findFirst()
                .orElseThrow();
        ConformanceCase c = ConformanceCase.load(dir);
        Interpreter interpreter = new Interpreter(c.model(),
                InterpreterOptions.defaults().withResolver(StandInOps.resolverWithBuiltins()));
        for (int k = 0; k < c.examples(); k++) {
            ConformanceCase.feed(interpreter, c.input(k));
            interpreter.invoke();
            byte[] actual = ConformanceCase.collect(interpreter);
            byte[] expected = c.output(k);
            assertEquals(expected.length, actual.length);
            if (c.isExact()) {
                int worst = 0;
                for (int i = 0; i < expected.length; i++) {
                    worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
                }
                assertTrue(worst <= maxLsb, name + " example " + k + ": off by " + worst + " LSB");
            } else {
                double diff = ConformanceCase.maxFloatDiff(expected, actual);
                assertTrue(diff <= c.tolerance(), name + " example " + k + ": max abs diff " + diff);
            }
        }
    }
}
