package dev.littlebrain.train;

/**
 * What a training tells its caller while it runs, and how the caller stops it: {@link #cancelled} is polled between
 * batches, and a cancelled training throws {@link java.util.concurrent.CancellationException}, its checkpoint (if
 * any) left at the last finished epoch so that the next fit resumes there.
 */
public interface TrainingListener {
    /** Hears nothing and never cancels. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** An epoch finished (its checkpoint, if any, is written). */
    default void epoch(EpochStats stats) {
    }

    /** A line for the person watching: a checkpoint resumed or ignored. */
    default void message(String line) {
    }

    /** Whether the caller asked the training to stop. */
    default boolean cancelled() {
        return false;
    }
}
