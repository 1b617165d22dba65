package dev.littlebrain.data.curate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A parallel map that returns or throws only once every task has finished. A parallel stream whose task throws
 * (an I/O error, a cancellation from the progress listener) hands the exception to its caller while other tasks
 * are still running; a curation that then deletes its staging folder would race with them and could leave it
 * behind, half written. Here the first failure is kept, the tasks not yet started skip their work, and the failure
 * is thrown after the last running task has returned.
 */
final class ParallelMap {
    /** One item's work. */
    @FunctionalInterface
    interface Task<T, R> {
        R apply(T item) throws IOException;
    }

    private ParallelMap() {
    }

    static <T, R> List<R> of(List<T> items, Task<T, R> task) throws IOException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // No task throws, so toList() returns only when every task has run.
        List<R> results = items.parallelStream().map(item -> {
            if (failure.get() != null) {
                return null;
            }
            try {
                return task.apply(item);
            } catch (Throwable t) { // rethrown below, after the other tasks
                failure.compareAndSet(null, t);
                return null;
            }
        }).toList();
        Throwable t = failure.get();
        if (t == null) {
            return results;
        }
        if (t instanceof IOException e) {
            throw e;
        }
        if (t instanceof UncheckedIOException e) {
            throw e.getCause();
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}
