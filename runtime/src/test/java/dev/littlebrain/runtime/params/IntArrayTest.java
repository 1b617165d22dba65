package dev.littlebrain.runtime.params;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class IntArrayTest {

    @Test
    void neitherTheSourceNorACopyOutChangesIt() {
        int[] source = {3, -1, 7};
        IntArray a = IntArray.of(source);
        source[0] = 99;
        a.toArray()[1] = 99;
        assertArrayEquals(new int[] {3, -1, 7}, a.toArray());
        assertEquals(3, a.length());
        assertEquals(-1, a.get(1));
    }

    @Test
    void recordsHoldingOneCompareByValues() {
        Requantization x = new Requantization(128, IntArray.of(1 << 30, 1 << 29), IntArray.of(-7, -8), -5,
                new ActivationRange(-128, 127));
        Requantization y = new Requantization(128, IntArray.of(1 << 30, 1 << 29), IntArray.of(-7, -8), -5,
                new ActivationRange(-128, 127));
        assertEquals(x, y);
        assertEquals(x.hashCode(), y.hashCode());
        assertNotEquals(x, new Requantization(128, IntArray.of(1 << 30, 1 << 29), IntArray.of(-7, -9), -5,
                new ActivationRange(-128, 127)));
    }
}
