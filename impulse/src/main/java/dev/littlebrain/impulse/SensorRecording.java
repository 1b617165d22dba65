package dev.littlebrain.impulse;

import dev.littlebrain.dsp.io.EdgeImpulseJson;
import dev.littlebrain.dsp.io.SensorCsv;
import dev.littlebrain.dsp.io.SensorSeries;
import dev.littlebrain.dsp.io.Signal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A sensor recording ({@code .csv} or Edge Impulse {@code .json}) classified window by window as the impulse was
 * trained: each window from the start, one every continuous slice; a recording no longer than a window is one window,
 * zero-padded; a block that takes any length (a path) classifies the whole recording at once. {@code classify} lists
 * the windows, {@code listen --replay} plays them.
 */
public final class SensorRecording {
    private SensorRecording() {
    }

    /** One classified window: where it starts and ends in the recording, and the model's scores. */
    public record Window(long timeMs, long endMs, float[] scores) {
        public Window {
            scores = scores.clone();
        }

        @Override
        public float[] scores() {
            return scores.clone();
        }

        /** The index of the highest score (the first of equals). */
        public int best() {
            int best = 0;
            for (int c = 1; c < scores.length; c++) {
                best = scores[c] > scores[best] ? c : best;
            }
            return best;
        }

        /** The highest score. */
        public float bestScore() {
            return scores[best()];
        }
    }

    /**
     * Reads {@code file} for the impulse's input.
     *
     * @throws IllegalArgumentException in one line naming the file: not a .csv/.json, other axes, another rate
     */
    public static SensorSeries read(Path file, ImpulseConfig.Input input) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv") && !name.endsWith(".json")) {
            throw new IllegalArgumentException(file + ": this project's input is " + input.type()
                    + "; give a .csv or Edge Impulse .json recording of " + input.axes());
        }
        SensorSeries series = name.endsWith(".csv") ? SensorCsv.read(file) : EdgeImpulseJson.read(file);
        if (series.axes().size() != input.axes().size()) {
            throw new IllegalArgumentException(file + " has the axes " + series.axes() + ", the impulse takes "
                    + input.axes() + "; record those axes");
        }
        if (Math.abs(series.frequencyHz() - input.frequencyHz()) > 1e-6 * input.frequencyHz()) {
            throw new IllegalArgumentException(file + " is sampled at " + series.frequencyHz() + " Hz, the impulse takes "
                    + input.frequencyHz() + " Hz; record at that rate (sensor recordings are not resampled)");
        }
        return series;
    }

    /**
     * Classifies the windows of {@code series} in order, each handed to {@code sink} as soon as it is scored.
     *
     * @param input         the impulse's input, which {@code series} was {@link #read} for
     * @param strideSamples samples per axis between window starts (the continuous slice)
     */
    public static void classify(Classifier classifier, ImpulseConfig.Input input, SensorSeries series,
            int strideSamples, Consumer<Window> sink) {
        double rate = input.frequencyHz();
        int axes = input.axes().size();
        float[] values = series.interleaved();
        int frames = values.length / axes;
        // The signal's rate is not read for sensor axes; a Signal only needs a positive one.
        int signalRate = Math.max(1, (int) Math.round(rate));
        if (classifier.block().acceptsAnyLength()) {
            sink.accept(new Window(0, millis(frames, rate), scores(classifier, new Signal(signalRate, axes, values))));
            return;
        }
        int window = classifier.windowSamples();
        for (int start = 0; start == 0 || start + window <= frames; start += strideSamples) {
            // Past the recording's end (one short recording) the window is zero-padded, as in training.
            float[] w = Arrays.copyOfRange(values, start * axes, (start + window) * axes);
            sink.accept(new Window(millis(start, rate), millis(start + window, rate),
                    scores(classifier, new Signal(signalRate, axes, w))));
        }
    }

    /**
     * {@link #classify} as a device would see the recording arrive: only the windows that end by {@code endMs}, and
     * with {@code realTime} each one once its last sample would have come in (counted from this call).
     */
    public static void replay(Classifier classifier, ImpulseConfig.Input input, SensorSeries series,
            int strideSamples, long endMs, boolean realTime, Consumer<Window> sink) {
        long started = System.nanoTime();
        classify(classifier, input, series, strideSamples, w -> {
            if (w.endMs() > endMs) {
                return;
            }
            long waitMs = w.endMs() - (System.nanoTime() - started) / 1_000_000;
            if (realTime && waitMs > 0) {
                try {
                    Thread.sleep(waitMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            sink.accept(w);
        });
    }

    /** The device's scores as float, as the runtime's continuous classifier reports them. */
    private static float[] scores(Classifier classifier, Signal window) {
        double[] scores = classifier.classify(window).scores();
        float[] f = new float[scores.length];
        for (int c = 0; c < f.length; c++) {
            f[c] = (float) scores[c];
        }
        return f;
    }

    private static long millis(int frames, double rate) {
        return (long) Math.floor(frames * 1000.0 / rate);
    }
}
