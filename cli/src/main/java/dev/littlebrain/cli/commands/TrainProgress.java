package dev.littlebrain.cli.commands;

import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.report.WorkflowText;
import dev.littlebrain.train.EpochStats;
import java.io.PrintWriter;

/**
 * {@code train}'s progress on the terminal: the features' bar on standard error, then a line per message and epoch
 * on standard output (the epochs are the training's progress: no bar for them).
 */
final class TrainProgress implements Progress {
    private final TerminalProgress bars = new TerminalProgress();
    private final PrintWriter out;
    private boolean drawing;

    TrainProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void stage(String name) {
        drawing = !"training".equals(name);
        if (drawing) {
            bars.stage(name);
        }
    }

    @Override
    public void step(long done, long total) {
        if (drawing) {
            bars.step(done, total);
        }
    }

    @Override
    public void message(String line) {
        out.println(line);
        out.flush();
    }

    @Override
    public void epoch(EpochStats stats) {
        message(WorkflowText.epoch(stats));
    }
}
