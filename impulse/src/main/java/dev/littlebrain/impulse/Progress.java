package dev.littlebrain.impulse;

import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.train.EpochStats;
import java.util.concurrent.CancellationException;

/**
 * How a long job tells its caller how far it is, and learns that it should stop: the CLI draws a bar, a server
 * streams the events. A job calls {@link #stage} as it starts each part, {@link #step} as the part advances, and
 * polls {@link #cancelled} between units of work, stopping with a {@link CancellationException} (what it has
 * finished stays valid).
 */
public interface Progress {
    /** Reports nowhere and is never cancelled. */
    Progress NONE = new Progress() {
        @Override
        public void stage(String name) {
        }

        @Override
        public void step(long done, long total) {
        }
    };

    /** A part of the job begins (e.g. "features", "streams"). */
    void stage(String name);

    /** {@code done} of {@code total} units of the current stage are finished; {@code done} only grows. */
    void step(long done, long total);

    /** A line for the person watching (e.g. "resuming from epoch 3/30"); the CLI prints it as it comes. */
    default void message(String line) {
    }

    /** A training epoch finished (training reports these instead of steps: an epoch's figures matter). */
    default void epoch(EpochStats stats) {
    }

    /** Whether the caller asked the job to stop. */
    default boolean cancelled() {
        return false;
    }

    /** Stops the job when the caller asked it to. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new CancellationException("cancelled");
        }
    }

    /** This progress as a stage's listener for the engine modules, stopping the stage when cancelled. */
    default ProgressListener listener() {
        return (done, total) -> {
            checkCancelled();
            step(done, total);
        };
    }
}
