package dev.littlebrain.cli.commands;

import dev.littlebrain.impulse.Progress;

/** A job's progress on standard error: a bar per stage, named after it, as the commands always drew them. */
final class TerminalProgress implements Progress {
    private ProgressBar bar;

    @Override
    public void stage(String name) {
        bar = ProgressBar.onStderr(name);
    }

    @Override
    public void step(long done, long total) {
        if (bar != null) {
            bar.onProgress(done, total);
        }
    }
}
