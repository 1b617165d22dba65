package dev.littlebrain.runtime.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.tflite.Activation;
import dev.littlebrain.tflite.Buffer;
import dev.littlebrain.tflite.BuiltinOperator;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Operator;
import dev.littlebrain.tflite.OperatorCode;
import dev.littlebrain.tflite.OperatorOptions;
import dev.littlebrain.tflite.Quantization;
import dev.littlebrain.tflite.Subgraph;
import dev.littlebrain.tflite.Tensor;
import dev.littlebrain.tflite.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamingClassifierTest {
    private static final List<String> LABELS = List.of("_noise_", "yes");
    private static final int RATE = 1000;
    private static final int WINDOW = 1000; // 1 s
    private static final int SLICE = 250;

    /** logits = 10 * features: FULLY_CONNECTED with an identity-times-ten weight, then SOFTMAX. */
    private static Model twoClassModel() {
        ByteBuffer w = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        w.putFloat(10f).putFloat(0f).putFloat(0f).putFloat(10f);
        List<Tensor> tensors = List.of(
                new Tensor("features", new int[] {1, 2}, TensorType.FLOAT32, 0, Quantization.NONE),
                new Tensor("weights", new int[] {2, 2}, TensorType.FLOAT32, 1, Quantization.NONE),
                new Tensor("logits", new int[] {1, 2}, TensorType.FLOAT32, 0, Quantization.NONE),
                new Tensor("scores", new int[] {1, 2}, TensorType.FLOAT32, 0, Quantization.NONE));
        List<Operator> ops = List.of(
                new Operator(0, new int[] {0, 1, -1}, new int[] {2},
                        new OperatorOptions.FullyConnected(Activation.NONE, 0, false, false)),
                new Operator(1, new int[] {2}, new int[] {3}, new OperatorOptions.Softmax(1f)));
        return new Model(Model.SCHEMA_VERSION,
                List.of(OperatorCode.builtin(BuiltinOperator.FULLY_CONNECTED), OperatorCode.builtin(BuiltinOperator.SOFTMAX)),
                List.of(new Subgraph("main", tensors, List.of(0), List.of(3), ops)), "test",
                List.of(Buffer.EMPTY, Buffer.of(w.array())), List.of(), List.of());
    }

    /** Window features: [fraction of silent samples, fraction of loud samples] over the last second. */
    private static SliceFeatures loudnessFeatures() {
        Deque<float[]> slices = new ArrayDeque<>();
        return slice -> {
            slices.addLast(slice);
            if (slices.size() > WINDOW / SLICE) {
                slices.removeFirst();
            }
            if (slices.size() < WINDOW / SLICE) {
                return Optional.empty();
            }
            int loud = 0;
            for (float[] s : slices) {
                for (float v : s) {
                    loud += Math.abs(v) > 0.5f ? 1 : 0;
                }
            }
            float f = loud / (float) WINDOW;
            return Optional.of(new float[] {1 - f, f});
        };
    }

    private static float[] audio(int seconds, int... loudSecondsStart) {
        float[] a = new float[seconds * RATE];
        for (int start : loudSecondsStart) {
            for (int i = start * RATE; i < start * RATE + 600; i++) {
                a[i] = 0.9f;
            }
        }
        return a;
    }

    @Test
    void oneDetectionPerUtteranceWithItsTime() {
        ContinuousConfig config = ContinuousConfig.keywordSpotting(RATE, WINDOW, LABELS).withThreshold(0.7f);
        StreamingClassifier classifier = new StreamingClassifier(new Interpreter(twoClassModel()), loudnessFeatures(),
                config);
        List<Detection> detections = classifier.accept(audio(10, 2, 6));
        assertEquals(2, detections.size(), detections.toString());
        assertEquals("yes", detections.get(0).label());
        assertTrue(detections.get(0).timeMs() >= 2000 && detections.get(0).timeMs() <= 3500, detections.toString());
        assertTrue(detections.get(1).timeMs() >= 6000 && detections.get(1).timeMs() <= 7500, detections.toString());
        assertTrue(detections.get(0).score() >= 0.7f);
    }

    @Test
    void chunkSizeDoesNotChangeTheResult() {
        ContinuousConfig config = ContinuousConfig.keywordSpotting(RATE, WINDOW, LABELS).withThreshold(0.7f);
        float[] stream = audio(10, 1, 4, 8);
        List<Detection> whole = new StreamingClassifier(new Interpreter(twoClassModel()), loudnessFeatures(), config)
                .accept(stream);
        for (int chunk : new int[] {1, 7, 100, 333, 1024}) {
            StreamingClassifier c = new StreamingClassifier(new Interpreter(twoClassModel()), loudnessFeatures(), config);
            List<Detection> pieces = new ArrayList<>();
            for (int i = 0; i < stream.length; i += chunk) {
                pieces.addAll(c.accept(java.util.Arrays.copyOfRange(stream, i, Math.min(stream.length, i + chunk))));
            }
            assertEquals(whole, pieces, "chunk " + chunk);
        }
        assertEquals(3, whole.size());
    }

    @Test
    void offlineReplayOfRecordedScoresGivesTheSameDetections() {
        ContinuousConfig base = ContinuousConfig.keywordSpotting(RATE, WINDOW, LABELS);
        float[] stream = audio(12, 1, 2, 4, 7, 8, 10);
        List<ScoredSlice> recorded = new ArrayList<>();
        new StreamingClassifier(new Interpreter(twoClassModel()), loudnessFeatures(), base.withThreshold(0.99f))
                .onScores(recorded::add).accept(stream);
        assertTrue(recorded.size() > 30, "one record per slice after the first window");
        int nonEmpty = 0;
        for (float t = 0.3f; t <= 0.99f; t += 0.05f) {
            ContinuousConfig config = base.withThreshold(t);
            List<Detection> live = new StreamingClassifier(new Interpreter(twoClassModel()), loudnessFeatures(), config)
                    .accept(stream);
            assertEquals(live, DetectionDecider.replay(config, recorded), "threshold " + t);
            nonEmpty += live.isEmpty() ? 0 : 1;
        }
        assertTrue(nonEmpty > 0);
    }

    @Test
    void aStreamsFirstRunsAreAveragedWithZerosNotAlone() {
        ContinuousConfig config = ContinuousConfig.keywordSpotting(RATE, WINDOW, LABELS).withThreshold(0.5f);
        StreamingClassifier classifier = new StreamingClassifier(new Interpreter(twoClassModel()), loudnessFeatures(),
                config);
        // The stream opens with a word: the first window alone scores "yes" at 0.88.
        float alone = yesScore(600);
        assertTrue(alone > 0.8f, "score " + alone);
        assertTrue(classifier.accept(audio(1, 0)).isEmpty(), "one run of three must not fire at 0.5");
        assertEquals(alone / 3, classifier.averagedScores()[1], 0f, "two empty slots count as zeros");
        // One slice later the window holds 350 loud samples: two runs of three.
        assertTrue(classifier.accept(new float[SLICE]).isEmpty());
        assertEquals((alone + yesScore(350)) / 3, classifier.averagedScores()[1], 0f);
    }

    /** The model's "yes" score for one window with {@code loudSamples} loud samples, as loudnessFeatures gives it. */
    private static float yesScore(int loudSamples) {
        Interpreter single = new Interpreter(twoClassModel());
        float loud = loudSamples / (float) WINDOW;
        single.input(0).setReal(0, 1 - loud);
        single.input(0).setReal(1, loud);
        single.invoke();
        return (float) single.output(0).real(1);
    }

    @Test
    void silentLabelsNeverFire() {
        ContinuousConfig config = ContinuousConfig.keywordSpotting(RATE, WINDOW, LABELS).withThreshold(0.5f);
        StreamingClassifier classifier = new StreamingClassifier(new Interpreter(twoClassModel()), loudnessFeatures(),
                config);
        assertTrue(classifier.accept(audio(5)).isEmpty(), "silence scores _noise_ high, which must not fire");
        assertTrue(classifier.averagedScores()[0] > 0.9f);
    }

    @Test
    void labelCountMustMatchTheModel() {
        ContinuousConfig config = ContinuousConfig.keywordSpotting(RATE, WINDOW, List.of("a", "b", "c"));
        assertThrows(IllegalArgumentException.class,
                () -> new StreamingClassifier(new Interpreter(twoClassModel()), loudnessFeatures(), config));
    }
}
