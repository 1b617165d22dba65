package dev.littlebrain.runtime.kernels;

/**
 * {@code TfLiteRound} / {@code std::round}: round half away from zero. Java's {@code Math.round} rounds
 * half up ({@code -2.5 → -2}), which would move negative ties by one LSB.
 */
final class TfliteRounding {
    private TfliteRounding() {
    }

    /** {@code roundf(x)}; exact, since a float plus 0.5 is exact in double. */
    static float round(float x) {
        return (float) Math.copySign(Math.floor(Math.abs((double) x) + 0.5), x);
    }

    static double round(double x) {
        double a = Math.abs(x);
        double floor = Math.floor(a);
        // a - floor(a) is exact, unlike a + 0.5, which rounds up for the largest double below 0.5.
        return Math.copySign(a - floor >= 0.5 ? floor + 1 : floor, x);
    }
}
