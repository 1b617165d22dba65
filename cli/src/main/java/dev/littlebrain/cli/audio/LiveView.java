package dev.littlebrain.cli.audio;

import dev.littlebrain.files.Json;
import dev.littlebrain.runtime.stream.Detection;
import dev.littlebrain.runtime.stream.ScoredSlice;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code listen} shows while it runs. On a terminal, one status line is redrawn every slice with a
 * bar per label, and each detection is printed above it; elsewhere (a pipe, a log) only detections are
 * printed, one line each, or one JSON object per line with {@code json}.
 */
public final class LiveView {
    private static final int BAR_WIDTH = 10;

    private final PrintWriter out;
    private final List<String> labels;
    private final boolean terminal;
    private final boolean json;
    private int statusLength;

    public LiveView(PrintWriter out, List<String> labels, boolean terminal, boolean json) {
        this.out = out;
        this.labels = List.copyOf(labels);
        this.terminal = terminal && !json;
        this.json = json;
    }

    /** True when standard output is an interactive terminal that can redraw a line. */
    public static boolean stdoutIsTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    /** The averaged scores after one model run. */
    public void scores(ScoredSlice slice) {
        if (!terminal) {
            return;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%8.2f s ", slice.timeMs() / 1000.0));
        float[] scores = slice.averaged();
        for (int c = 0; c < scores.length; c++) {
            int filled = Math.round(Math.max(0, Math.min(1, scores[c])) * BAR_WIDTH);
            line.append(' ').append(labels.get(c)).append(' ')
                    .append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled));
        }
        String text = line.toString();
        out.print('\r' + text + " ".repeat(Math.max(0, statusLength - text.length())));
        statusLength = text.length();
        out.flush();
    }

    /** A keyword fired. */
    public void detection(Detection d) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", d.label());
            m.put("time_ms", d.timeMs());
            m.put("score", d.score());
            out.println(toJson(m));
        } else {
            if (terminal) {
                out.print('\r' + " ".repeat(statusLength) + '\r');
                statusLength = 0;
            }
            out.printf(Locale.ROOT, "%8.2f s  %-12s %.3f%n", d.timeMs() / 1000.0, d.label(), d.score());
        }
        out.flush();
    }

    /** The stream ended or was stopped. */
    public void finish() {
        if (terminal && statusLength > 0) {
            out.println();
        }
        out.flush();
    }

    private static String toJson(Map<String, Object> m) {
        try {
            return Json.compact().writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
