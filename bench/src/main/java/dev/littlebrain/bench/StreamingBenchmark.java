package dev.littlebrain.bench;

import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.SignalSpec;
import dev.littlebrain.dsp.streaming.StreamingFeatures;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.runtime.stream.StreamingClassifier;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.ModelEnsemble;
import dev.littlebrain.tflite.TfliteReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Continuous keyword spotting on one core: the cost of one 250 ms slice through {@link StreamingClassifier}
 * (streaming MFCC update, int8 quantization of the window, conv1d_kws_int8 in the bit-exact runtime — once, or
 * {@code members} times joined as an ensemble — score averaging and the decision). The real-time factor is 250 ms divided by the time per slice.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -jar bench/target/benchmarks.jar StreamingBenchmark -f 1 -wi 5 -i 10 -w 1 -r 1 -t 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StreamingBenchmark {
    private static final int RATE = 16000;
    private static final int SLICE = RATE / 4;

    /** Models per slice: 1, or 2 as the kws template's two members (the model joined with itself: the same cost). */
    @Param({"1", "2"})
    public int members;

    private float[][] slices;
    private int next;
    private StreamingClassifier classifier;

    @Setup
    public void setUp() throws IOException {
        // Ten seconds of a gliding tone in noise at int16 scale: every slice does the full work.
        Random random = new Random(7);
        float[] audio = new float[RATE * 10];
        for (int i = 0; i < audio.length; i++) {
            double t = i / (double) RATE;
            audio[i] = (float) Math.rint(5000 * Math.sin(2 * Math.PI * (300 + 900 * (t % 2)) * t)
                    + random.nextGaussian() * 600);
        }
        slices = new float[audio.length / SLICE][];
        for (int i = 0; i < slices.length; i++) {
            slices[i] = Arrays.copyOfRange(audio, i * SLICE, (i + 1) * SLICE);
        }
        Model model = TfliteReader.read(BenchModels.caseDir("conv1d_kws_int8").resolve("model.tflite"));
        Interpreter interpreter = new Interpreter(members == 1 ? model
                : ModelEnsemble.averaging(java.util.Collections.nCopies(members, model), "benchmark ensemble"));
        StreamingFeatures features = StreamingFeatures.create(
                DspBlocks.create("mfcc", SignalSpec.audio(RATE), Map.of()), RATE);
        classifier = new StreamingClassifier(interpreter, features::push,
                ContinuousConfig.keywordSpotting(RATE, RATE, List.of("yes", "no", "_unknown_", "_noise_")));
        for (int i = 0; i < 4; i++) {
            classifier.accept(slices[i]); // fill the first window so every measured slice runs the model
        }
    }

    @Benchmark
    public int oneSlice() {
        float[] slice = slices[next];
        next = (next + 1) % slices.length;
        return classifier.accept(slice).size();
    }
}
