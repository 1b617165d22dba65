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
}
