package dev.littlebrain.runtime.memory;

import java.util.List;

/** Assigns arena offsets to buffers given their sizes and lifetimes. */
public interface MemoryPlanner {
    /** Arena buffers are aligned like TFLite Micro's ({@code MicroArenaBufferAlignment()}). */
    int ALIGNMENT = 16;

    MemoryPlan plan(List<BufferRequest> requests);

    static int alignUp(int size) {
        return (size + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }
}
