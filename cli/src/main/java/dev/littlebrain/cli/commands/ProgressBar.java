package dev.littlebrain.cli.commands;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress bar with an ETA for long tasks. On a terminal it redraws one line at most ten times a
 * second; elsewhere (CI logs, files) it prints a plain line at every further 10 % or at most every
 * 10 s, so logs stay short and readable. Thread-safe; reports that arrive out of order (from
 * parallel workers) never move the bar backwards. Terminal drawing, so it lives in the CLI; the library reports
 * through {@link dev.littlebrain.impulse.Progress}.
 */
final class ProgressBar {
    private static final long TERMINAL_INTERVAL_NANOS = 100_000_000L;
    private static final long LOG_INTERVAL_NANOS = 10_000_000_000L;
    private static final int WIDTH = 30;

    private final String task;
    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long startNanos;
    private long lastPrintNanos = Long.MIN_VALUE;
    private long lastDone = -1;
    private int lastDecile = -1;
    private boolean finished;

    ProgressBar(String task, PrintStream out, boolean terminal, LongSupplier nanoClock) {
        this.task = task;
        this.out = out;
        this.terminal = terminal;
        this.clock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    /** A bar on standard error, redrawn in place when a console is attached and TERM is not "dumb". */
    static ProgressBar onStderr(String task) {
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        return new ProgressBar(task, System.err, terminal, System::nanoTime);
    }

    synchronized void onProgress(long done, long total) {
        if (finished || done <= lastDone) {
            return;
        }
        lastDone = done;
        long now = clock.getAsLong();
        boolean complete = total > 0 && done >= total;
        if (terminal) {
            if (complete || due(now, TERMINAL_INTERVAL_NANOS)) {
                out.print("\r" + line(done, total, now) + (complete ? System.lineSeparator() : ""));
                out.flush();
                lastPrintNanos = now;
            }
        } else {
            int decile = total > 0 ? (int) (done * 10 / total) : 0;
            if (complete || decile > lastDecile || due(now, LOG_INTERVAL_NANOS)) {
                out.println(line(done, total, now));
                out.flush();
                lastPrintNanos = now;
                lastDecile = decile;
            }
        }
        finished = complete;
    }

    private boolean due(long now, long interval) {
        // Compared by subtraction: System.nanoTime() may be negative and only differences are meaningful.
        return lastPrintNanos == Long.MIN_VALUE || now - lastPrintNanos >= interval;
    }

    String line(long done, long total, long now) {
        double fraction = total > 0 ? Math.min(1, done / (double) total) : 0;
        int filled = (int) Math.round(fraction * WIDTH);
        double elapsed = (now - startNanos) / 1e9;
        String eta;
        if (done >= total) {
            eta = "done in " + clockTime(elapsed);
        } else if (done == 0) {
            eta = "ETA --:--";
        } else {
            eta = "ETA " + clockTime(elapsed / done * (total - done));
        }
        return String.format(Locale.ROOT, "%s [%s%s] %3d%% %d/%d %s", task, "#".repeat(filled),
                ".".repeat(WIDTH - filled), Math.round(fraction * 100), done, total, eta);
    }

    private static String clockTime(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
