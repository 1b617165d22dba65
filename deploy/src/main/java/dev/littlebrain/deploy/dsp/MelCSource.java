package dev.littlebrain.deploy.dsp;

import dev.littlebrain.dsp.blocks.MelFilterbank;

/**
 * The block's own mel filterbank ({@link MelFilterbank}) as sparse const tables — first bin, offset
 * into one weight array — and the C twin of {@code MelFilterbank.apply}: same bins, same order,
 * zero weights skipped as Java skips them.
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
        int total = 0;
        for (int m = 0; m < filters; m++) {
            first[m] = filterbank.firstBin(m);
            offsets[m] = total;
            total += filterbank.weights(m).length;
        }
        offsets[filters] = total;
        double[] weights = new double[total];
        for (int m = 0; m < filters; m++) {
            double[] w = filterbank.weights(m);
            System.arraycopy(w, 0, weights, offsets[m], w.length);
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
                        uint32_t i;
                        lb_real sum = LB_R(0.0);
                        for (i = lb_mel_offset[m]; i < lb_mel_offset[m + 1]; i++) {
                            lb_real w = lb_mel_weights[i];
                            if (w != LB_R(0.0)) {
                                sum += p[i - lb_mel_offset[m]] * w;
                            }
                        }
                        out[m] = sum;
                    }
                }

                """;
    }
}
