package dev.littlebrain.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Live sessions expire when idle and, past the capacity, the one used longest ago gives way. */
class LiveSessionsTest {
    private final AtomicLong now = new AtomicLong();
    private final LiveSessions<String> sessions = new LiveSessions<>(Duration.ofSeconds(60), 2, now::get);

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void aSessionUsedWithinTheIdleTimeStaysAndExpiresAfterIt() {
        String a = sessions.open("a");
        advance(Duration.ofSeconds(50));
        assertEquals(Optional.of("a"), sessions.use(a), "used after 50 s: still there");
        advance(Duration.ofSeconds(50));
        assertEquals(Optional.of("a"), sessions.use(a), "50 s after its last use: still there");
        advance(Duration.ofSeconds(61));
        assertEquals(Optional.empty(), sessions.use(a), "61 s idle: gone");
        assertEquals(0, sessions.size());
    }

    @Test
    void pastTheCapacityTheSessionUsedLongestAgoIsDropped() {
        String a = sessions.open("a");
        advance(Duration.ofSeconds(1));
        String b = sessions.open("b");
        advance(Duration.ofSeconds(1));
        sessions.use(a); // b is now the one used longest ago
        String c = sessions.open("c");
        assertEquals(2, sessions.size());
        assertEquals(Optional.empty(), sessions.use(b));
        assertEquals(Optional.of("a"), sessions.use(a));
        assertEquals(Optional.of("c"), sessions.use(c));
    }

    @Test
    void idsAreDistinctAndCloseSaysWhetherItWasOpen() {
        String a = sessions.open("a");
        String b = sessions.open("b");
        assertNotEquals(a, b);
        assertTrue(a.matches("[0-9a-f]{16}"), a);
        assertTrue(sessions.close(a));
        assertEquals(false, sessions.close(a));
        assertEquals(Optional.empty(), sessions.use(a));
    }
}
