package dev.littlebrain.runtime.memory;

import java.util.List;

/** Arena offsets for a list of {@link BufferRequest}s, in request order, and the arena size they need. */
public record MemoryPlan(List<BufferRequest> requests, int[] offsets, int arenaBytes) {

    public MemoryPlan {
        requests = List.copyOf(requests);
        offsets = offsets.clone();
    }

    @Override
    public int[] offsets() {
        return offsets.clone();
    }

    public int offset(int requestIndex) {
        return offsets[requestIndex];
    }

    /** Re-checks the plan: no two buffers alive at the same step share a byte, all fit in the arena. */
    public void verify() {
        for (int i = 0; i < requests.size(); i++) {
            BufferRequest a = requests.get(i);
            if (offsets[i] < 0 || offsets[i] + a.size() > arenaBytes) {
                throw new IllegalStateException("buffer " + i + " outside the arena");
            }
            for (int j = i + 1; j < requests.size(); j++) {
                BufferRequest b = requests.get(j);
                boolean disjointInMemory = offsets[i] + a.size() <= offsets[j] || offsets[j] + b.size() <= offsets[i];
                if (a.size() > 0 && b.size() > 0 && a.overlapsInTime(b) && !disjointInMemory) {
                    throw new IllegalStateException("buffers " + i + " and " + j + " overlap");
                }
            }
        }
    }
}
