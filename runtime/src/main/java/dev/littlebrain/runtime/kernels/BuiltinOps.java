package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.OpResolver;

/** The resolver with every operator LittleBrain's runtime implements. */
public final class BuiltinOps {
    private BuiltinOps() {
    }

    public static OpResolver resolver() {
        OpResolver.Builder b = OpResolver.builder();
        // Kernels register here, one line each: b.add(BuiltinOperator.X, new XOp());
        return b.build();
    }
}
