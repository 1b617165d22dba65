package dev.littlebrain.runtime;

import dev.littlebrain.runtime.memory.InPlaceOutput;
import java.util.List;

/**
 * An operator implementation, e.g. CONV_2D. Like TFLite Micro's Prepare/Eval split: {@code prepare}
 * validates shapes and types and precomputes everything, once; the returned {@link Kernel} evaluates.
 */
public interface Op {
    Kernel prepare(Node node);

    /**
     * Where this operator's output may share bytes with an input, best first: only what its kernels (this runtime's
     * and the c-standalone C ones, which use the same plan) are proven to allow, by the order in which they read
     * and write. The planner uses the first whose input this operator reads last. {@code shapes} carries the
     * operator's shapes, types and options; its tensors have no memory yet. None by default.
     */
    default List<InPlaceOutput> inPlaceOutputs(Node shapes) {
        return List.of();
    }
}
