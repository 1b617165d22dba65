package dev.littlebrain.deploy.tflm;

/**
 * TFLM's {@code SingleArenaBufferAllocator} with the arena size left open: it tracks the head (non-persistent
 * section, from the start), the temp section above the head, and the tail (persistent section, from the end),
 * and records the smallest arena for which none of its checks would fail. The arena is taken to start and end
 * on a 16-byte boundary (the export declares it {@code alignas(16)} with a size that is a multiple of 16), so
 * an aligned-down tail pointer is an aligned-up distance from the end.
 */
final class ArenaSimulation {
    private int head;
    private int temp;
    private int tail;
    private int required;

    /** AllocatePersistentBuffer: tail moves down, aligned; fails when it would cross the head. */
    void persistent(int bytes, int alignment) {
        tail = CLayout.alignUp(tail + bytes, alignment);
        require(head + tail);
    }

    /** AllocateTemp: above the previous temp allocation, aligned; fails when it would cross the tail. */
    void temp(int bytes, int alignment) {
        temp = CLayout.alignUp(temp, alignment) + bytes;
        require(temp + tail);
    }

    /** ResizeBuffer of the one resizable head buffer (at the arena start); also resets temp allocations. */
    void resizeHead(int bytes) {
        head = bytes;
        temp = head;
        require(head + tail);
    }

    /** ResetTempAllocations. */
    void resetTemp() {
        temp = head;
    }

    /**
     * CommitStaticMemoryPlan hands the planner every byte between the temp section and the tail, both aligned to
     * 16; the planner can take as many buffers as {@code bytesPerBuffer} fit in it.
     */
    void plannerScratch(int buffers, int bytesPerBuffer) {
        require(CLayout.alignUp(temp, 16) + CLayout.alignUp(tail, 16) + buffers * bytesPerBuffer);
    }

    int head() {
        return head;
    }

    int tail() {
        return tail;
    }

    /** The smallest arena, a multiple of 16, for which every allocation so far succeeds. */
    int requiredBytes() {
        return CLayout.alignUp(required, 16);
    }

    private void require(int bytes) {
        required = Math.max(required, bytes);
    }
}
