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
        // size order: c(64), a(64) (equal sizes last-requested first), b(32). c at 0; a overlaps b only (not yet
        // placed) -> 0; b overlaps a and c -> 64.
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
    void tflmOrderPlacesEqualSizesLastRequestedFirst() {
        // TFLM fills its sort array from the tail and its bubble sort is stable: of two 32-byte buffers alive
        // together, the one requested second is placed first, at offset 0.
        List<BufferRequest> r = List.of(BufferRequest.online(0, 32, 0, 1), BufferRequest.online(1, 32, 1, 2));
        assertArrayEquals(new int[] {32, 0}, GreedyPlanner.tflmOrder().plan(r).offsets());
        assertArrayEquals(new int[] {32, 0}, new TflmGreedyMemoryPlanner().plan(r).offsets());
    }

    @Test
    void tflmOrderGivesTheSameOffsetsAsTheIndependentTflmModel() {
        Random random = new Random(11);
        for (int trial = 0; trial < 2000; trial++) {
            // Few distinct sizes, so that equal sizes (where the tie order matters) are common.
            List<BufferRequest> r = randomRequests(random, 16 * (1 + random.nextInt(4)));
            MemoryPlan ours = GreedyPlanner.tflmOrder().plan(r);
            MemoryPlan tflm = new TflmGreedyMemoryPlanner().plan(r);
            tflm.verify();
            assertArrayEquals(tflm.offsets(), ours.offsets(), "trial " + trial + ": " + r);
        }
    }

    @Test
    void bestOfIsNeverWorseThanTflmsGreedyPlannerAndAlwaysValid() {
        Random random = new Random(7);
        int strictlyBetter = 0;
        for (int trial = 0; trial < 2000; trial++) {
            List<BufferRequest> r = randomRequests(random, 4096);
            MemoryPlan tflm = new TflmGreedyMemoryPlanner().plan(r);
            MemoryPlan best = new BestOfPlanner().plan(r);
            tflm.verify();
            best.verify();
            assertTrue(best.arenaBytes() <= tflm.arenaBytes(), "trial " + trial);
            if (best.arenaBytes() < tflm.arenaBytes()) {
                strictlyBetter++;
            }
        }
        System.out.println("planner: best-of beat TFLM's greedy planner on " + strictlyBetter + " of 2000 random graphs");
        assertTrue(strictlyBetter > 0, "the extra orderings should matter on some graphs");
    }

    @Test
    void tflmModelKeepsOfflineOffsetsAndPlansAroundThem() {
        List<BufferRequest> r = List.of(
                BufferRequest.online(0, 32, 0, 1),
                new BufferRequest(1, 16, 0, 2, 16),
                BufferRequest.online(2, 16, 1, 2));
        MemoryPlan plan = new TflmGreedyMemoryPlanner().plan(r);
        plan.verify();
        // The offline buffer sits at 16; the 32-byte one does not fit below it and goes after it (32); the
        // 16-byte one fits below it (0).
        assertArrayEquals(new int[] {32, 16, 0}, plan.offsets());
        assertEquals(64, plan.arenaBytes());
    }

    private static List<BufferRequest> randomRequests(Random random, int maxSize) {
        List<BufferRequest> r = new ArrayList<>();
        int steps = 2 + random.nextInt(20);
        int n = 1 + random.nextInt(25);
        for (int i = 0; i < n; i++) {
            int first = random.nextInt(steps);
            int last = first + random.nextInt(Math.max(1, Math.min(4, steps - first)));
            r.add(BufferRequest.online(i, MemoryPlanner.alignUp(1 + random.nextInt(maxSize)), first, last));
        }
        return r;
    }

    @Test
    void anInPlaceChainIsPlacedAsOneBlock() {
        // A residual block: x lives through the ADD (step 3); conv y1 -> y2 may write y2 32 bytes below y1; the ADD
        // writes z over y2. Apart, step 2 holds x, y1 and y2 (768 B). As one block y1 sits at 32, y2 and z at 0
        // (288 B): the block, larger than x, goes first at 0 and x after it, at 288.
        List<BufferRequest> r = List.of(
                BufferRequest.online(0, 256, 0, 3),
                BufferRequest.online(1, 256, 1, 2),
                BufferRequest.online(2, 256, 2, 3),
                BufferRequest.online(3, 256, 3, 4));
        List<InPlaceOutput> inPlace = List.of(new InPlaceOutput(2, 1, -32), InPlaceOutput.sameBytes(3, 2));
        MemoryPlan plan = GreedyPlanner.tflmOrder().plan(r, inPlace);
        plan.verify();
        assertArrayEquals(new int[] {288, 32, 0, 0}, plan.offsets());
        assertEquals(544, plan.arenaBytes());
        assertEquals(768, GreedyPlanner.tflmOrder().plan(r).arenaBytes());
        assertEquals(544, new BestOfPlanner().plan(r, inPlace).arenaBytes());
    }

    @Test
    void inPlaceOutputsThePlanCannotHonourArePlannedApart() {
        // Tensor 0 is still read at step 2, after the operator of step 1 writes tensor 1: no overlap allowed. Tensor
        // 2 is planned offline. The in-place plan is then the plain one.
        List<BufferRequest> r = List.of(
                BufferRequest.online(0, 64, 0, 2),
                BufferRequest.online(1, 64, 1, 2),
                new BufferRequest(2, 64, 2, 3, 256),
                BufferRequest.online(3, 64, 3, 3));
        List<InPlaceOutput> inPlace = List.of(InPlaceOutput.sameBytes(1, 0), InPlaceOutput.sameBytes(3, 2),
                InPlaceOutput.sameBytes(3, 7));
        MemoryPlan plan = GreedyPlanner.tflmOrder().plan(r, inPlace);
        plan.verify();
        assertTrue(plan.inPlace().isEmpty());
        assertArrayEquals(GreedyPlanner.tflmOrder().plan(r).offsets(), plan.offsets());
    }

    @Test
    void verifyAcceptsAnInPlaceOutputOnlyAtItsDistance() {
        List<BufferRequest> r = List.of(BufferRequest.online(0, 64, 0, 1), BufferRequest.online(1, 64, 1, 2));
        List<InPlaceOutput> inPlace = List.of(new InPlaceOutput(1, 0, -16));
        new MemoryPlan(r, new int[] {16, 0}, 80, inPlace).verify();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new MemoryPlan(r, new int[] {0, 0}, 64, inPlace).verify());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new MemoryPlan(r, new int[] {16, 0}, 80).verify());
    }

    @Test
    void randomInPlaceChainsGiveValidPlans() {
        Random random = new Random(23);
        int smaller = 0;
        for (int trial = 0; trial < 1000; trial++) {
            List<BufferRequest> r = randomRequests(random, 512);
            List<InPlaceOutput> inPlace = new ArrayList<>();
            for (BufferRequest out : r) {
                for (BufferRequest in : r) {
                    if (in != out && in.lastUse() == out.firstUse() && random.nextInt(3) == 0) {
                        int distance = 16 * (random.nextInt(2 * in.size() / 16 + 1) - in.size() / 16);
                        inPlace.add(new InPlaceOutput(out.tensorIndex(), in.tensorIndex(), distance));
                    }
                }
            }
            for (GreedyPlanner planner : List.of(GreedyPlanner.tflmOrder(),
                    new GreedyPlanner(java.util.Comparator.comparingInt(BufferRequest::firstUse)))) {
                MemoryPlan plan = planner.plan(r, inPlace);
                plan.verify();
                for (InPlaceOutput link : plan.inPlace()) {
                    assertEquals(link.offsetFromInput(), plan.offset(link.outputTensor()) - plan.offset(link.inputTensor()),
                            "trial " + trial);
                }
            }
            if (new BestOfPlanner().plan(r, inPlace).arenaBytes() < new BestOfPlanner().plan(r).arenaBytes()) {
                smaller++;
            }
        }
        System.out.println("planner: in-place outputs shrank the arena on " + smaller + " of 1000 random graphs");
        assertTrue(smaller > 0);
    }

    @Test
    void verifyCatchesOverlap() {
        List<BufferRequest> r = List.of(BufferRequest.online(0, 32, 0, 1), BufferRequest.online(1, 32, 1, 2));
        MemoryPlan broken = new MemoryPlan(r, new int[] {0, 16}, 48);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, broken::verify);
    }
}
