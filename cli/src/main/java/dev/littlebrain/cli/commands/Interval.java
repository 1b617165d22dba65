package dev.littlebrain.cli.commands;

/**
 * A two-sided 95 % confidence interval for one of {@code test --stream}'s figures. A detection rate over a dozen
 * keywords or a false-accept rate over a minute of audio is a small sample: 10 of 13 keywords is anywhere from 50 %
 * to 92 %, and no false accept in 60 s still allows over 200 per hour. Printing the interval next to the figure
 * shows whether a set of streams can tell two models, or a model and a target, apart at all.
 */
record Interval(double low, double high) {

    /** z of a two-sided 95 % interval. */
    static final double Z95 = 1.959963984540054;

    /** Tail probability on each side of a two-sided 95 % interval. */
    private static final double TAIL = 0.025;

    /**
     * Wilson's score interval for {@code successes} of {@code trials}: unlike p ± z·sd it stays inside [0, 1] and
     * does not collapse to a point at 0 or n successes, which is where keyword counts sit.
     */
    static Interval ofProportion(int successes, int trials) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials and trials > 0: " + successes + " of "
                    + trials);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        // The bounds are exact at the ends: no trial failed (succeeded) means the interval reaches 1 (0).
        return new Interval(successes == 0 ? 0 : Math.max(0, centre - half),
                successes == trials ? 1 : Math.min(1, centre + half));
    }

    /**
     * The exact (Garwood) interval of a Poisson rate from {@code count} events in {@code exposure} units (e.g.
     * hours): the rates at which seeing at most / at least {@code count} events has probability 2.5 %, each found
     * by bisection on the Poisson distribution function.
     */
    static Interval ofRate(int count, double exposure) {
        if (count < 0 || !(exposure > 0) || Double.isInfinite(exposure)) {
            throw new IllegalArgumentException("need count >= 0 and a positive, finite exposure: " + count + " in "
                    + exposure);
        }
        // P(X <= count; upper) = 2.5 %; P(X >= count; lower) = 2.5 %, i.e. P(X <= count - 1; lower) = 97.5 %.
        double upper = meanWithCdf(count, TAIL);
        double lower = count == 0 ? 0 : meanWithCdf(count - 1, 1 - TAIL);
        return new Interval(lower / exposure, upper / exposure);
    }

    /** The Poisson mean whose P(X <= k) equals {@code probability}; P(X <= k) falls as the mean grows. */
    private static double meanWithCdf(int k, double probability) {
        double lo = 0;
        double hi = k + 10 + 10 * Math.sqrt(k + 1.0);
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (poissonCdf(k, mid) > probability) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** P(X <= k) for a Poisson variable of mean {@code mean}, summed in log space so large means do not underflow. */
    private static double poissonCdf(int k, double mean) {
        if (mean == 0) {
            return 1;
        }
        double logTerm = -mean; // log P(X = 0)
        double sum = Math.exp(logTerm);
        for (int i = 1; i <= k; i++) {
            logTerm += Math.log(mean / i);
            sum += Math.exp(logTerm);
        }
        return Math.min(1, sum);
    }

    boolean contains(double value) {
        return value >= low && value <= high;
    }
}
