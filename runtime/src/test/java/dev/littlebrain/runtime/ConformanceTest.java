package dev.littlebrain.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.littlebrain.runtime.memory.MemoryPlan;
import dev.littlebrain.runtime.memory.TflmArenaRequests;
import dev.littlebrain.runtime.memory.TflmGreedyMemoryPlanner;
import dev.littlebrain.tflite.ConformanceCases;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance: every case of {@code ../shared/conformance} — int8 outputs byte-identical to TensorFlow
 * Lite Micro's reference kernels, float outputs within the case's tolerance.
 */
class ConformanceTest {

    static Stream<Path> cases() {
        return ConformanceCases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTfliteMicroGoldens(Path dir) {
        ConformanceCase c = ConformanceCase.load(dir);
        Interpreter interpreter = new Interpreter(c.model());
        for (int k = 0; k < c.examples(); k++) {
            ConformanceCase.feed(interpreter, c.input(k));
            interpreter.invoke();
            byte[] actual = ConformanceCase.collect(interpreter);
            byte[] expected = c.output(k);
            assertEquals(expected.length, actual.length, c.name() + " example " + k + ": output size");
            if (c.isExact()) {
                if (!Arrays.equals(expected, actual)) {
                    fail(c.name() + " example " + k + ": expected " + Arrays.toString(expected) + " but got "
                            + Arrays.toString(actual));
                }
            } else {
                double diff = ConformanceCase.maxFloatDiff(expected, actual);
                assertTrue(diff <= c.tolerance(), c.name() + " example " + k + ": max abs diff " + diff
                        + " > tolerance " + c.tolerance());
            }
        }
        System.out.println("conformance " + c.name() + ": " + c.examples() + " examples "
                + (c.isExact() ? "byte-identical" : "within " + c.tolerance()) + ", arena " + interpreter.arenaBytes()
                + " B (greedy " + interpreter.greedyArenaBytes() + " B)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void arenaNeverExceedsTflmsGreedyPlan(Path dir) {
        ConformanceCase c = ConformanceCase.load(dir);
        Interpreter interpreter = new Interpreter(c.model());
        interpreter.memoryPlan().verify();
        // TFLM's plan modelled independently (its lifetimes, its planner), not our GreedyPlanner's TFLM order.
        MemoryPlan tflm = new TflmGreedyMemoryPlanner().plan(TflmArenaRequests.of(c.model(), List.of()));
        tflm.verify();
        assertTrue(interpreter.arenaBytes() <= tflm.arenaBytes(),
                c.name() + ": arena " + interpreter.arenaBytes() + " > TFLM's greedy plan " + tflm.arenaBytes());
        assertEquals(tflm.arenaBytes(), interpreter.greedyArenaBytes(), c.name() + ": TFLM's order on our lifetimes");
    }
}
