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
        double r = Math.floor(Math.abs(x) + 0.5);
        // floor(|x| + 0.5) is off by one for the largest double below 0.5; std::round is not.
        if (r - Math.abs(x) > 0.5) {
            r -= 1;
        }
        return Math.copySign(r, x);
    }
}
