package dev.littlebrain.runtime.quant;

/**
 * gemmlowp's fixed-point transcendental functions ({@code fixedpoint/fixedpoint.h}) on scalar int32
 * raw values, as TFLite's reference int8 SOFTMAX, TANH and LOGISTIC use them. A value in format
 * Q{@code m}.{@code 31-m} ("{@code m} integer bits") is passed as its raw int plus, where the format
 * matters, the number of integer bits.
 *
 * <p>Every step keeps gemmlowp's exact operation order and rounding: products are
 * {@link FixedPoint#saturatingRoundingDoublingHighMul}, additions wrap like int32 (gemmlowp's are
 * plain, non-saturating adds for 32-bit raws), rescaling to fewer integer bits is a saturating left
 * shift and to more integer bits a rounding right shift. Any change here changes output bytes.
 */
public final class GemmlowpMath {
    /** exp(-1/8) in Q0.31: the expansion point of the Taylor polynomial. */
    private static final int EXP_MINUS_ONE_EIGHTH = 1895147668;
    private static final int ONE_THIRD = 715827883;
    /** exp(-2^k) in Q0.31 for k = -2..4, the barrel shifter's factors. */
    private static final int[] EXP_OF_MINUS_POT = {1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242};
    /** 48/17 and -32/17 in Q2.29: the Newton-Raphson division's initial estimate. */
    private static final int FORTY_EIGHT_OVER_SEVENTEEN = 1515870810;
    private static final int MINUS_THIRTY_TWO_OVER_SEVENTEEN = -1010580540;
    private static final int Q2_ONE = 1 << 29;

    private GemmlowpMath() {
    }

    /** Fixed-point product: the integer bits of the operands add up. */
    public static int mul(int a, int b) {
        return FixedPoint.saturatingRoundingDoublingHighMul(a, b);
    }

    /** {@code (a + b) / 2} rounded half away from zero, computed without overflow (NEON's VRHADD). */
    public static int roundingHalfSum(int a, int b) {
        long sum = (long) a + (long) b;
        long sign = sum >= 0 ? 1 : -1;
        return (int) ((sum + sign) / 2);
    }

    /**
     * {@code x * 2^exponent}: a left shift saturating to the int32 range for positive exponents, a
     * rounding right shift for negative ones.
     */
    public static int saturatingRoundingMultiplyByPOT(int x, int exponent) {
        if (exponent == 0) {
            return x;
        }
        if (exponent < 0) {
            return FixedPoint.roundingDivideByPOT(x, -exponent);
        }
        int threshold = (1 << (31 - exponent)) - 1;
        if (x > threshold) {
            return Integer.MAX_VALUE;
        }
        if (x < -threshold) {
            return Integer.MIN_VALUE;
        }
        return x << exponent;
    }

    /** gemmlowp's {@code Rescale}: re-expresses a raw value with {@code srcIntegerBits} in {@code dstIntegerBits}. */
    public static int rescale(int raw, int srcIntegerBits, int dstIntegerBits) {
        return saturatingRoundingMultiplyByPOT(raw, srcIntegerBits - dstIntegerBits);
    }

    /** exp(a) for a in [-1/4, 0), a and result in Q0.31: a 4th-order Taylor expansion around -1/8. */
    public static int expOnIntervalBetweenNegativeOneQuarterAnd0Excl(int a) {
        int x = a + (1 << 28); // x = a + 1/8
        int x2 = mul(x, x);
        int x3 = mul(x2, x);
        int x4 = mul(x2, x2);
        int x4Over4 = saturatingRoundingMultiplyByPOT(x4, -2);
        int x4Over24PlusX3Over6PlusX2Over2 = saturatingRoundingMultiplyByPOT(mul(x4Over4 + x3, ONE_THIRD) + x2, -1);
        return EXP_MINUS_ONE_EIGHTH + mul(EXP_MINUS_ONE_EIGHTH, x + x4Over24PlusX3Over6PlusX2Over2);
    }

