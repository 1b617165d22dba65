package dev.littlebrain.runtime.memory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * First-fit placement in a given order, the algorithm of TensorFlow Lite Micro's
 * {@code GreedyMemoryPlanner}: offline-planned buffers keep their offsets; the rest, largest first,
 * each go to the lowest offset where they do not collide with any already placed buffer that is
 * alive at the same time. {@link #tflmOrder()} is TFLM's order; other orders are used by
 * {@link BestOfPlanner}. {@link TflmGreedyMemoryPlanner} models TFLM's planner independently, to
 * check this one against.
 */
public final class GreedyPlanner implements MemoryPlanner {
    private final Comparator<BufferRequest> order;
    private final boolean tiesInReverseRequestOrder;

    /** Places in {@code order}; requests the order ranks equal stay in request order. */
    public GreedyPlanner(Comparator<BufferRequest> order) {
        this(order, false);
    }

    private GreedyPlanner(Comparator<BufferRequest> order, boolean tiesInReverseRequestOrder) {
        this.order = order;
        this.tiesInReverseRequestOrder = tiesInReverseRequestOrder;
    }

    /**
     * TFLM's planner: size descending, and equal sizes in <em>reverse</em> request order — TFLM fills
     * its sort array from the tail (the last request first) and its bubble sort is stable.
     */
    public static GreedyPlanner tflmOrder() {
        return new GreedyPlanner(Comparator.comparingInt(BufferRequest::size).reversed(), true);
    }

    @Override
    public MemoryPlan plan(List<BufferRequest> requests) {
        int n = requests.size();
        int[] offsets = new int[n];
        List<Integer> placed = new ArrayList<>();
        List<Integer> online = new ArrayList<>();
        int arena = 0;
        for (int i = 0; i < n; i++) {
            BufferRequest r = requests.get(i);
            if (r.isOffline()) {
                offsets[i] = r.offlineOffset();
                placed.add(i);
                arena = Math.max(arena, r.offlineOffset() + r.size());
            } else {
                online.add(i);
            }
        }
        if (tiesInReverseRequestOrder) {
            Collections.reverse(online);
        }
        // List.sort is stable, so equal keys keep the order of `online`.
        online.sort((a, b) -> order.compare(requests.get(a), requests.get(b)));
        List<Integer> conflicts = new ArrayList<>();
        for (int i : online) {
            BufferRequest r = requests.get(i);
            conflicts.clear();
            for (int p : placed) {
                if (requests.get(p).overlapsInTime(r) && requests.get(p).size() > 0) {
                    conflicts.add(p);
                }
            }
            conflicts.sort(Comparator.comparingInt(p -> offsets[p]));
            int candidate = 0;
            for (int p : conflicts) {
                if (candidate + r.size() <= offsets[p]) {
                    break; // fits in the gap before this buffer
                }
                candidate = Math.max(candidate, offsets[p] + requests.get(p).size());
            }
            offsets[i] = candidate;
            placed.add(i);
            arena = Math.max(arena, candidate + r.size());
        }
        return new MemoryPlan(requests, offsets, arena);
    }

    /**
     * First-fit with outputs over their inputs: each chain of in-place buffers ({@link InPlaceChains}) is one block,
     * ordered by its extent and lifetime like a single buffer, and goes to the lowest offset where none of its
     * members collides with a placed buffer alive at the same time. Without chains this is {@link #plan(List)}.
     */
    @Override
    public MemoryPlan plan(List<BufferRequest> requests, List<InPlaceOutput> inPlace) {
        InPlaceChains chains = InPlaceChains.of(requests, inPlace);
        if (chains.links().isEmpty()) {
            return plan(requests);
        }
        List<InPlaceChains.Chain> all = chains.chains();
        int[] offsets = new int[requests.size()];
        List<Integer> placed = new ArrayList<>();
        List<InPlaceChains.Chain> online = new ArrayList<>();
        int arena = 0;
        for (InPlaceChains.Chain c : all) {
            BufferRequest lead = requests.get(c.members()[0]);
            if (c.members().length == 1 && lead.isOffline()) {
                offsets[c.members()[0]] = lead.offlineOffset();
                placed.add(c.members()[0]);
                arena = Math.max(arena, lead.offlineOffset() + lead.size());
            } else {
                online.add(c);
            }
        }
        if (tiesInReverseRequestOrder) {
            Collections.reverse(online);
        }
        online.sort((a, b) -> order.compare(a.envelope(), b.envelope()));
        for (InPlaceChains.Chain c : online) {
            int base = lowestFit(requests, offsets, placed, c);
            for (int k = 0; k < c.members().length; k++) {
                int m = c.members()[k];
                offsets[m] = base + c.relative()[k];
                placed.add(m);
                arena = Math.max(arena, offsets[m] + requests.get(m).size());
            }
        }
        return new MemoryPlan(requests, offsets, arena, chains.links());
    }

    /** The lowest start for the chain: 0 or where a member would begin right after a buffer it collides with. */
    private static int lowestFit(List<BufferRequest> requests, int[] offsets, List<Integer> placed,
            InPlaceChains.Chain c) {
        List<Integer> candidates = new ArrayList<>();
        candidates.add(0);
        for (int k = 0; k < c.members().length; k++) {
            BufferRequest m = requests.get(c.members()[k]);
            for (int p : placed) {
                BufferRequest q = requests.get(p);
                int start = offsets[p] + q.size() - c.relative()[k];
                if (q.size() > 0 && m.size() > 0 && q.overlapsInTime(m) && start > 0) {
                    candidates.add(start);
                }
            }
        }
        Collections.sort(candidates);
        for (int base : candidates) {
            if (fits(requests, offsets, placed, c, base)) {
                return base;
            }
        }
        throw new IllegalStateException("no offset fits; the last candidate is past every placed buffer");
    }

    private static boolean fits(List<BufferRequest> requests, int[] offsets, List<Integer> placed,
            InPlaceChains.Chain c, int base) {
        for (int k = 0; k < c.members().length; k++) {
            BufferRequest m = requests.get(c.members()[k]);
            int start = base + c.relative()[k];
            for (int p : placed) {
                BufferRequest q = requests.get(p);
                if (q.size() > 0 && m.size() > 0 && q.overlapsInTime(m)
                        && start < offsets[p] + q.size() && offsets[p] < start + m.size()) {
                    return false;
                }
            }
        }
        return true;
    }
}
