package dev.littlebrain.runtime.memory;

import java.util.List;

/** Assigns arena offsets to buffers given their sizes and lifetimes. */
public interface MemoryPlanner {
    /** Arena buffers are aligned like TFLite Micro's ({@code MicroArenaBufferAlignment()}). */
    int ALIGNMENT = 16;

    MemoryPlan plan(List<BufferRequest> requests);

    /**
     * Plans with outputs that may overlap their inputs. Ignoring them is always valid (every buffer apart), which is
     * what a planner without in-place support does; {@link GreedyPlanner} and {@link BestOfPlanner} use them.
     */
    default MemoryPlan plan(List<BufferRequest> requests, List<InPlaceOutput> inPlace) {
        return plan(requests);
    }

    static int alignUp(int size) {
        return (size + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }
}