    /**
     * exp(a) for a ≤ 0 in Q{@code integerBits}, result in Q0.31. The input is split into a remainder in
     * [-1/4, 0) (polynomial) and a multiple of 1/4 whose bits select factors exp(-2^k).
     */
    public static int expOnNegativeValues(int a, int integerBits) {
        int fractionalBits = 31 - integerBits;
        int oneQuarter = 1 << (fractionalBits - 2);
        int mask = oneQuarter - 1;
        int aModQuarterMinusOneQuarter = (a & mask) - oneQuarter;
        int result = expOnIntervalBetweenNegativeOneQuarterAnd0Excl(rescale(aModQuarterMinusOneQuarter, integerBits, 0));
        int remainder = aModQuarterMinusOneQuarter - a;
        for (int exponent = -2; exponent <= 4; exponent++) {
            if (integerBits > exponent) {
                int shift = fractionalBits + exponent;
                if ((remainder & (1 << shift)) != 0) {
                    result = mul(result, EXP_OF_MINUS_POT[exponent + 2]);
                }
            }
        }
        if (integerBits > 5) {
            // exp(x) for x < -32 underflows Q0.31; gemmlowp flushes it to zero explicitly.
            int clamp = -(1 << (36 - integerBits));
            if (a < clamp) {
                result = 0;
            }
        }
        return a == 0 ? Integer.MAX_VALUE : result;
    }

    /** (1 - a) / (1 + a) for a in (0, 1), Q0.31 in and out: three Newton-Raphson steps in Q2.29. */
    public static int oneMinusXOverOnePlusXForXIn01(int a) {
        int x = newtonRaphsonReciprocalOfHalfSum(roundingHalfSum(a, Integer.MAX_VALUE));
        return rescale(x - Q2_ONE, 2, 0);
    }

    /** 1 / (1 + a) for a in (0, 1), Q0.31 in and out. */
    public static int oneOverOnePlusXForXIn01(int a) {
        int x = newtonRaphsonReciprocalOfHalfSum(roundingHalfSum(a, Integer.MAX_VALUE));
        // ExactMulByPot<-1> only relabels Q2.29 as Q1.30; Rescale<0> then shifts by one.
        return rescale(x, 1, 0);
    }

    /** 1 / halfDenominator in Q2.29, for halfDenominator = (1 + a) / 2 in [1/2, 1). */
    private static int newtonRaphsonReciprocalOfHalfSum(int halfDenominator) {
        int x = FORTY_EIGHT_OVER_SEVENTEEN + mul(halfDenominator, MINUS_THIRTY_TWO_OVER_SEVENTEEN);
        for (int i = 0; i < 3; i++) {
            int halfDenominatorTimesX = mul(halfDenominator, x);
            int oneMinusHalfDenominatorTimesX = Q2_ONE - halfDenominatorTimesX;
            x = x + rescale(mul(x, oneMinusHalfDenominatorTimesX), 4, 2);
        }
        return x;
    }

    /** tanh(a) for a in Q{@code integerBits}, result in Q0.31: (1 - exp(-2|a|)) / (1 + exp(-2|a|)). */
    public static int tanh(int a, int integerBits) {
        if (a == 0) {
            return 0;
        }
        boolean negative = a < 0;
        int nonPositive = negative ? a : -a;
        // ExactMulByPot<1>: doubling by relabelling the raw value with one more integer bit.
        int t = oneMinusXOverOnePlusXForXIn01(expOnNegativeValues(nonPositive, integerBits + 1));
        return negative ? -t : t;
    }

    /** logistic(a) = 1 / (1 + exp(-a)) for a in Q{@code integerBits}, result in Q0.31. */
    public static int logistic(int a, int integerBits) {
        if (a == 0) {
            return 1 << 30;
        }
        boolean positive = a > 0;
        int abs = positive ? a : -a;
        int resultIfPositive = oneOverOnePlusXForXIn01(expOnNegativeValues(-abs, integerBits));
        return positive ? resultIfPositive : Integer.MAX_VALUE - resultIfPositive;
    }

    /**
     * TFLite's {@code CalculateInputRadius}: the largest input magnitude (in input units) that still
     * fits Q{@code integerBits} after the left shift; inputs beyond it saturate without evaluation.
     */
    public static int calculateInputRadius(int integerBits, int inputLeftShift, int totalSignedBits) {
        double maxInputRescaled = 1.0 * ((1 << integerBits) - 1) * (double) (1L << (totalSignedBits - integerBits))
                / (double) (1L << inputLeftShift);
        return (int) Math.floor(maxInputRescaled);
    }
}
