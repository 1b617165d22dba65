package dev.littlebrain.deploy.dsp;

/**
 * {@code lb_finish} for MFCC: speechpy's sliding-window CMVN ({@code dev.littlebrain.dsp.blocks.SlidingCmvn}), or a
 * plain cast when CMVN is off.
 *
 * <p>{@code -DLB_DSP_DOUBLE_PRECISION}: Java's loops and precision steps, bit for bit (window sums in double,
 * mean-subtracted values as float32, the standard deviation in float32), O(frames x win_size).
 *
 * <p>Default: running sums, O(frames), one coefficient (column) at a time so the scratch is two columns. The
 * window sum moves by adding the row that enters and subtracting the one that leaves (mirrored at both ends, as
 * np.pad 'symmetric'), in float-float (TwoSum) so nothing cancels: c0 = ln energy is 20 and more while its spread
 * over a steady tone can be 1e-2, which CMVN divides by. row - mean is formed as (win * row - sum) / win with the
 * product split exactly by fmaf, so a window of equal rows (silence) centres to exactly 0. The spread uses running
 * float-float sums of the centred values and of their squares: var = (sum(m^2) - sum(m)^2 / win) / win, which
 * equals Java's two-pass float32 sum to its own rounding.
 */
final class CmvnCSource {
    private CmvnCSource() {
    }

    /** Rows cast to float32 (blocks without a whole-window step). */
    static String plainCast() {
        return """
                static void lb_finish(const lb_real *const *rows, float *features)
                {
                    int t, c;
                    for (t = 0; t < LB_DSP_FRAMES; t++) {
                        for (c = 0; c < LB_DSP_COEFFICIENTS; c++) {
                            features[t * LB_DSP_COEFFICIENTS + c] = (float) rows[t][c];
                        }
                    }
                }

                """;
    }

