package dev.littlebrain.runtime.memory;

import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Operator;
import dev.littlebrain.tflite.Subgraph;
import dev.littlebrain.tflite.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The buffers TensorFlow Lite Micro's allocator hands its memory planner for the main subgraph, in the
 * order it adds them, derived with the rules of its {@code AllocationInfoBuilder} (micro_allocation_info.cc)
 * independently of {@link ArenaRequests}:
 * <ul>
 *   <li>time is counted in allocation scopes: the graph's inputs are created at scope 0, operator {@code i}
 *       runs in scope {@code i + 1};</li>
 *   <li>an operator's outputs are created in its scope, every tensor it reads is last used in its scope, and the
 *       graph's outputs stay until the last scope;</li>
 *   <li>a tensor is planned when it has no data in the model, is not a variable (those are allocated
 *       persistently) and has a non-zero size — even when no operator touches it (its lifetime stays -1..-1);</li>
 *   <li>sizes are rounded up to {@code MicroArenaBufferAlignment()} (16);</li>
 *   <li>kernel scratch buffers follow all tensors, in request order, alive during their operator's scope.</li>
 * </ul>
 */
public final class TflmArenaRequests {
    private static final int UNINITIALIZED = -1;

    private TflmArenaRequests() {
    }

    /** A kernel's {@code RequestScratchBufferInArena} during Prepare of operator {@code operatorIndex}. */
    public record ScratchRequest(int operatorIndex, int bytes) {
    }

    /** The planner's buffers: one per planned tensor (tensor index as given), then one per scratch request (-1). */
    public static List<BufferRequest> of(Model model, List<ScratchRequest> scratch) {
        Subgraph graph = model.mainSubgraph();
        int count = graph.tensors().size();
        int[] first = new int[count];
        int[] last = new int[count];
        Arrays.fill(first, UNINITIALIZED);
        Arrays.fill(last, UNINITIALIZED);
        for (int t : graph.inputs()) {
            created(first, last, t, 0);
        }
        for (int t : graph.outputs()) {
            created(first, last, t, 0);
        }
        List<Operator> ops = graph.operators();
        int[] scratchFirst = new int[scratch.size()];
        int[] scratchLast = new int[scratch.size()];
        Arrays.fill(scratchFirst, UNINITIALIZED);
        Arrays.fill(scratchLast, UNINITIALIZED);
        int scope = 0;
        for (int i = 0; i < ops.size(); i++) {
            scope++;
            Operator op = ops.get(i);
            for (int t : op.outputs()) {
                created(first, last, t, scope);
            }
            for (int t : op.inputs()) {
                if (t >= 0) {
                    last[t] = scope;
                }
            }
            for (int t : op.outputs()) {
                last[t] = scope;
            }
            for (int s = 0; s < scratch.size(); s++) {
                if (scratch.get(s).operatorIndex() == i) {
                    scratchFirst[s] = scope;
                    scratchLast[s] = scope;
                }
            }
        }
        for (int t : graph.outputs()) {
            last[t] = scope;
        }
        int[] offline = ArenaRequests.offlineOffsets(model, graph);
        List<BufferRequest> requests = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            Tensor tensor = graph.tensors().get(t);
            long bytes = Math.max(0, tensor.byteSize());
            if (model.isConstant(tensor) || tensor.isVariable() || bytes == 0) {
                continue;
            }
            requests.add(new BufferRequest(t, alignUp(bytes), first[t], last[t], offline == null ? -1 : offline[t]));
        }
        for (int s = 0; s < scratch.size(); s++) {
            requests.add(new BufferRequest(-1, alignUp(scratch.get(s).bytes()), scratchFirst[s], scratchLast[s], -1));
        }
        return requests;
    }

    /** TFLM's UpdateFirstCreated: a creation sets both ends to the scope (a producer overrides the graph-level mark). */
    private static void created(int[] first, int[] last, int tensor, int scope) {
        first[tensor] = scope;
        last[tensor] = scope;
    }

    private static int alignUp(long bytes) {
        if (bytes > Integer.MAX_VALUE - MemoryPlanner.ALIGNMENT) {
            throw new IllegalArgumentException(bytes + " bytes do not fit an arena");
        }
        return MemoryPlanner.alignUp((int) bytes);
    }
}
