package dev.littlebrain.data.progress;

/**
 * Receives progress of a long task. May be called from several threads; {@code done} only grows.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Does nothing. */
    ProgressListener NONE = (done, total) -> { };

    void onProgress(long done, long total);
}
