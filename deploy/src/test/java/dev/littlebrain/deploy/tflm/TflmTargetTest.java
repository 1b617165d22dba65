package dev.littlebrain.deploy.tflm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** TFLM's structure sizes under TF_LITE_STATIC_MEMORY, as sizeof gives them with GCC for Arm EABI and x86-64. */
class TflmTargetTest {

    @Test
    void structSizesOnCortexMAndOn64BitHosts() {
        TflmTarget m = TflmTarget.CORTEX_M;
        TflmTarget h = TflmTarget.HOST_64;
        assertEquals(12, m.evalTensor().size());
        assertEquals(24, h.evalTensor().size());
        assertEquals(40, m.tensor().size());
        assertEquals(64, h.tensor().size());
        assertEquals(32, m.nodeAndRegistration().size());
        assertEquals(64, h.nodeAndRegistration().size());
        assertEquals(12, m.scratchBufferRequest().size());
        assertEquals(16, h.scratchBufferRequest().size());
        assertEquals(24, m.allocationInfo().size());
        assertEquals(32, h.allocationInfo().size());
        assertEquals(8, h.evalTensor().alignment());
    }

    @Test
    void onlyFourAndEightBytePointers() {
        assertThrows(IllegalArgumentException.class, () -> new TflmTarget(2));
    }

    @Test
    void arenaSimulationAlignsTheTailDownAndChecksTempAgainstIt() {
        ArenaSimulation a = new ArenaSimulation();
        a.persistent(20, 4);
        a.persistent(8, 16); // 28 bytes from the end, aligned down to 16: 32
        assertEquals(32, a.tail());
        a.resizeHead(100);
        a.temp(10, 4); // temp ends at 110, tail is 32 from the end: needs 142, a multiple of 16 is 144
        assertEquals(144, a.requiredBytes());
        a.plannerScratch(3, 40); // temp 110 -> 112, tail 32, 120 bytes of planner scratch
        assertEquals(272, a.requiredBytes());
    }
}
