package dev.littlebrain.impulse.evaluation;

/**
 * A two-sided 95 % confidence interval for one of {@code test --stream}'s figures. A detection rate over a dozen
 * keywords or a false-accept rate over a minute of audio is a small sample: 10 of 13 keywords is anywhere from 50 %
 * to 92 %, and no false accept in 60 s still allows over 200 per hour. Printing the interval next to the figure
 * shows whether a set of streams can tell two models, or a model and a target, apart at all.
 */
public record Interval(double low, double high) {

    /** z of a two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;

    /** Tail probability on each side of a two-sided 95 % interval. */
    private static final double TAIL = 0.025;

    /**
     * Wilson's score interval for {@code successes} of {@code trials}: unlike p ± z·sd it stays inside [0, 1] and
     * does not collapse to a point at 0 or n successes, which is where keyword counts sit.
     */
    public static Interval ofProportion(int successes, int trials) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials and trials > 0: " + successes + " of "
                    + trials);
        }
        return wilson(successes / (double) trials, trials);
    }

    /** Wilson's interval of a proportion {@code p} observed over {@code n} (possibly fractional) trials. */
    private static Interval wilson(double p, double n) {
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        // The bounds are exact at the ends: no trial failed (succeeded) means the interval reaches 1 (0).
        return new Interval(p == 0 ? 0 : Math.max(0, centre - half), p == 1 ? 1 : Math.min(1, centre + half));
    }

    /**
     * A proportion's interval when its trials come in clusters, with the design effect that widened it.
     *
     * @param interval        the 95 % interval
     * @param clusters        clusters the trials came in
     * @param designEffect    variance of the proportion over that of as many independent trials (at least 1)
     * @param effectiveTrials independent trials worth as much: trials / designEffect
     */
    public record Clustered(Interval interval, int clusters, double designEffect, double effectiveTrials) {
    }

    /**
     * The interval of a proportion whose trials come in clusters, {@code successes[i]} of {@code trials[i]} in
     * cluster i: keywords said by one speaker succeed or fail together (a voice the model does not know is missed
     * every time it speaks, and synthesized test streams repeat each speaker's clip), so 345 keywords of 24
     * speakers are worth far fewer independent trials. The variance of the pooled proportion is estimated from
     * the clusters (the ratio estimator of cluster sampling, with the k / (k - 1) small-sample factor); its ratio to
     * the binomial variance is Kish's design effect, and Wilson's interval is taken over trials / design effect.
     * The design effect is never below 1 (clusters do not make trials more informative than independent ones);
     * when every trial succeeded (or failed) the clusters show no spread, and each cluster counts as one trial.
     */
    public static Clustered ofClusteredProportion(int[] successes, int[] trials) {
        if (successes.length != trials.length || trials.length < 2) {
            throw new IllegalArgumentException("need successes and trials of at least two clusters, got "
                    + successes.length + " and " + trials.length);
        }
        double n = 0;
        double y = 0;
        for (int i = 0; i < trials.length; i++) {
            if (trials[i] <= 0 || successes[i] < 0 || successes[i] > trials[i]) {
                throw new IllegalArgumentException("cluster " + i + ": need 0 <= successes <= trials and trials > 0: "
                        + successes[i] + " of " + trials[i]);
            }
            n += trials[i];
            y += successes[i];
        }
        int k = trials.length;
        double p = y / n;
        double designEffect;
        if (p == 0 || p == 1) {
            designEffect = n / k;
        } else {
            double squares = 0;
            for (int i = 0; i < k; i++) {
                double residual = successes[i] - p * trials[i];
                squares += residual * residual;
            }
            double variance = k / (k - 1.0) * squares / (n * n);
            designEffect = Math.max(1, variance / (p * (1 - p) / n));
        }
        double effective = n / designEffect;
        return new Clustered(wilson(p, effective), k, designEffect, effective);
    }

    /**
     * The exact (Garwood) interval of a Poisson rate from {@code count} events in {@code exposure} units (e.g.
     * hours): the rates at which seeing at most / at least {@code count} events has probability 2.5 %, each found
     * by bisection on the Poisson distribution function.
     */
    public static Interval ofRate(int count, double exposure) {
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

    public boolean contains(double value) {
        return value >= low && value <= high;
    }
}
