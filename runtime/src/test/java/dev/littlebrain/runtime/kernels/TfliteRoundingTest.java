package dev.littlebrain.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TfliteRoundingTest {
    @Test
    void roundsHalfAwayFromZeroLikeStdRound() {
        assertEquals(-3f, TfliteRounding.round(-2.5f));
        assertEquals(3f, TfliteRounding.round(2.5f));
        assertEquals(-2f, TfliteRounding.round(-2.4999998f));
        assertEquals(0f, TfliteRounding.round(0.49999997f)); // floor(x + 0.5f) in float would give 1
        assertEquals(-0.0f, TfliteRounding.round(-0.2f));
        assertEquals(0.0, TfliteRounding.round(0.49999999999999994));
        assertEquals(-1.0, TfliteRounding.round(-0.5));
        assertEquals(2147483648.0, TfliteRounding.round(2147483647.5));
    }
}
