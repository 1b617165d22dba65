package dev.littlebrain.impulse.features;

import java.util.List;
import java.util.Random;

/**
 * Principal components by power iteration on the data itself (never the covariance matrix: a 50 x 13 MFCC has 650
 * dimensions, so the matrix would cost more than the thousands of samples it summarises), with deflation for each
 * further component. Deterministic: the start vectors come from a fixed seed.
 */
final class Pca {
    private static final int ITERATIONS = 500;

    private Pca() {
    }

    /** Rows with each column centred on its mean and divided by its standard deviation (constant columns: 0). */
    static double[][] standardised(List<float[]> rows) {
        int n = rows.size();
        int d = n == 0 ? 0 : rows.get(0).length;
        double[] mean = new double[d];
        double[] sq = new double[d];
        for (float[] r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= Math.max(n, 1);
        }
        for (float[] r : rows) {
            for (int j = 0; j < d; j++) {
                double c = r[j] - mean[j];
                sq[j] += c * c;
            }
        }
        double[][] x = new double[n][d];
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(sq[j] / Math.max(n, 1));
            for (int i = 0; i < n; i++) {
                x[i][j] = sd > 1e-12 ? (rows.get(i)[j] - mean[j]) / sd : 0;
            }
        }
        return x;
    }

    /** The first {@code count} unit principal axes of centred rows {@code x} (fewer if the data has fewer dimensions). */
    static double[][] components(double[][] x, int count) {
        int d = x.length == 0 ? 0 : x[0].length;
        int k = Math.min(count, d);
        double[][] axes = new double[k][];
        Random random = new Random(1);
        for (int a = 0; a < k; a++) {
            double[] v = new double[d];
            for (int j = 0; j < d; j++) {
                v[j] = random.nextGaussian();
            }
            for (int it = 0; it < ITERATIONS; it++) {
                double[] next = new double[d];
                for (double[] row : x) {
                    double p = dot(row, v);
                    for (int j = 0; j < d; j++) {
                        next[j] += p * row[j];
                    }
                }
                for (int b = 0; b < a; b++) { // deflation: stay orthogonal to the axes found
                    double p = dot(next, axes[b]);
                    for (int j = 0; j < d; j++) {
                        next[j] -= p * axes[b][j];
                    }
                }
                double norm = Math.sqrt(dot(next, next));
                if (norm < 1e-12) {
                    break; // no variance left in this direction
                }
                for (int j = 0; j < d; j++) {
                    next[j] /= norm;
                }
                // Converged once the direction stops turning: a few dozen passes on well-separated data instead of
                // all of them, which matters on a request path over thousands of 650-value rows.
                boolean settled = 1 - Math.abs(dot(next, v) / Math.sqrt(dot(v, v))) < 1e-12;
                v = next;
                if (settled) {
                    break;
                }
            }
            axes[a] = v;
        }
        return axes;
    }

    static double totalVariance(double[][] x) {
        double sum = 0;
        for (double[] row : x) {
            sum += dot(row, row);
        }
        return sum;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
