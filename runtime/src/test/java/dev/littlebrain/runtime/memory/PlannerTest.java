package dev.littlebrain.runtime.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlannerTest {

    @Test
    void greedyPlacesLargestFirstAndReusesDeadBuffers() {
        // A chain a -> b -> c: a and c never live together, so c can reuse a's bytes.
        List<BufferRequest> r = List.of(
                BufferRequest.online(0, 64, 0, 0),
                BufferRequest.online(1, 32, 0, 1),
                BufferRequest.online(2, 64, 1, 1));
        MemoryPlan plan = GreedyPlanner.tflmOrder().plan(r);
        plan.verify();
        // size order: a(64), c(64), b(32). a at 0; c overlaps b only (not yet placed) -> 0; b overlaps a and c -> 64.
        assertArrayEquals(new int[] {0, 64, 0}, plan.offsets());
        assertEquals(96, plan.arenaBytes());
    }

    @Test
    void offlineOffsetsAreKept() {
        List<BufferRequest> r = List.of(
                new BufferRequest(0, 16, 0, 2, 128),
                BufferRequest.online(1, 16, 0, 2));
        MemoryPlan plan = new BestOfPlanner().plan(r);
        plan.verify();
        assertEquals(128, plan.offset(0));
        assertEquals(0, plan.offset(1));
        assertEquals(144, plan.arenaBytes());
    }

    @Test
    void bestOfIsNeverWorseThanGreedyAndAlwaysValid() {
        Random random = new Random(7);
        int strictlyBetter = 0;
        for (int trial = 0; trial < 2000; trial++) {
            List<BufferRequest> r = new ArrayList<>();
            int steps = 2 + random.nextInt(20);
            int n = 1 + random.nextInt(25);
            for (int i = 0; i < n; i++) {
                int first = random.nextInt(steps);
                int last = first + random.nextInt(Math.max(1, Math.min(4, steps - first)));
                r.add(BufferRequest.online(i, MemoryPlanner.alignUp(1 + random.nextInt(4096)), first, last));
            }
            MemoryPlan greedy = GreedyPlanner.tflmOrder().plan(r);
            MemoryPlan best = new BestOfPlanner().plan(r);
            greedy.verify();
            best.verify();
            assertTrue(best.arenaBytes() <= greedy.arenaBytes());
            if (best.arenaBytes() < greedy.arenaBytes()) {
                strictlyBetter++;
            }
        }
        System.out.println("planner: best-of beat TFLM's greedy order on " + strictlyBetter + " of 2000 random graphs");
        assertTrue(strictlyBetter > 0, "the extra orderings should matter on some graphs");
    }

    @Test
    void verifyCatchesOverlap() {
        List<BufferRequest> r = List.of(BufferRequest.online(0, 32, 0, 1), BufferRequest.online(1, 32, 1, 2));
        MemoryPlan broken = new MemoryPlan(r, new int[] {0, 16}, 48);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, broken::verify);
    }
}
