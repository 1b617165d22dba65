package dev.littlebrain.impulse;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.littlebrain.runtime.stream.Detection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code classify} and {@code listen} report, as records that serialise to their {@code --json} shapes. Scores
 * are the device's float outputs, by label in model order.
 */
public final class Classification {
    private Classification() {
    }

    /** One window's answer: {@code {"label", "scores": {label: score}}}. */
    @JsonPropertyOrder({"label", "scores"})
    public record Answer(String label, Map<String, Float> scores) {
        public Answer {
            scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        }

        public static Answer of(List<String> labels, float[] scores, int best) {
            return new Answer(labels.get(best), byLabel(labels, scores));
        }
    }

    /** A window of a recording and its answer: {@code {"time_ms", "label", "scores"}}. */
    @JsonPropertyOrder({"time_ms", "label", "scores"})
    public record TimedAnswer(@JsonProperty("time_ms") long timeMs, String label, Map<String, Float> scores) {
        public TimedAnswer {
            scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        }

        public static TimedAnswer of(SensorRecording.Window w, List<String> labels) {
            return new TimedAnswer(w.timeMs(), labels.get(w.best()), byLabel(labels, w.scores()));
        }
    }

    /** A window's top label alone: {@code {"time_ms", "label", "score"}}. */
    @JsonPropertyOrder({"time_ms", "label", "score"})
    public record TopLabel(@JsonProperty("time_ms") long timeMs, String label, float score) {
        public static TopLabel of(SensorRecording.Window w, List<String> labels) {
            return new TopLabel(w.timeMs(), labels.get(w.best()), w.bestScore());
        }
    }

    /** A keyword detected in a stream: {@code {"label", "time_ms", "score"}}. */
    @JsonPropertyOrder({"label", "time_ms", "score"})
    public record Detected(String label, @JsonProperty("time_ms") long timeMs, float score) {
        public static Detected of(Detection d) {
            return new Detected(d.label(), d.timeMs(), d.score());
        }
    }

    private static Map<String, Float> byLabel(List<String> labels, float[] scores) {
        Map<String, Float> m = new LinkedHashMap<>();
        for (int c = 0; c < scores.length; c++) {
            m.put(labels.get(c), scores[c]);
        }
        return m;
    }
}
