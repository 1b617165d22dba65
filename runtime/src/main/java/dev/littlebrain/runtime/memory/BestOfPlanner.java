package dev.littlebrain.runtime.memory;

import java.util.Comparator;
import java.util.List;

/**
 * LittleBrain's planner: runs first-fit placement under several orderings — TFLM's own
 * (size descending, equal sizes last-requested first) among them — and keeps the smallest arena. Because TFLM's ordering is one of the
 * candidates, the result is never larger than TFLM's greedy planner for the same lifetimes; on graphs
 * where a long-lived small tensor fragments the arena, another order often packs tighter. Given in-place outputs
 * it also tries each order with them and keeps them where they make the arena smaller.
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
        return plan(requests, List.of());
    }

    /**
     * Every ordering with every buffer apart, then with the in-place outputs (a chain is a rigid block, which can
     * pack worse than its members apart): the smallest arena wins, the earlier candidate on a tie.
     */
    @Override
    public MemoryPlan plan(List<BufferRequest> requests, List<InPlaceOutput> inPlace) {
        MemoryPlan best = null;
        for (GreedyPlanner planner : PLANNERS) {
            MemoryPlan plan = planner.plan(requests);
            if (best == null || plan.arenaBytes() < best.arenaBytes()) {
                best = plan;
            }
        }
        if (!inPlace.isEmpty()) {
            for (GreedyPlanner planner : PLANNERS) {
                MemoryPlan plan = planner.plan(requests, inPlace);
                if (plan.arenaBytes() < best.arenaBytes()) {
                    best = plan;
                }
            }
        }
        return best;
    }
}