    static String sliding(int winSize, int frames) {
        int pad = (winSize - 1) / 2;
        int[] mirrored = new int[frames + 2 * pad];
        for (int i = 0; i < mirrored.length; i++) {
            int period = 2 * frames;
            int m = Math.floorMod(i - pad, period);
            mirrored[i] = m < frames ? m : period - 1 - m;
        }
        return "#define LB_CMVN_WINDOW " + winSize + "\n"
                + "#ifndef LB_DSP_DOUBLE_PRECISION\n"
                + "/* lb_mirror(i - pad, frames) for i = 0 .. frames + 2 pad - 1: the running sums' indices, no divisions. */\n"
                + CArrays.ints(frames <= 65536 ? "uint16_t" : "uint32_t", "lb_cmvn_mirror", mirrored)
                + "#define LB_MIRRORED(i) lb_cmvn_mirror[(i) + (LB_CMVN_WINDOW - 1) / 2]\n"
                + "#endif\n"
                + """

                #ifdef LB_DSP_DOUBLE_PRECISION
                /* Index into the symmetric (edge-repeating) periodic extension of 0 .. n-1 (np.pad 'symmetric'). */
                static int lb_mirror(int i, int n)
                {
                    int period = 2 * n;
                    int m = ((i % period) + period) % period;
                    return m < n ? m : period - 1 - m;
                }

                static void lb_finish(const lb_real *const *rows, float *features)
                {
                    static float centred[LB_DSP_FEATURES];
                    double sums[LB_DSP_COEFFICIENTS];
                    float fsum[LB_DSP_COEFFICIENTS];
                    float fsq[LB_DSP_COEFFICIENTS];
                    const int pad = (LB_CMVN_WINDOW - 1) / 2;
                    const float count = (float) LB_CMVN_WINDOW;
                    const float eps = (float) 1e-10;
                    int t, w, c;
                    for (t = 0; t < LB_DSP_FRAMES; t++) {
                        for (c = 0; c < LB_DSP_COEFFICIENTS; c++) {
                            sums[c] = 0.0;
                        }
                        for (w = 0; w < LB_CMVN_WINDOW; w++) {
                            const double *src = rows[lb_mirror(t - pad + w, LB_DSP_FRAMES)];
                            for (c = 0; c < LB_DSP_COEFFICIENTS; c++) {
                                sums[c] += src[c];
                            }
                        }
                        for (c = 0; c < LB_DSP_COEFFICIENTS; c++) {
                            centred[t * LB_DSP_COEFFICIENTS + c] = (float) (rows[t][c] - sums[c] / LB_CMVN_WINDOW);
                        }
                    }
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
                #else
                /* hi + lo, |lo| <= half an ulp of hi. */
                typedef struct {
                    float hi;
                    float lo;
                } lb_ff;

                /* (hi, lo) + x: TwoSum, the error kept in lo and renormalised. */
                static inline void lb_ff_add(lb_ff *a, float x)
                {
                    float s = a->hi + x;
                    float v = s - a->hi;
                    float e = (a->hi - (s - v)) + (x - v) + a->lo;
                    a->hi = s + e;
                    a->lo = e - (a->hi - s);
                }

                /* (hi, lo) + sign * x * x, the square split exactly by fmaf. */
                static inline void lb_ff_add_square(lb_ff *a, float x, float sign)
                {
                    float p = x * x;
                    float p_err = fmaf(x, x, -p);
                    lb_ff_add(a, sign * p);
                    lb_ff_add(a, sign * p_err);
                }

                static void lb_finish(const lb_real *const *rows, float *features)
                {
                    float centred[LB_DSP_FRAMES];
                    const int pad = (LB_CMVN_WINDOW - 1) / 2;
                    const float count = (float) LB_CMVN_WINDOW;
                    /* float32 like numpy's float32 array; 1e-10 is the float nearest to it. */
                    const float eps = (float) 1e-10;
                    int t, w, c;
                    for (c = 0; c < LB_DSP_COEFFICIENTS; c++) {
                        lb_ff sum = {0.0f, 0.0f}, msum = {0.0f, 0.0f}, msq = {0.0f, 0.0f};
                        for (w = 0; w < LB_CMVN_WINDOW; w++) {
                            lb_ff_add(&sum, rows[LB_MIRRORED(w - pad)][c]);
                        }
                        for (t = 0; t < LB_DSP_FRAMES; t++) {
                            float r = rows[t][c];
                            float p = count * r;
                            float p_err = fmaf(count, r, -p);
                            if (t > 0) {
                                lb_ff_add(&sum, rows[LB_MIRRORED(t + pad)][c]);
                                lb_ff_add(&sum, -rows[LB_MIRRORED(t - pad - 1)][c]);
                            }
                            centred[t] = ((p - sum.hi) + (p_err - sum.lo)) / count;
                        }
                        for (w = 0; w < LB_CMVN_WINDOW; w++) {
                            float m = centred[LB_MIRRORED(w - pad)];
                            lb_ff_add(&msum, m);
                            lb_ff_add_square(&msq, m, 1.0f);
                        }
                        for (t = 0; t < LB_DSP_FRAMES; t++) {
                            float mean, var;
                            if (t > 0) {
                                float in = centred[LB_MIRRORED(t + pad)];
                                float out = centred[LB_MIRRORED(t - pad - 1)];
                                lb_ff_add(&msum, in);
                                lb_ff_add(&msum, -out);
                                lb_ff_add_square(&msq, in, 1.0f);
                                lb_ff_add_square(&msq, out, -1.0f);
                            }
                            mean = (msum.hi + msum.lo) / count;
                            var = ((msq.hi - mean * (msum.hi + msum.lo)) + msq.lo) / count;
                            var = var > 0.0f ? var : 0.0f;
                            /* sqrtf is correctly rounded, as Java's (float) Math.sqrt(float). */
                            features[t * LB_DSP_COEFFICIENTS + c] = centred[t] / (sqrtf(var) + eps);
                        }
                    }
                }
                #endif

                """;
    }
}
