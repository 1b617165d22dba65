package dev.littlebrain.runtime;

import dev.littlebrain.runtime.kernels.BuiltinOps;
import dev.littlebrain.runtime.memory.BestOfPlanner;
import dev.littlebrain.runtime.memory.MemoryPlanner;

/**
 * How to build an {@link Interpreter}.
 *
 * @param arenaBytes the tensor arena size, or {@link #AUTO} for exactly what the plan needs
 */
public record InterpreterOptions(int arenaBytes, OpResolver resolver, MemoryPlanner planner, boolean profiling,
        int maxArenaBytes) {
    public static final int AUTO = -1;

    /**
     * Default limit on the arena: far beyond any microcontroller, but it turns a corrupt shape into a
     * clear error instead of a multi-gigabyte allocation.
     */
    public static final int DEFAULT_MAX_ARENA_BYTES = 256 << 20;

    public static InterpreterOptions defaults() {
        return new InterpreterOptions(AUTO, BuiltinOps.resolver(), new BestOfPlanner(), false, DEFAULT_MAX_ARENA_BYTES);
    }

    public InterpreterOptions withArenaBytes(int bytes) {
        return new InterpreterOptions(bytes, resolver, planner, profiling, maxArenaBytes);
    }

    public InterpreterOptions withProfiling(boolean on) {
        return new InterpreterOptions(arenaBytes, resolver, planner, on, maxArenaBytes);
    }

    public InterpreterOptions withPlanner(MemoryPlanner p) {
        return new InterpreterOptions(arenaBytes, resolver, p, profiling, maxArenaBytes);
    }

    public InterpreterOptions withResolver(OpResolver r) {
        return new InterpreterOptions(arenaBytes, r, planner, profiling, maxArenaBytes);
    }

    public InterpreterOptions withMaxArenaBytes(int bytes) {
        return new InterpreterOptions(arenaBytes, resolver, planner, profiling, bytes);
    }
}
