package dev.littlebrain.runtime.kernels;

import java.math.BigInteger;

/**
 * A second, independently written model of TFLM's int8 TANH/LOGISTIC, for cross-checking the kernels:
 * gemmlowp's typed fixed-point values are modelled as (raw, integerBits) pairs with the type rules
 * of its templates (a product adds integer bits, Rescale changes them), and the primitive roundings
 * are computed with BigInteger instead of the production code's long tricks.
 */
final class ReferenceSigmoids {
    private ReferenceSigmoids() {
    }

    /** A gemmlowp FixedPoint&lt;int32, bits&gt;. */
    private record F(int raw, int bits) {
        F times(F o) {
            return new F(srdhm(raw, o.raw), bits + o.bits);
        }

        F plus(F o) {
            check(o);
            return new F(raw + o.raw, bits);
        }

        F minus(F o) {
            check(o);
            return new F(raw - o.raw, bits);
        }

        F rescale(int dstBits) {
            return new F(mulByPot(raw, bits - dstBits), dstBits);
        }

        F relabel(int dstBits) {
            return new F(raw, dstBits);
        }

        private void check(F o) {
            if (o.bits != bits) {
                throw new IllegalArgumentException(bits + " vs " + o.bits);
            }
        }

        static F one(int bits) {
            return new F(bits == 0 ? Integer.MAX_VALUE : 1 << (31 - bits), bits);
        }

        static F pot(int bits, int exponent) {
            return new F(1 << (31 - bits + exponent), bits);
        }
    }

    /** Round-to-nearest (ties away from zero) of a * b / 2^31, saturating. */
    static int srdhm(int a, int b) {
        if (a == Integer.MIN_VALUE && b == Integer.MIN_VALUE) {
            return Integer.MAX_VALUE;
        }
        BigInteger p = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
        BigInteger nudge = BigInteger.valueOf(p.signum() >= 0 ? (1L << 30) : 1 - (1L << 30));
        // C++ integer division truncates toward zero, as BigInteger.divide does.
        return p.add(nudge).divide(BigInteger.ONE.shiftLeft(31)).intValueExact();
    }

    /** Rounding (half away from zero) division by 2^e. */
    static int rdbpot(int x, int e) {
        if (e == 0) {
            return x;
        }
        double exact = x / Math.pow(2, e);
        long floor = (long) Math.floor(exact);
        double frac = exact - floor;
        if (frac > 0.5 || (frac == 0.5 && x > 0)) {
            return (int) (floor + 1);
        }
        return (int) floor;
    }

    static int mulByPot(int x, int e) {
        if (e <= 0) {
            return rdbpot(x, -e);
        }
        long v = (long) x << e;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    static F expSmall(F a) { // a in [-1/4, 0), bits 0
        F constantTerm = new F(1895147668, 0);
        F oneThird = new F(715827883, 0);
        F x = a.plus(F.pot(0, -3));
        F x2 = x.times(x);
        F x3 = x2.times(x);
        F x4 = x2.times(x2);
        F x4Over4 = new F(rdbpot(x4.raw(), 2), 0);
        F poly = new F(rdbpot(x4Over4.plus(x3).times(oneThird).plus(x2).raw(), 1), 0);
        return constantTerm.plus(constantTerm.times(x.plus(poly)));
    }

    static F expNegative(F a) {
        int bits = a.bits();
        F quarter = F.pot(bits, -2);
        int mask = quarter.raw() - 1;
        F modMinusQuarter = new F(a.raw() & mask, bits).minus(quarter);
        F result = expSmall(modMinusQuarter.rescale(0));
        int remainder = modMinusQuarter.minus(a).raw();
        int[] multipliers = {1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242};
        for (int k = -2; k <= 4; k++) {
            if (bits > k && (remainder & (1 << (31 - bits + k))) != 0) {
                result = result.times(new F(multipliers[k + 2], 0));
            }
        }
        if (bits > 5 && a.raw() < -(1 << (36 - bits))) {
            result = new F(0, 0);
        }
        return a.raw() == 0 ? F.one(0) : result;
    }

    private static F newton(F halfDenominator) {
        F x = new F(1515870810, 2).plus(halfDenominator.times(new F(-1010580540, 2)));
        for (int i = 0; i < 3; i++) {
            F oneMinus = F.one(2).minus(halfDenominator.times(x));
            x = x.plus(x.times(oneMinus).rescale(2));
        }
        return x;
    }

    private static F halfSumWithOne(F a) {
        long sum = (long) a.raw() + Integer.MAX_VALUE;
        return new F((int) ((sum + (sum >= 0 ? 1 : -1)) / 2), 0);
    }

    static int tanhQ31(int raw, int bits) {
        F a = new F(raw, bits);
        if (raw == 0) {
            return 0;
        }
        F n = raw < 0 ? a : new F(-raw, bits);
        F e = expNegative(n.relabel(bits + 1));
        F t = newton(halfSumWithOne(e)).minus(F.one(2)).rescale(0);
        return raw < 0 ? -t.raw() : t.raw();
    }

    static int logisticQ31(int raw, int bits) {
        if (raw == 0) {
            return 1 << 30;
        }
        int abs = Math.abs(raw);
        F e = expNegative(new F(-abs, bits));
        F r = newton(halfSumWithOne(e)).relabel(1).rescale(0);
        return raw > 0 ? r.raw() : Integer.MAX_VALUE - r.raw();
    }

    private static int[] scaling(float scale) {
        double real = scale * (double) (1 << 27);
        int shift = 0;
        double q = real;
        while (q >= 1) {
            q /= 2;
            shift++;
        }
        while (q < 0.5) {
            q *= 2;
            shift--;
        }
        long m = Math.round(q * (1L << 31));
        int radius = (int) Math.floor(15.0 * (1L << 27) / Math.pow(2, shift));
        return new int[] {(int) m, shift, radius};
    }

    private static int toQ4(int x, int[] s) {
        int left = Math.max(s[1], 0);
        return rdbpot(srdhm(x * (1 << left), s[0]), Math.max(-s[1], 0));
    }

    static int tanhInt8(int q, float scale, int zeroPoint) {
        int[] s = scaling(scale);
        int x = q - zeroPoint;
        if (x <= -s[2]) {
            return -128;
        }
        if (x >= s[2]) {
            return 127;
        }
        return Math.max(-128, Math.min(127, rdbpot(tanhQ31(toQ4(x, s), 4), 24)));
    }

    static int logisticInt8(int q, float scale, int zeroPoint) {
        int[] s = scaling(scale);
        int x = q - zeroPoint;
        if (x <= -s[2]) {
            return -128;
        }
        if (x >= s[2]) {
            return 127;
        }
        return Math.max(-128, Math.min(127, rdbpot(logisticQ31(toQ4(x, s), 4), 23) - 128));
    }
}
