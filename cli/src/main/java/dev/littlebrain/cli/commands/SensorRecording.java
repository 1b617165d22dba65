package dev.littlebrain.cli.commands;

import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.io.EdgeImpulseJson;
import dev.littlebrain.dsp.io.SensorCsv;
import dev.littlebrain.dsp.io.SensorSeries;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.stream.WindowScores;
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
final class SensorRecording {
    private SensorRecording() {
    }

    /** One classified window: where it starts and ends in the recording, and the model's scores. */
    record Window(long timeMs, long endMs, float[] scores) {
        int best() {
            int best = 0;
            for (int c = 1; c < scores.length; c++) {
                best = scores[c] > scores[best] ? c : best;
            }
            return best;
        }
    }

    /**
     * Reads {@code file} for the impulse's input.
     *
     * @throws IllegalArgumentException in one line naming the file: not a .csv/.json, other axes, another rate
     */
    static SensorSeries read(Path file, ImpulseConfig.Input input) throws IOException {
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
     * @param strideSamples samples per axis between window starts (the continuous slice)
     */
    static void classify(ImpulseProject p, Interpreter interpreter, SensorSeries series, int strideSamples,
                         Consumer<Window> sink) {
        DspBlock dsp = p.block();
        double rate = p.config().input().frequencyHz();
        int axes = p.config().input().axes().size();
        float[] values = series.interleaved();
        int frames = values.length / axes;
        if (dsp.acceptsAnyLength()) {
            sink.accept(new Window(0, millis(frames, rate), WindowScores.of(interpreter, dsp.process(values))));
            return;
        }
        int window = p.windowSamples();
        for (int start = 0; start == 0 || start + window <= frames; start += strideSamples) {
            float[] w = Arrays.copyOfRange(values, start * axes, (start + window) * axes);
            sink.accept(new Window(millis(start, rate), millis(start + window, rate),
                    WindowScores.of(interpreter, dsp.process(w))));
        }
    }

    private static long millis(int frames, double rate) {
        return (long) Math.floor(frames * 1000.0 / rate);
    }
}
