package dev.littlebrain.impulse.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which rows lie nearer another label's mean than their own (Euclidean, in the space given). */
final class NearestMean {
    private NearestMean() {
    }

    static boolean[] disagreeing(double[][] x, List<String> labels) {
        int d = x.length == 0 ? 0 : x[0].length;
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            double[] s = sums.computeIfAbsent(labels.get(i), l -> new double[d]);
            for (int j = 0; j < d; j++) {
                s[j] += x[i][j];
            }
            counts.merge(labels.get(i), 1, Integer::sum);
        }
        List<String> names = new ArrayList<>(sums.keySet());
        List<double[]> means = new ArrayList<>();
        for (String l : names) {
            double[] m = sums.get(l);
            for (int j = 0; j < d; j++) {
                m[j] /= counts.get(l);
            }
            means.add(m);
        }
        boolean[] out = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < means.size(); c++) {
                double dist = 0;
                for (int j = 0; j < d; j++) {
                    double diff = x[i][j] - means.get(c)[j];
                    dist += diff * diff;
                }
                if (dist < bestDistance) {
                    bestDistance = dist;
                    best = c;
                }
            }
            out[i] = names.size() > 1 && !names.get(best).equals(labels.get(i));
        }
        return out;
    }
}
