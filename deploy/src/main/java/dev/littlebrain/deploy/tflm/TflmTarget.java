package dev.littlebrain.deploy.tflm;

/**
 * The sizes of TensorFlow Lite Micro's own structures on a target, which depend only on its pointer width:
 * 4 bytes on Cortex-M (and other 32-bit MCUs), 8 on x86-64 and AArch64 hosts. Layouts are those of TFLM built
 * with {@code TF_LITE_STATIC_MEMORY} (its reduced {@code TfLiteTensor} and {@code TfLiteNode}), as its
 * Makefile and every library export build it.
 */
public record TflmTarget(int pointerBytes) {
    /** Cortex-M and other 32-bit targets. */
    public static final TflmTarget CORTEX_M = new TflmTarget(4);
    /** 64-bit hosts (x86-64, AArch64): the example program's build. */
    public static final TflmTarget HOST_64 = new TflmTarget(8);

    public TflmTarget {
        if (pointerBytes != 4 && pointerBytes != 8) {
            throw new IllegalArgumentException("pointer size must be 4 or 8 bytes, not " + pointerBytes);
        }
    }

    CLayout struct() {
        return CLayout.struct(pointerBytes);
    }

    /** TfLiteEvalTensor: data pointer, dims pointer, TfLiteType. */
    CLayout evalTensor() {
        return struct().pointers(2).ints(1);
    }

    /** TfLiteTensor under TF_LITE_STATIC_MEMORY: quantization {type, params}, params {scale, zero_point},
     * data, dims, bytes, type, allocation_type, is_variable. */
    CLayout tensor() {
        return struct().nested(struct().ints(1).pointers(1)).ints(2).pointers(2).sizeT().ints(2).bool();
    }

    /** TfLiteAffineQuantization: scale and zero_point arrays, quantized_dimension. */
    CLayout affineQuantization() {
        return struct().pointers(2).ints(1);
    }

    /** NodeAndRegistration: TfLiteNode (inputs, outputs, intermediates, user_data, builtin_data,
     * custom_initial_data, custom_initial_data_size) and the registration pointer. */
    CLayout nodeAndRegistration() {
        return struct().nested(struct().pointers(6).ints(1)).pointers(1);
    }

    /** SubgraphAllocations: node_and_registrations and tensors arrays. */
    CLayout subgraphAllocations() {
        return struct().pointers(2);
    }

    /** internal::ScratchBufferRequest: bytes, node_idx, subgraph_idx. */
    CLayout scratchBufferRequest() {
        return struct().sizeT().ints(2);
    }

    /** ScratchBufferHandle: the buffer's address. */
    CLayout scratchBufferHandle() {
        return struct().pointers(1);
    }

    /** AllocationInfo: bytes, output_ptr, first_created, last_used, offline_offset, needs_allocating. */
    CLayout allocationInfo() {
        return struct().sizeT().pointers(1).ints(3).bool();
    }

    /** SingleArenaBufferAllocator: two interface vtables, buffer head/tail, head, tail, temp, temp count,
     * temp checksum (intptr_t). */
    CLayout arenaAllocator() {
        return struct().pointers(2).pointers(5).ints(1).sizeT();
    }

    /** GreedyMemoryPlanner: vtable, max/current buffer counts, four arrays, next free and first entry,
     * offsets array, need_to_calculate_offsets. */
    CLayout greedyMemoryPlanner() {
        return struct().pointers(1).ints(2).pointers(4).ints(2).pointers(1).bool();
    }

    /** MicroAllocator: vtable, non-persistent and persistent allocators, planner, builtin data allocator,
     * model_is_allocating, scratch request count, max head usage, scratch head. */
    CLayout microAllocator() {
        return struct().pointers(5).bool().sizeT().sizeT().pointers(1);
    }

    /** MicroBuiltinDataAllocator: vtable and the persistent allocator. */
    CLayout builtinDataAllocator() {
        return struct().pointers(2);
    }
}
