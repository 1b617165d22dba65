package dev.littlebrain.runtime.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Accuracy of the fixed-point functions (bit-exactness is checked against an independent model in ActivationOpsTest). */
class GemmlowpMathTest {
    private static final double Q31 = 0x1p31;

    @Test
    void primitives() {
        assertEquals(Integer.MAX_VALUE, GemmlowpMath.saturatingRoundingMultiplyByPOT(1 << 29, 2));
        assertEquals(Integer.MIN_VALUE, GemmlowpMath.saturatingRoundingMultiplyByPOT(-(1 << 29) - 1, 2));
        assertEquals(-(1 << 30), GemmlowpMath.saturatingRoundingMultiplyByPOT(-(1 << 28), 2));
        assertEquals(-2, GemmlowpMath.saturatingRoundingMultiplyByPOT(-6, -2)); // -1.5 rounds away from zero
        assertEquals(2, GemmlowpMath.saturatingRoundingMultiplyByPOT(6, -2));
        assertEquals(Integer.MAX_VALUE, GemmlowpMath.roundingHalfSum(Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertEquals(-2, GemmlowpMath.roundingHalfSum(-1, -2)); // -1.5 → -2
        assertEquals(2, GemmlowpMath.roundingHalfSum(1, 2));
    }

    @Test
    void expOnNegativeValuesIsAccurateInEveryInputFormat() {
        assertEquals(Integer.MAX_VALUE, GemmlowpMath.expOnNegativeValues(0, 5));
        for (int bits : new int[] {0, 4, 5, 12}) {
            for (double x = -Math.min(31.9, Math.pow(2, bits)) ; x < 0; x += 0.0137) {
                int raw = (int) Math.round(x * Math.pow(2, 31 - bits));
                double got = GemmlowpMath.expOnNegativeValues(raw, bits) / Q31;
                assertEquals(Math.exp(raw / Math.pow(2, 31 - bits)), got, 3e-7, "bits " + bits + " x " + x);
            }
        }
    }

    @Test
    void reciprocalsAreAccurate() {
        for (double x = 0.001; x < 1; x += 0.00731) {
            int raw = (int) Math.round(x * Q31);
            double a = raw / Q31;
            assertEquals(1 / (1 + a), GemmlowpMath.oneOverOnePlusXForXIn01(raw) / Q31, 2e-8, "x " + x);
            assertEquals((1 - a) / (1 + a), GemmlowpMath.oneMinusXOverOnePlusXForXIn01(raw) / Q31, 2e-8, "x " + x);
        }
    }

    @Test
    void tanhAndLogisticInQ4() {
        assertEquals(0, GemmlowpMath.tanh(0, 4));
        assertEquals(1 << 30, GemmlowpMath.logistic(0, 4));
        for (double x = -15.9; x < 15.9; x += 0.0371) {
            int raw = (int) Math.round(x * 0x1p27);
            double a = raw / 0x1p27;
            assertEquals(Math.tanh(a), GemmlowpMath.tanh(raw, 4) / Q31, 3e-7, "tanh " + x);
            assertEquals(1 / (1 + Math.exp(-a)), GemmlowpMath.logistic(raw, 4) / Q31, 3e-7, "logistic " + x);
            assertTrue(GemmlowpMath.tanh(raw, 4) == -GemmlowpMath.tanh(-raw, 4), "odd symmetry at " + x);
        }
    }

    @Test
    void inputRadiusMatchesTflite() {
        // 15 * 2^27 / 2^24 = 120: inputs beyond ±120 LSB saturate tanh/logistic at input scale 0.1.
        assertEquals(120, GemmlowpMath.calculateInputRadius(4, 24, 31));
        // Softmax: 31 * 2^26 / 2^20
        assertEquals(1984, GemmlowpMath.calculateInputRadius(5, 20, 31));
    }
}
