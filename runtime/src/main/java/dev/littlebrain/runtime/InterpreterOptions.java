package dev.littlebrain.runtime;

import dev.littlebrain.runtime.kernels.BuiltinOps;
import dev.littlebrain.runtime.memory.BestOfPlanner;
import dev.littlebrain.runtime.memory.MemoryPlanner;

/**
 * How to build an {@link Interpreter}.
 *
 * @param arenaBytes the tensor arena size, or {@link #AUTO} for exactly what the plan needs
 */
public record InterpreterOptions(int arenaBytes, OpResolver resolver, MemoryPlanner planner, boolean profiling) {
    public static final int AUTO = -1;

    public static InterpreterOptions defaults() {
        return new InterpreterOptions(AUTO, BuiltinOps.resolver(), new BestOfPlanner(), false);
    }

    public InterpreterOptions withArenaBytes(int bytes) {
        return new InterpreterOptions(bytes, resolver, planner, profiling);
    }

    public InterpreterOptions withProfiling(boolean on) {
        return new InterpreterOptions(arenaBytes, resolver, planner, on);
    }

    public InterpreterOptions withPlanner(MemoryPlanner p) {
        return new InterpreterOptions(arenaBytes, resolver, p, profiling);
    }

    public InterpreterOptions withResolver(OpResolver r) {
        return new InterpreterOptions(arenaBytes, r, planner, profiling);
    }
}
