package dev.littlebrain.runtime.memory;

/**
 * One tensor's need for arena memory: its size and the operator steps during which it must stay
 * intact (inclusive). Two requests may share bytes only if their lifetimes do not intersect.
 *
 * @param offlineOffset an offset fixed ahead of time (TFLite's OfflineMemoryAllocation metadata), or -1
 */
public record BufferRequest(int tensorIndex, int size, int firstUse, int lastUse, int offlineOffset) {

    public BufferRequest {
        if (size < 0 || firstUse > lastUse) {
            throw new IllegalArgumentException("bad buffer request " + size + " bytes, steps " + firstUse + ".."
                    + lastUse);
        }
    }

    public static BufferRequest online(int tensorIndex, int size, int firstUse, int lastUse) {
        return new BufferRequest(tensorIndex, size, firstUse, lastUse, -1);
    }

    public boolean isOffline() {
        return offlineOffset >= 0;
    }

    public boolean overlapsInTime(BufferRequest other) {
        return firstUse <= other.lastUse && other.firstUse <= lastUse;
    }

    public int lifetime() {
        return lastUse - firstUse + 1;
    }
}
