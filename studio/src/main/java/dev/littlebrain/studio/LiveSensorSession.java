package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.littlebrain.dsp.io.SensorSeries;
import dev.littlebrain.impulse.Classification;
import dev.littlebrain.impulse.Classifier;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.SensorRecording;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sensor impulse's live page: an uploaded recording classified window by window as {@code listen --replay} plays
 * it (each window from the start, one every continuous slice); the page plays the answers at the recording's pace.
 */
final class LiveSensorSession implements LiveSession {
    private final Classifier classifier;
    private final ImpulseConfig.Input input;
    private final int strideSamples;

    LiveSensorSession(Classifier classifier, ImpulseConfig.Input input, int strideSamples) {
        this.classifier = classifier;
        this.input = input;
        this.strideSamples = strideSamples;
    }

    /** Every window of a recording: when it starts and ends, its top label and scores. */
    @JsonPropertyOrder({"duration_ms", "windows"})
    record Replay(@JsonProperty("duration_ms") long durationMs, List<Window> windows) {
    }

    /** One window's answer as {@code classify --json} gives it, and when its last sample arrived. */
    @JsonPropertyOrder({"time_ms", "end_ms", "label", "scores"})
    record Window(@JsonProperty("time_ms") long timeMs, @JsonProperty("end_ms") long endMs, String label,
            java.util.Map<String, Float> scores) {
        static Window of(SensorRecording.Window w, List<String> labels) {
            Classification.TimedAnswer a = Classification.TimedAnswer.of(w, labels);
            return new Window(a.timeMs(), w.endMs(), a.label(), a.scores());
        }
    }

    /**
     * Classifies the recording in {@code file} (.csv or Edge Impulse .json).
     *
     * @throws IllegalArgumentException in one line naming the file when it does not fit the impulse
     */
    synchronized Replay replay(Path file) throws IOException {
        SensorSeries series = SensorRecording.read(file, input);
        List<Window> windows = new ArrayList<>();
        SensorRecording.classify(classifier, input, series, strideSamples,
                w -> windows.add(Window.of(w, classifier.labels())));
        return new Replay(Math.round(series.frames() * 1000 / input.frequencyHz()), windows);
    }
}
