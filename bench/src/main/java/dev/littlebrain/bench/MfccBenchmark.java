package dev.littlebrain.bench;

import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.SignalSpec;
import dev.littlebrain.dsp.streaming.StreamingFeatures;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Feature extraction cost for one 1 s, 16 kHz clip (int16-valued samples), Edge Impulse default
 * parameters, and the cost of a 250 ms streaming update of a 1 s window.
 *
 * <pre>
 * mvn -B -q -pl dsp,bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar MfccBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MfccBenchmark {
    private static final SignalSpec AUDIO = SignalSpec.audio(16000);
    private static final int SLICE = 4000;

    private float[] clip;
    private float[][] slices;
    private int nextSlice;
    private DspBlock mfcc;
    private DspBlock mfe;
    private DspBlock spectrogram;
    private StreamingFeatures mfccStream;
    private StreamingFeatures mfeStream;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        float[] signal = new float[16000 * 4];
        for (int i = 0; i < signal.length; i++) {
            double t = i / 16000.0;
            signal[i] = (float) Math.rint(6000 * Math.sin(2 * Math.PI * (200 + 1500 * (t % 1)) * t)
                    + random.nextGaussian() * 800);
        }
        clip = Arrays.copyOf(signal, 16000);
        slices = new float[signal.length / SLICE][];
        for (int i = 0; i < slices.length; i++) {
            slices[i] = Arrays.copyOfRange(signal, i * SLICE, (i + 1) * SLICE);
        }
        mfcc = DspBlocks.create("mfcc", AUDIO, Map.of());
        mfe = DspBlocks.create("mfe", AUDIO, Map.of());
        spectrogram = DspBlocks.create("spectrogram", AUDIO, Map.of());
        mfccStream = StreamingFeatures.create(mfcc, 16000);
        mfeStream = StreamingFeatures.create(mfe, 16000);
        // Fill the windows so every measured push emits features.
        for (int i = 0; i < 4; i++) {
            mfccStream.push(slices[i]);
            mfeStream.push(slices[i]);
        }
    }

    @Benchmark
    public float[] mfccClip() {
        return mfcc.process(clip);
    }

    @Benchmark
    public float[] mfeClip() {
        return mfe.process(clip);
    }

    @Benchmark
    public float[] spectrogramClip() {
        return spectrogram.process(clip);
    }

    /**
     * MFCC, 250 ms slice into a 1 s window. 4000 samples is 12.5 strides of 320, so successive
     * windows alternate between two frame grids: 25 new frames per push + frame 0 + CMVN.
     */
    @Benchmark
    public float[] mfccStreaming250ms() {
        float[] slice = slices[nextSlice];
        nextSlice = (nextSlice + 1) % slices.length;
        return mfccStream.push(slice).orElseThrow();
    }

    /** MFE, 250 ms slice into a 1 s window: 25 new frames + frame 0. */
    @Benchmark
    public float[] mfeStreaming250ms() {
        float[] slice = slices[nextSlice];
        nextSlice = (nextSlice + 1) % slices.length;
        return mfeStream.push(slice).orElseThrow();
    }
}
