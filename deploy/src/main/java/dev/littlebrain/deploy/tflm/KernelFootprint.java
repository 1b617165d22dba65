package dev.littlebrain.deploy.tflm;

import java.util.List;

/**
 * What one operator of a model costs TFLM's arena before the first Invoke, in the order it asks: the builtin
 * parameter struct its parser allocates, the OpData its {@code Init} allocates (16-byte aligned, like every
 * kernel allocation through {@code AllocatePersistentBuffer}), and the steps of its {@code Prepare}.
 *
 * @param builtinData the {@code TfLite*Params} struct, or {@code null} when the parser allocates none
 * @param opDataBytes bytes {@code Init} allocates, 0 when the kernel has no {@code Init}
 */
public record KernelFootprint(CLayout builtinData, int opDataBytes, List<Step> prepare) {

    public KernelFootprint {
        prepare = List.copyOf(prepare);
    }

    /** One allocation a kernel's Prepare makes. */
    public sealed interface Step permits TempTensor, Persistent, Scratch {
    }

    /** {@code AllocateTempInputTensor}/{@code AllocateTempOutputTensor}: a TfLiteTensor (and its quantization) in
     * the temp section, freed only when the operator's Prepare is over. */
    public record TempTensor(int tensorIndex) implements Step {
    }

    /** {@code AllocatePersistentBuffer}: tail memory for the model's lifetime. */
    public record Persistent(int bytes) implements Step {
    }

    /** {@code RequestScratchBufferInArena}: a buffer the memory planner places, alive during this operator. */
    public record Scratch(int bytes) implements Step {
    }
}
