package dev.littlebrain.studio;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The open live sessions: each holds an interpreter, so a session nobody has used for {@code idle} is dropped (a
 * closed tab never says goodbye), and past {@code capacity} opening one drops the one used longest ago.
 */
final class LiveSessions<S> {
    private final Duration idle;
    private final int capacity;
    private final LongSupplier nanoClock;
    private final SecureRandom random = new SecureRandom();
    /** In access order: the first is the one used longest ago. */
    private final LinkedHashMap<String, Entry<S>> sessions = new LinkedHashMap<>(16, 0.75f, true);

    private record Entry<S>(S session, long lastUsedNanos) {
    }

    LiveSessions(Duration idle, int capacity, LongSupplier nanoClock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.idle = idle;
        this.capacity = capacity;
        this.nanoClock = nanoClock;
    }

    /** Keeps {@code session} under a new id, which it returns. */
    synchronized String open(S session) {
        dropIdle();
        while (sessions.size() >= capacity) {
            Iterator<String> oldest = sessions.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        sessions.put(id, new Entry<>(session, nanoClock.getAsLong()));
        return id;
    }

    /** The session {@code id}, now counted as used; empty when it was never opened, closed or expired. */
    synchronized Optional<S> use(String id) {
        dropIdle();
        Entry<S> e = sessions.get(id);
        if (e == null) {
            return Optional.empty();
        }
        sessions.put(id, new Entry<>(e.session(), nanoClock.getAsLong()));
        return Optional.of(e.session());
    }

    /** Closes {@code id}; whether it was open. */
    synchronized boolean close(String id) {
        dropIdle();
        return sessions.remove(id) != null;
    }

    synchronized int size() {
        dropIdle();
        return sessions.size();
    }

    Duration idle() {
        return idle;
    }

    private void dropIdle() {
        long now = nanoClock.getAsLong();
        for (Iterator<Map.Entry<String, Entry<S>>> it = sessions.entrySet().iterator(); it.hasNext();) {
            if (now - it.next().getValue().lastUsedNanos() > idle.toNanos()) {
                it.remove();
            }
        }
    }
}
