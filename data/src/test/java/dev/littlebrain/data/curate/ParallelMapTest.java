package dev.littlebrain.data.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A failure or cancellation is thrown only after every running task has returned. */
class ParallelMapTest {
    @Test
    void mapsInOrder() throws IOException {
        assertEquals(List.of(0, 2, 4, 6), ParallelMap.of(List.of(0, 1, 2, 3), i -> 2 * i));
    }

    @Test
    void aCancellationWaitsForTheTasksStillRunning() {
        List<Integer> items = IntStream.range(0, 64).boxed().toList();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        assertThrows(CancellationException.class, () -> ParallelMap.of(items, i -> {
            running.incrementAndGet();
            started.incrementAndGet();
            try {
                if (i == 0) {
                    throw new CancellationException("stopped");
                }
                Thread.sleep(30); // a clip still being written when another task is cancelled
                return i;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        }));
        assertEquals(0, running.get(), "no task still running when the cancellation reaches the caller ("
                + started.get() + " of " + items.size() + " started)");
    }

    @Test
    void anIoErrorIsThrownAsItself() {
        IOException e = assertThrows(IOException.class, () -> ParallelMap.of(List.of(1, 2, 3), i -> {
            if (i == 2) {
                throw new IOException("disk full");
            }
            return i;
        }));
        assertEquals("disk full", e.getMessage());
    }
}
