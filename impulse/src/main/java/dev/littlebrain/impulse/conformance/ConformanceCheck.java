package dev.littlebrain.impulse.conformance;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TensorType;
import dev.littlebrain.tflite.TfliteReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The runtime against TensorFlow Lite Micro: each case folder holds {@code model.tflite} and pairs
 * {@code input_K.bin} / {@code output_K.bin} recorded from TFLM's reference kernels (all inputs, then all outputs,
 * concatenated); the runtime must reproduce every output byte for byte.
 */
public final class ConformanceCheck {
    /** How long one case's timing warms up before it measures. */
    private static final long WARM_UP_NANOS = 200_000_000L;

    private ConformanceCheck() {
    }

    /** The case folders under {@code root} (those holding a model.tflite), in name order. */
    public static List<Path> cases(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("model.tflite"))).sorted().toList();
        }
    }

    /** Runs one case folder's examples and times an inference. */
    public static ConformanceCase run(Path dir) throws IOException {
        Model model = TfliteReader.read(dir.resolve("model.tflite"));
        Interpreter interpreter = new Interpreter(model);
        boolean floatModel = interpreter.output(0).type() == TensorType.FLOAT32;
        int examples = 0;
        int exact = 0;
        double worstFloatDiff = 0;
        byte[] firstInput = null;
        for (int k = 0; Files.exists(dir.resolve("input_" + k + ".bin")); k++) {
            byte[] input = Files.readAllBytes(dir.resolve("input_" + k + ".bin"));
            firstInput = firstInput == null ? input : firstInput;
            byte[] expected = Files.readAllBytes(dir.resolve("output_" + k + ".bin"));
            RawTensors.feed(interpreter, input);
            interpreter.invoke();
            byte[] actual = RawTensors.outputs(interpreter);
            examples++;
            if (Arrays.equals(expected, actual)) {
                exact++;
            } else if (floatModel) {
                worstFloatDiff = Math.max(worstFloatDiff, maxFloatDiff(expected, actual));
            }
        }
        double micros = firstInput == null ? 0 : timeInvoke(interpreter, firstInput);
        return new ConformanceCase(dir.getFileName().toString(), model.mainSubgraph().operators().size(),
                interpreter.arenaBytes(), interpreter.greedyArenaBytes(), interpreter.macs(), micros, examples, exact,
                floatModel, worstFloatDiff);
    }

    private static double maxFloatDiff(byte[] a, byte[] b) {
        ByteBuffer x = ByteBuffer.wrap(a).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer y = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        double max = 0;
        for (int i = 0; i + 4 <= Math.min(a.length, b.length); i += 4) {
            max = Math.max(max, Math.abs(x.getFloat(i) - y.getFloat(i)));
        }
        return max;
    }

    /** Microseconds per inference after a short warm-up, over at least ten runs. */
    private static double timeInvoke(Interpreter interpreter, byte[] input) {
        RawTensors.feed(interpreter, input);
        long deadline = System.nanoTime() + WARM_UP_NANOS;
        int warm = 0;
        while (System.nanoTime() < deadline) {
            interpreter.invoke();
            warm++;
        }
        int runs = Math.max(10, warm);
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            interpreter.invoke();
        }
        return (System.nanoTime() - start) / 1000.0 / runs;
    }
}
