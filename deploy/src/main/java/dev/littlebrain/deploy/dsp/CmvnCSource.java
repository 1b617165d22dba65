package dev.littlebrain.deploy.dsp;

/**
 * {@code lb_finish} for MFCC: speechpy's sliding-window CMVN with the precision steps of
 * {@code dev.littlebrain.dsp.blocks.SlidingCmvn} (means summed in double with {@code -DLB_DSP_DOUBLE_PRECISION},
 * else in float on differences to the centred row; mean-subtracted values stored as float32, the standard
 * deviation entirely in float32, symmetric periodic padding), or a plain cast when CMVN is off.
 */
final class CmvnCSource {
    private CmvnCSource() {
    }

    /** Rows cast to float32 (blocks without a whole-window step). */
    static String plainCast() {
        return """
                static void lb_finish(const lb_row_real *rows, float *features)
                {
                    int i;
                    for (i = 0; i < LB_DSP_FEATURES; i++) {
                        features[i] = (float) rows[i];
                    }
                }

                """;
    }

    static String sliding(int winSize) {
        return "#define LB_CMVN_WINDOW " + winSize + "\n"
                + """

                /* Index into the symmetric (edge-repeating) periodic extension of 0 .. n-1 (np.pad 'symmetric'). */
                static int lb_mirror(int i, int n)
                {
                    int period = 2 * n;
                    int m = ((i % period) + period) % period;
                    return m < n ? m : period - 1 - m;
                }

                static float centred[LB_DSP_FEATURES];

                #ifdef LB_DSP_DOUBLE_PRECISION
                /* centred = float(row - mean), the mean summed in double in Java's order. */
                static void lb_centre(const lb_row_real *rows)
                {
                    double sums[LB_DSP_COEFFICIENTS];
                    const int pad = (LB_CMVN_WINDOW - 1) / 2;
                    int t, w, c;
                    for (t = 0; t < LB_DSP_FRAMES; t++) {
                        for (c = 0; c < LB_DSP_COEFFICIENTS; c++) {
                            sums[c] = 0.0;
                        }
                        for (w = 0; w < LB_CMVN_WINDOW; w++) {
                            const lb_row_real *src = rows + lb_mirror(t - pad + w, LB_DSP_FRAMES) * LB_DSP_COEFFICIENTS;
                            for (c = 0; c < LB_DSP_COEFFICIENTS; c++) {
                                sums[c] += src[c];
                            }
                        }
                        for (c = 0; c < LB_DSP_COEFFICIENTS; c++) {
                            centred[t * LB_DSP_COEFFICIENTS + c] =
                                    (float) (rows[t * LB_DSP_COEFFICIENTS + c] - sums[c] / LB_CMVN_WINDOW);
                        }
                    }
                }
                #else
                /* The same centring in hardware float, on differences to the frame being centred:
                 * row - mean = -mean(rows of its window - row). Each row is split into float hi + lo (hi + lo holds the
                 * double to about 1e-14), so a difference is exact where it matters, and sums carry rounding relative
                 * to the window's spread, not to the rows' size: c0 = ln energy is 20 and more while its spread over a
                 * steady tone can be 1e-2, which CMVN then divides by (summing the rows themselves in float was measured
                 * up to 1.6e-4 off), and a window of equal rows (silence) centres to exactly 0 as the spread is 0. */
                static void lb_centre(const lb_row_real *rows)
                {
                    static float hi[LB_DSP_FEATURES];
                    static float lo[LB_DSP_FEATURES];
                    float sums[LB_DSP_COEFFICIENTS];
                    const int pad = (LB_CMVN_WINDOW - 1) / 2;
                    int t, w, c, i;
                    for (i = 0; i < LB_DSP_FEATURES; i++) {
                        hi[i] = (float) rows[i];
                        lo[i] = (float) (rows[i] - (lb_row_real) hi[i]);
                    }
                    for (t = 0; t < LB_DSP_FRAMES; t++) {
                        const int self = t * LB_DSP_COEFFICIENTS;
                        for (c = 0; c < LB_DSP_COEFFICIENTS; c++) {
                            sums[c] = 0.0f;
                        }
                        for (w = 0; w < LB_CMVN_WINDOW; w++) {
                            const int src = lb_mirror(t - pad + w, LB_DSP_FRAMES) * LB_DSP_COEFFICIENTS;
                            for (c = 0; c < LB_DSP_COEFFICIENTS; c++) {
                                sums[c] += (hi[src + c] - hi[self + c]) + (lo[src + c] - lo[self + c]);
                            }
                        }
                        for (c = 0; c < LB_DSP_COEFFICIENTS; c++) {
                            centred[self + c] = -(sums[c] / (float) LB_CMVN_WINDOW);
                        }
                    }
                }
                #endif

                static void lb_finish(const lb_row_real *rows, float *features)
                {
                    float fsum[LB_DSP_COEFFICIENTS];
                    float fsq[LB_DSP_COEFFICIENTS];
                    const int pad = (LB_CMVN_WINDOW - 1) / 2;
                    const float count = (float) LB_CMVN_WINDOW;
                    /* float32 like numpy's float32 array; 1e-10 is the float nearest to it. */
                    const float eps = (float) 1e-10;
                    int t, w, c;
                    lb_centre(rows);
                    for (t = 0; t < LB_DSP_FRAMES; t++) {
                        for (c = 0; c < LB_DSP_COEFFICIENTS; c++) {
                            fsum[c] = 0.0f;
                            fsq[c] = 0.0f;
                        }
                        for (w = 0; w < LB_CMVN_WINDOW; w++) {
                            const float *src = centred + lb_mirror(t - pad + w, LB_DSP_FRAMES) * LB_DSP_COEFFICIENTS;
                            for (c = 0; c < LB_DSP_COEFFICIENTS; c++) {
                                fsum[c] += src[c];
                            }
                        }
                        for (w = 0; w < LB_CMVN_WINDOW; w++) {
                            const float *src = centred + lb_mirror(t - pad + w, LB_DSP_FRAMES) * LB_DSP_COEFFICIENTS;
                            for (c = 0; c < LB_DSP_COEFFICIENTS; c++) {
                                float d = src[c] - fsum[c] / count;
                                fsq[c] += d * d;
                            }
                        }
                        for (c = 0; c < LB_DSP_COEFFICIENTS; c++) {
                            /* sqrt in double then rounded to float, as Java's (float) Math.sqrt(float). */
                            float std = (float) sqrt((double) (fsq[c] / count));
                            features[t * LB_DSP_COEFFICIENTS + c] = centred[t * LB_DSP_COEFFICIENTS + c] / (std + eps);
                        }
                    }
                }

                """;
    }
}
