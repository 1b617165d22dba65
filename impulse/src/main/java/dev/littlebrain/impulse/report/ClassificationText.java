package dev.littlebrain.impulse.report;

import dev.littlebrain.files.Json;
import dev.littlebrain.impulse.Classification;
import dev.littlebrain.impulse.SensorRecording;
import dev.littlebrain.runtime.stream.Detection;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@code classify} and {@code listen} print of a classification, as text or (with {@code json}) as the
 * {@link Classification} records: one window's scores, a stream's detections, a sensor recording's windows.
 */
public final class ClassificationText {
    private ClassificationText() {
    }

    /** One window: the best label, then every label's score. */
    public static void printAnswer(Path file, List<String> labels, float[] scores, int best, boolean json,
            PrintWriter out) {
        if (json) {
            out.println(json(Classification.Answer.of(labels, scores, best)));
            return;
        }
        out.println(file + ": " + labels.get(best));
        for (int c = 0; c < scores.length; c++) {
            out.printf(Locale.ROOT, "  %-12s %.4f%n", labels.get(c), scores[c]);
        }
    }

    /** The keywords detected in a recording of {@code seconds}, each with its time and averaged score. */
    public static void printDetections(Path file, double seconds, List<Detection> detections, boolean json,
            PrintWriter out) {
        if (json) {
            out.println(json(detections.stream().map(Classification.Detected::of).toList()));
            return;
        }
        out.printf("%d detection(s) in %s (%.1f s):%n", detections.size(), file, seconds);
        for (Detection d : detections) {
            out.printf(Locale.ROOT, "  %8.2f s  %-12s %.3f%n", d.timeMs() / 1000.0, d.label(), d.score());
        }
    }

    /** A sensor recording's windows of {@code windowMs}, each with its time, best label and score. */
    public static void printWindows(Path file, long windowMs, double seconds, List<SensorRecording.Window> windows,
            List<String> labels, boolean json, PrintWriter out) {
        if (json) {
            out.println(json(windows.stream().map(w -> Classification.TimedAnswer.of(w, labels)).toList()));
            return;
        }
        out.printf(Locale.ROOT, "%s: %d window(s) of %d ms in %.2f s%n", file, windows.size(), windowMs, seconds);
        for (SensorRecording.Window w : windows) {
            printWindowLine(w, labels, out);
        }
    }

    /** One window of a replayed sensor recording, as {@code listen --replay} prints it when it arrives. */
    public static void printWindow(SensorRecording.Window w, List<String> labels, boolean json, PrintWriter out) {
        if (json) {
            out.println(json(Classification.TopLabel.of(w, labels)));
        } else {
            printWindowLine(w, labels, out);
        }
    }

    private static void printWindowLine(SensorRecording.Window w, List<String> labels, PrintWriter out) {
        out.printf(Locale.ROOT, "  %8.2f s  %-12s %.4f%n", w.timeMs() / 1000.0, labels.get(w.best()), w.bestScore());
    }

    private static String json(Object record) {
        try {
            return Json.compact().writeValueAsString(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
