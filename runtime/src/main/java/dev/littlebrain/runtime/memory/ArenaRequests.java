package dev.littlebrain.runtime.memory;

import dev.littlebrain.tflite.Buffer;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.Operator;
import dev.littlebrain.tflite.Subgraph;
import dev.littlebrain.tflite.Tensor;
import dev.littlebrain.tflite.TfliteFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Derives the arena buffers of a subgraph from tensor lifetimes, with TFLite Micro's rules: graph
 * inputs exist from step 0, an operator's outputs from its own step, an input stays alive through the
 * last step that reads it, graph outputs and variables until the end. Constants live in the model,
 * not in the arena.
 */
public final class ArenaRequests {
    /** Name of the metadata entry carrying ahead-of-time planned offsets. */
    public static final String OFFLINE_PLAN_METADATA = "OfflineMemoryAllocation";

    private ArenaRequests() {
    }

    public static List<BufferRequest> of(Model model, Subgraph graph) {
        int tensorCount = graph.tensors().size();
        int steps = Math.max(1, graph.operators().size());
        int[] first = new int[tensorCount];
        int[] last = new int[tensorCount];
        Arrays.fill(first, Integer.MAX_VALUE);
        Arrays.fill(last, -1);
        for (int t : graph.inputs()) {
            first[t] = 0;
            last[t] = Math.max(last[t], 0);
        }
        List<Operator> ops = graph.operators();
        for (int step = 0; step < ops.size(); step++) {
            for (int t : ops.get(step).inputs()) {
                if (t >= 0) {
                    first[t] = Math.min(first[t], step);
                    last[t] = Math.max(last[t], step);
                }
            }
            for (int t : ops.get(step).outputs()) {
                first[t] = Math.min(first[t], step);
                last[t] = Math.max(last[t], step);
            }
        }
        for (int t : graph.outputs()) {
            last[t] = steps - 1;
            first[t] = Math.min(first[t], steps - 1);
        }
        int[] offline = offlineOffsets(model, graph);
        List<BufferRequest> requests = new ArrayList<>();
        for (int t = 0; t < tensorCount; t++) {
            Tensor tensor = graph.tensors().get(t);
            if (model.isConstant(tensor) || last[t] < 0) {
                continue;
            }
            if (tensor.isVariable()) {
                first[t] = 0;
                last[t] = steps - 1;
            }
            long bytes = tensor.byteSize();
            if (bytes < 0) {
                throw new TfliteFormatException("tensor " + t + " ('" + tensor.name() + "') has type "
                        + tensor.type().dtypeName() + ", which the runtime cannot hold in its arena");
            }
            if (bytes > Integer.MAX_VALUE - MemoryPlanner.ALIGNMENT) {
                throw new TfliteFormatException("tensor " + t + " ('" + tensor.name() + "') needs " + bytes
                        + " bytes, more than an arena can hold");
            }
            int size = MemoryPlanner.alignUp((int) bytes);
            int fixed = offline == null ? -1 : offline[t];
            requests.add(new BufferRequest(t, size, first[t], last[t], fixed));
        }
        return requests;
    }

    /** Offsets from the OfflineMemoryAllocation metadata (-1 = plan online), or null when absent. */
    static int[] offlineOffsets(Model model, Subgraph graph) {
        var metadata = model.metadataBuffer(OFFLINE_PLAN_METADATA);
        if (metadata.isEmpty()) {
            return null;
        }
        Buffer b = metadata.get();
        // Layout: int32 version, int32 subgraph index, int32 count, then count int32 offsets.
        if (b.size() < 12 || b.size() % 4 != 0) {
            throw new TfliteFormatException(OFFLINE_PLAN_METADATA + " metadata is malformed (" + b.size() + " bytes)");
        }
        ByteBuffer bb = b.asReadOnlyByteBuffer();
        int count = bb.getInt(8);
        if (count != graph.tensors().size() || b.size() != 12 + 4 * count) {
            throw new TfliteFormatException(OFFLINE_PLAN_METADATA + " metadata lists " + count
                    + " offsets but the subgraph has " + graph.tensors().size() + " tensors");
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = bb.order(ByteOrder.LITTLE_ENDIAN).getInt(12 + 4 * i);
            if (out[i] < -1) {
                throw new TfliteFormatException(OFFLINE_PLAN_METADATA + " metadata has a negative offset for tensor " + i);
            }
        }
        return out;
    }
}
