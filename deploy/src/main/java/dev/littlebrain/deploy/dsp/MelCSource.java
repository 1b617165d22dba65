package dev.littlebrain.deploy.dsp;

import dev.littlebrain.dsp.blocks.MelFilterbank;

/**
 * The block's own mel filterbank ({@link MelFilterbank}) as sparse const tables — first bin, offset
 * into one weight array — and the C twin of {@code MelFilterbank.apply}: same bins, same order. Java skips zero
 * weights; the tables leave out each filter's zero ends (the triangle's feet), and the C adds the rare zeros
 * inside without a test (+0 leaves a sum of finite non-negative terms unchanged), so the sums are Java's.
 */
final class MelCSource {
    private final MelFilterbank filterbank;

    MelCSource(MelFilterbank filterbank) {
        this.filterbank = filterbank;
    }

    int filters() {
        return filterbank.filters();
    }

    /** Tables and {@code static void lb_mel(const lb_real *power, lb_real *out)}. */
    String emit() {
        int filters = filterbank.filters();
        int[] first = new int[filters];
        int[] offsets = new int[filters + 1];
        int[] from = new int[filters];
        int[] to = new int[filters];
        int total = 0;
        for (int m = 0; m < filters; m++) {
            double[] w = filterbank.weights(m);
            int a = 0;
            int b = w.length;
            while (a < b && w[a] == 0.0) {
                a++;
            }
            while (b > a && w[b - 1] == 0.0) {
                b--;
            }
            from[m] = a;
            to[m] = b;
            first[m] = filterbank.firstBin(m) + a;
            offsets[m] = total;
            total += b - a;
        }
        offsets[filters] = total;
        double[] weights = new double[total];
        for (int m = 0; m < filters; m++) {
            System.arraycopy(filterbank.weights(m), from[m], weights, offsets[m], to[m] - from[m]);
        }
        return "/* Mel filterbank (dev.littlebrain.dsp.blocks.MelFilterbank), " + filters + " triangular filters:\n"
                + " * filter m weighs bins lb_mel_first[m] + i by lb_mel_weights[lb_mel_offset[m] + i]. */\n"
                + "#define LB_MEL_FILTERS " + filters + "\n\n"
                + CArrays.ints("uint16_t", "lb_mel_first", first)
                + CArrays.ints("uint32_t", "lb_mel_offset", offsets)
                + CArrays.reals("lb_mel_weights", weights)
                + """

                static void lb_mel(const lb_real *power, lb_real *out)
                {
                    int m;
                    for (m = 0; m < LB_MEL_FILTERS; m++) {
                        const lb_real *p = power + lb_mel_first[m];
                        const lb_real *w = lb_mel_weights + lb_mel_offset[m];
                        const uint32_t n = lb_mel_offset[m + 1] - lb_mel_offset[m];
                        uint32_t i;
                        lb_real sum = LB_R(0.0);
                        /* Zero weights need no test: power is finite and >= 0, so they add +0 and leave the sum,
                         * in Java's order, as it was. */
                        for (i = 0; i < n; i++) {
                            sum += p[i] * w[i];
                        }
                        out[m] = sum;
                    }
                }

                """;
    }
}
