package dev.littlebrain.runtime.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * First-fit placement in a given order, the algorithm of TensorFlow Lite Micro's
 * {@code GreedyMemoryPlanner}: offline-planned buffers keep their offsets; the rest, largest first,
 * each go to the lowest offset where they do not collide with any already placed buffer that is
 * alive at the same time. {@link #tflmOrder()} is TFLM's order; other orders are used by
 * {@link BestOfPlanner}.
 */
public final class GreedyPlanner implements MemoryPlanner {
    private final Comparator<BufferRequest> order;

    public GreedyPlanner(Comparator<BufferRequest> order) {
        this.order = order;
    }

    /** TFLM's planner: size descending, ties in request order (its sort keeps equal sizes in order). */
    public static GreedyPlanner tflmOrder() {
        return new GreedyPlanner(Comparator.comparingInt(BufferRequest::size).reversed());
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
        // List.sort is stable, so equal keys keep request order.
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
