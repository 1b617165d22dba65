package dev.littlebrain.runtime.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * LittleBrain's planner: runs first-fit placement under several orderings — TFLM's own
 * (size descending, equal sizes last-requested first) among them — and keeps the smallest arena. Because TFLM's ordering is one of the
 * candidates, the result is never larger than TFLM's greedy planner for the same lifetimes; on graphs
 * where a long-lived small tensor fragments the arena, another order often packs tighter. Given in-place outputs
 * it keeps those that make the plan smaller ({@link #plan(List, List)}).
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
     * The smallest plan over every ordering, with the in-place outputs that help. Chaining every output over its
     * input makes one rigid block of a whole network, which can pack worse than its buffers apart; and lowering one
     * of two equal peaks alone shrinks nothing. So the search starts from the better of no links and all links,
     * then toggles one link at a time, largest overlap first, keeping a toggle where the plan gets better (a smaller
     * arena, or the same arena with lower high-water marks over its steps), until a pass keeps none.
     */
    @Override
    public MemoryPlan plan(List<BufferRequest> requests, List<InPlaceOutput> inPlace) {
        List<InPlaceOutput> candidates = new ArrayList<>();
        for (InPlaceOutput link : inPlace) {
            if (!InPlaceChains.of(requests, List.of(link)).links().isEmpty()) {
                candidates.add(link);
            }
        }
        MemoryPlan best = smallest(requests, List.of());
        if (candidates.isEmpty()) {
            return best;
        }
        candidates.sort(Comparator.comparingLong((InPlaceOutput link) -> overlap(requests, link)).reversed());
        List<InPlaceOutput> kept = new ArrayList<>();
        MemoryPlan all = smallest(requests, candidates);
        if (better(all, best)) {
            best = all;
            kept.addAll(all.inPlace());
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (InPlaceOutput link : candidates) {
                List<InPlaceOutput> toggled = new ArrayList<>(kept);
                if (!toggled.remove(link)) {
                    toggled.add(link);
                }
                MemoryPlan plan = smallest(requests, toggled);
                if (better(plan, best)) {
                    best = plan;
                    kept = toggled;
                    changed = true;
                }
            }
        }
        return best;
    }

    /** The smallest arena over every ordering, the earlier ordering on a tie. */
    private static MemoryPlan smallest(List<BufferRequest> requests, List<InPlaceOutput> inPlace) {
        MemoryPlan best = null;
        for (GreedyPlanner planner : PLANNERS) {
            MemoryPlan plan = inPlace.isEmpty() ? planner.plan(requests) : planner.plan(requests, inPlace);
            if (best == null || plan.arenaBytes() < best.arenaBytes()) {
                best = plan;
            }
        }
        return best;
    }

    private static boolean better(MemoryPlan a, MemoryPlan b) {
        if (a.arenaBytes() != b.arenaBytes()) {
            return a.arenaBytes() < b.arenaBytes();
        }
        return highWaterSum(a) < highWaterSum(b);
    }

    /** Over every step, the end of the highest buffer alive then. */
    private static long highWaterSum(MemoryPlan plan) {
        List<BufferRequest> requests = plan.requests();
        int steps = 0;
        for (BufferRequest r : requests) {
            steps = Math.max(steps, r.lastUse() + 1);
        }
        long[] top = new long[steps];
        for (int i = 0; i < requests.size(); i++) {
            BufferRequest r = requests.get(i);
            for (int s = Math.max(0, r.firstUse()); s <= r.lastUse(); s++) {
                top[s] = Math.max(top[s], (long) plan.offset(i) + r.size());
            }
        }
        long sum = 0;
        for (long t : top) {
            sum += t;
        }
        return sum;
    }

    /** Bytes the output and its input would share. */
    private static long overlap(List<BufferRequest> requests, InPlaceOutput link) {
        BufferRequest out = null;
        BufferRequest in = null;
        for (BufferRequest r : requests) {
            out = r.tensorIndex() == link.outputTensor() ? r : out;
            in = r.tensorIndex() == link.inputTensor() ? r : in;
        }
        long start = Math.max(0, link.offsetFromInput());
        long end = Math.min(in.size(), (long) link.offsetFromInput() + out.size());
        return Math.max(0, end - start);
    }
}
