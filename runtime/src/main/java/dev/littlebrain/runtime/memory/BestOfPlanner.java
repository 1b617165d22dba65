package dev.littlebrain.runtime.memory;

import java.util.Comparator;
import java.util.List;

/**
 * LittleBrain's planner: runs first-fit placement under several orderings — TFLM's own
 * (size descending) among them — and keeps the smallest arena. Because TFLM's ordering is one of the
 * candidates, the result is never larger than TFLM's greedy planner for the same lifetimes; on graphs
 * where a long-lived small tensor fragments the arena, another order often packs tighter.
 */
public final class BestOfPlanner implements MemoryPlanner {
    private static final List<Comparator<BufferRequest>> ORDERS = List.of(
            Comparator.comparingInt(BufferRequest::size).reversed(),
            Comparator.comparingInt(BufferRequest::lifetime).reversed()
                    .thenComparing(Comparator.comparingInt(BufferRequest::size).reversed()),
            Comparator.comparingLong((BufferRequest r) -> (long) r.size() * r.lifetime()).reversed(),
            Comparator.comparingInt(BufferRequest::firstUse)
                    .thenComparing(Comparator.comparingInt(BufferRequest::size).reversed()),
            Comparator.comparingInt(BufferRequest::lastUse).reversed()
                    .thenComparing(Comparator.comparingInt(BufferRequest::size).reversed()));

    @Override
    public MemoryPlan plan(List<BufferRequest> requests) {
        MemoryPlan best = null;
        for (Comparator<BufferRequest> order : ORDERS) {
            MemoryPlan plan = new GreedyPlanner(order).plan(requests);
            if (best == null || plan.arenaBytes() < best.arenaBytes()) {
                best = plan;
            }
        }
        return best;
    }
}
