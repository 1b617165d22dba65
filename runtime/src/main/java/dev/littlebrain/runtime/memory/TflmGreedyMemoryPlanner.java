package dev.littlebrain.runtime.memory;

import java.util.List;

/**
 * A model of TensorFlow Lite Micro's {@code GreedyMemoryPlanner} (tensorflow/lite/micro/memory_planner),
 * written from its published behaviour rather than from {@link GreedyPlanner}, so that each can be checked
 * against the other:
 * <ul>
 *   <li>offline-planned buffers come first, in request order, at their fixed offsets;</li>
 *   <li>online buffers are written into the sort array from its tail — the last request first — and then
 *       bubble-sorted by size, descending; the bubble sort only swaps strictly smaller-before-larger pairs,
 *       so buffers of equal size end up in <em>reverse</em> request order;</li>
 *   <li>the first buffer of that order goes to offset 0; each next one walks the placed buffers in offset
 *       order, considering only those alive at an overlapping time, and takes the first gap that fits
 *       (or the end of the last one).</li>
 * </ul>
 * Buffers of size 0 take part like any other (TFLM does not skip them).
 */
public final class TflmGreedyMemoryPlanner implements MemoryPlanner {

    /** Bytes of planner scratch TFLM needs per buffer: requirements (16), sorted size and id, list entry (12), offset. */
    public static final int PER_BUFFER_BYTES = 16 + 4 + 4 + 12 + 4;

    @Override
    public MemoryPlan plan(List<BufferRequest> requests) {
        int n = requests.size();
        int[] offsets = new int[n];
        if (n == 0) {
            return new MemoryPlan(requests, offsets, 0);
        }
        int[] sortedIds = new int[n];
        int[] sortedSizes = new int[n];
        int head = 0;
        int tail = n;
        for (int i = 0; i < n; i++) {
            BufferRequest r = requests.get(i);
            if (r.isOffline()) {
                sortedIds[head] = i;
                sortedSizes[head] = r.size();
                offsets[i] = r.offlineOffset();
                head++;
            } else {
                tail--;
                sortedIds[tail] = i;
                sortedSizes[tail] = r.size();
                offsets[i] = -1;
            }
        }
        bubbleSortDescending(sortedSizes, sortedIds, head, n);

        // The placed buffers as a list ordered by offset: entry k is the k-th placed buffer.
        int[] entryRequest = new int[n];
        int[] entryOffset = new int[n];
        int[] entryNext = new int[n];
        int first = 0;
        int used = 1;
        entryRequest[0] = sortedIds[0];
        if (!requests.get(sortedIds[0]).isOffline()) {
            offsets[sortedIds[0]] = 0;
        }
        entryOffset[0] = offsets[sortedIds[0]];
        entryNext[0] = -1;

        for (int s = 1; s < n; s++) {
            int id = sortedIds[s];
            BufferRequest wanted = requests.get(id);
            int candidate = 0;
            if (wanted.isOffline()) {
                candidate = wanted.offlineOffset();
            } else {
                int prior = -1;
                while (true) {
                    int next = nextAliveAtTheSameTime(requests, entryRequest, entryNext,
                            prior == -1 ? first : entryNext[prior], wanted);
                    if (prior != -1) {
                        candidate = Math.max(candidate, entryOffset[prior] + requests.get(entryRequest[prior]).size());
                    }
                    if (next == -1 || entryOffset[next] - candidate >= wanted.size()) {
                        break;
                    }
                    prior = next;
                }
            }
            offsets[id] = candidate;
            int entry = used++;
            entryRequest[entry] = id;
            entryOffset[entry] = candidate;
            if (entryOffset[first] > candidate) {
                entryNext[entry] = first;
                first = entry;
            } else {
                int current = first;
                while (entryNext[current] != -1 && entryOffset[entryNext[current]] <= candidate) {
                    current = entryNext[current];
                }
                entryNext[entry] = entryNext[current];
                entryNext[current] = entry;
            }
        }
        int arena = 0;
        for (int i = 0; i < n; i++) {
            arena = Math.max(arena, offsets[i] + requests.get(i).size());
        }
        return new MemoryPlan(requests, offsets, arena);
    }

    /** TFLM's sort: repeated passes swapping neighbours whose left size is strictly smaller (stable). */
    private static void bubbleSortDescending(int[] sizes, int[] ids, int from, int to) {
        boolean swapped;
        do {
            swapped = false;
            for (int i = from + 1; i < to; i++) {
                if (sizes[i - 1] < sizes[i]) {
                    int size = sizes[i - 1];
                    sizes[i - 1] = sizes[i];
                    sizes[i] = size;
                    int id = ids[i - 1];
                    ids[i - 1] = ids[i];
                    ids[i] = id;
                    swapped = true;
                }
            }
        } while (swapped);
    }

    /** From list entry {@code start} on, the first entry whose buffer is alive while {@code wanted} is; -1 if none. */
    private static int nextAliveAtTheSameTime(List<BufferRequest> requests, int[] entryRequest, int[] entryNext,
            int start, BufferRequest wanted) {
        for (int e = start; e != -1; e = entryNext[e]) {
            BufferRequest placed = requests.get(entryRequest[e]);
            if (placed.firstUse() <= wanted.lastUse() && wanted.firstUse() <= placed.lastUse()) {
                return e;
            }
        }
        return -1;
    }
}
