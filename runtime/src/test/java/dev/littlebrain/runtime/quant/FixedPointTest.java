package dev.littlebrain.runtime.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Values worked out from gemmlowp's fixedpoint.h and TFLite's common.cc / quantization_util.cc. */
class FixedPointTest {

    @Test
    void saturatingRoundingDoublingHighMul() {
        assertEquals(Integer.MAX_VALUE, FixedPoint.saturatingRoundingDoublingHighMul(Integer.MIN_VALUE,
                Integer.MIN_VALUE));
        assertEquals(1 << 29, FixedPoint.saturatingRoundingDoublingHighMul(1 << 30, 1 << 30));
        // 0.5 rounds up for positive products; -0.5 goes to 0 (the nudge is 1 - 2^30, division truncates).
        assertEquals(1, FixedPoint.saturatingRoundingDoublingHighMul(1, 1 << 30));
        assertEquals(0, FixedPoint.saturatingRoundingDoublingHighMul(-1, 1 << 30));
        assertEquals(-1, FixedPoint.saturatingRoundingDoublingHighMul(-3, 1 << 30));
    }

    @Test
    void roundingDivideByPowerOfTwoRoundsHalfAwayFromZero() {
        assertEquals(2, FixedPoint.roundingDivideByPOT(3, 1));
        assertEquals(-2, FixedPoint.roundingDivideByPOT(-3, 1));
        assertEquals(-1, FixedPoint.roundingDivideByPOT(-5, 2));
        assertEquals(1, FixedPoint.roundingDivideByPOT(5, 2));
        assertEquals(0, FixedPoint.roundingDivideByPOT(Integer.MAX_VALUE, 31) - 1);
        assertEquals(7, FixedPoint.roundingDivideByPOT(7, 0));
    }

    @Test
    void quantizeMultiplierMatchesFrexpEncoding() {
        assertEquals(new QuantizedMultiplier(1 << 30, 0), QuantizedMultiplier.of(0.5));
        assertEquals(new QuantizedMultiplier(1 << 30, 1), QuantizedMultiplier.of(1.0));
        assertEquals(new QuantizedMultiplier(1 << 30, 2), QuantizedMultiplier.of(2.0));
        assertEquals(new QuantizedMultiplier(1 << 30, -1), QuantizedMultiplier.of(0.25));
        // q * 2^31 rounds up to 2^31: halve and bump the exponent.
        assertEquals(new QuantizedMultiplier(1 << 30, 1), QuantizedMultiplier.of(1.0 - 0x1p-40));
        // Below 2^-32 everything would be shifted out: flushed to zero.
        assertEquals(new QuantizedMultiplier(0, 0), QuantizedMultiplier.of(0x1p-40));
    }

    @Test
    void multiplyByQuantizedMultiplierIsWithinOneOfTheRealProduct() {
        Random r = new Random(1);
        for (int i = 0; i < 10000; i++) {
            double real = Math.exp(r.nextDouble() * 16 - 12);
            int x = r.nextInt(1 << 20) - (1 << 19);
            int actual = QuantizedMultiplier.of(real).apply(x);
            assertTrue(Math.abs(actual - x * real) <= 1.0, x + " * " + real + " gave " + actual);
        }
    }

    @Test
    void int64VariantReducesTheMultiplierTo16Bits() {
        QuantizedMultiplier m = QuantizedMultiplier.of(0.75); // 0x60000000, shift 0 -> reduced 0x6000
        assertEquals(750_000, FixedPoint.multiplyByQuantizedMultiplier(1_000_000L, m.multiplier(), m.shift()));
        // Rounding is half up on the 64-bit product: -2 * 0.75 = -1.5 -> -1.
        assertEquals(-1, FixedPoint.multiplyByQuantizedMultiplier(-2L, m.multiplier(), m.shift()));
        // A multiplier at or above 0x7FFF0000 is capped at 0x7FFF rather than rounded to 0x8000.
        assertEquals(0x7FFF, FixedPoint.multiplyByQuantizedMultiplier(1L << 15, 0x7FFFFFFF, 0));
    }

    @Test
    void int64VariantNarrowsByTruncationLikeCommonCc() {
        // Outside the documented |x| < 2^47 contract common.cc does `int32_t result = x >> total_shift`:
        // the low 32 bits survive. 2^46 * 0x7FFF >> 8 = 0x7FFF * 2^38, whose low 32 bits are 0.
        assertEquals(0, FixedPoint.multiplyByQuantizedMultiplier(1L << 46, 0x7FFFFFFF, 7));
    }
}
