package dev.littlebrain.runtime.memory;

import java.util.Comparator;
import java.util.List;

/**
 * LittleBrain's planner: runs first-fit placement under several orderings — TFLM's own
 * (size descending, equal sizes last-requested first) among them — and keeps the smallest arena. Because TFLM's ordering is one of the
 * candidates, the result is never larger than TFLM's greedy planner for the same lifetimes; on graphs
 * where a long-lived small tensor fragments the arena, another order often packs tighter.
 */
public final class BestOfPlanner implements MemoryPlanner {
    private static final List<GreedyPlanner> PLANNERS = List.of(
            GreedyPlanner.tflmOrder(),
            new GreedyPlanner(Comparator.comparingInt(BufferRequest::size).reversed()),
            new GreedyPlanner(Comparator.comparingInt(BufferRequest::lifetime).reversed()
                    .thenComparing(Comparator.comparingInt(BufferRequest::size).reversed())),
            new GreedyPlanner(Comparator.comparingLong((BufferRequest r) -> (long) r.size() * r.lifetime()).reversed()),
            new GreedyPlanner(Comparator.comparingInt(BufferRequest::firstUse)
                    .thenComparing(Comparator.comparingInt(BufferRequest::size).reversed())),
            new GreedyPlanner(Comparator.comparingInt(BufferRequest::lastUse).reversed()
                    .thenComparing(Comparator.comparingInt(BufferRequest::size).reversed())));

    @Override
    public MemoryPlan plan(List<BufferRequest> requests) {
        MemoryPlan best = null;
        for (GreedyPlanner planner : PLANNERS) {
            MemoryPlan plan = planner.plan(requests);
            if (best == null || plan.arenaBytes() < best.arenaBytes()) {
                best = plan;
            }
        }
        return best;
    }
}
