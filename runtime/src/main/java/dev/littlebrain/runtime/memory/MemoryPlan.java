package dev.littlebrain.runtime.memory;

import java.util.List;

/**
 * Arena offsets for a list of {@link BufferRequest}s, in request order, and the arena size they need;
 * {@code inPlace}: the outputs placed over their inputs (the only buffers alive together that may share bytes).
 */
public record MemoryPlan(List<BufferRequest> requests, int[] offsets, int arenaBytes, List<InPlaceOutput> inPlace) {

    public MemoryPlan {
        requests = List.copyOf(requests);
        offsets = offsets.clone();
        inPlace = List.copyOf(inPlace);
    }

    /** A plan in which no two buffers alive at the same step share a byte. */
    public MemoryPlan(List<BufferRequest> requests, int[] offsets, int arenaBytes) {
        this(requests, offsets, arenaBytes, List.of());
    }

    @Override
    public int[] offsets() {
        return offsets.clone();
    }

    public int offset(int requestIndex) {
        return offsets[requestIndex];
    }

    /**
     * Re-checks the plan: all buffers fit in the arena, and no two buffers alive at the same step share a byte,
     * except an in-place output and its input, at exactly their distance and alive together only at the step
     * that reads the one and writes the other.
     */
    public void verify() {
        for (int i = 0; i < requests.size(); i++) {
            BufferRequest a = requests.get(i);
            if (offsets[i] < 0 || offsets[i] + a.size() > arenaBytes) {
                throw new IllegalStateException("buffer " + i + " outside the arena");
            }
            for (int j = i + 1; j < requests.size(); j++) {
                BufferRequest b = requests.get(j);
                boolean disjointInMemory = offsets[i] + a.size() <= offsets[j] || offsets[j] + b.size() <= offsets[i];
                if (a.size() > 0 && b.size() > 0 && a.overlapsInTime(b) && !disjointInMemory
                        && !sharesBytesInPlace(i, j) && !sharesBytesInPlace(j, i)) {
                    throw new IllegalStateException("buffers " + i + " and " + j + " overlap");
                }
            }
        }
    }

    /** Whether request {@code out} is an in-place output of request {@code in}, placed as the kernel allows. */
    private boolean sharesBytesInPlace(int out, int in) {
        BufferRequest o = requests.get(out);
        BufferRequest i = requests.get(in);
        for (InPlaceOutput p : inPlace) {
            if (p.outputTensor() == o.tensorIndex() && p.inputTensor() == i.tensorIndex()
                    && offsets[out] - offsets[in] == p.offsetFromInput() && i.lastUse() == o.firstUse()) {
                return true;
            }
        }
        return false;
    }
}
