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
        // Bits of the scaled centred values: win^2 * 2^(2 bits) must stay below 2^62 (see lb_finish).
        int winBits = 32 - Integer.numberOfLeadingZeros(winSize - 1);
        int bits = Math.min(24, 31 - winBits);
        return "#define LB_CMVN_WINDOW " + winSize + "\n"
                + "#ifndef LB_DSP_DOUBLE_PRECISION\n"
                + "/* Significant bits of the scaled centred values whose running sums give the spread. */\n"
                + "#define LB_CMVN_BITS " + bits + "\n"
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
                /* v as a float (at most 2 ulps off): the high word's value plus the low word's, each converted by the
                 * FPU (a 64-bit conversion would be a library call). */
                static inline float lb_cmvn_float(int64_t v)
                {
                    return (float) (int32_t) (v >> 32) * 4294967296.0f + (float) (uint32_t) v;
                }

                static void lb_finish(const lb_real *const *rows, float *features)
                {
                    int64_t fixed[LB_DSP_FRAMES];
                    int32_t q[LB_DSP_FRAMES];
                    float centred[LB_DSP_FRAMES];
                    const int pad = (LB_CMVN_WINDOW - 1) / 2;
                    /* float32 like numpy's float32 array; 1e-10 is the float nearest to it. */
                    const float eps = (float) 1e-10;
                    int t, w, c;
                    for (c = 0; c < LB_DSP_COEFFICIENTS; c++) {
                        int64_t sum = 0, sum_sq = 0;
                        int32_t msum = 0;
                        float largest = 0.0f, scale, unscale;
                        int exponent;
                        /* The rows in fixed point, 31 fraction bits (exact for |row| >= 2^-7, and within 2^-32
                         * below): integer part, then the fraction (exact in float) scaled by a power of two. The
                         * window sum is then exact, however rows cancel. win * row stays below 2^63 for |row| <
                         * 2^32 / win: 4e7 for win_size 101, where MFCC rows of int16 audio stay below 2^12. */
                        for (t = 0; t < LB_DSP_FRAMES; t++) {
                            float r = rows[t][c];
                            int32_t whole = (int32_t) r;
                            fixed[t] = (int64_t) whole * 2147483648LL + (int32_t) ((r - (float) whole) * 2147483648.0f);
                        }
                        for (w = 0; w < LB_CMVN_WINDOW; w++) {
                            sum += fixed[LB_MIRRORED(w - pad)];
                        }
                        for (t = 0; t < LB_DSP_FRAMES; t++) {
                            if (t > 0) {
                                sum += fixed[LB_MIRRORED(t + pad)] - fixed[LB_MIRRORED(t - pad - 1)];
                            }
                            /* row - mean = (win * row - sum) / win: exact up to the float conversion, so a window of
                             * equal rows (silence) centres to exactly 0. */
                            centred[t] = lb_cmvn_float(LB_CMVN_WINDOW * fixed[t] - sum)
                                    / (float) LB_CMVN_WINDOW * (1.0f / 2147483648.0f);
                            largest = fabsf(centred[t]) > largest ? fabsf(centred[t]) : largest;
                        }
                        /* The spread in integers too: the centred values scaled so the largest is below
                         * 2^LB_CMVN_BITS (truncating moves each by at most 2^(1 - LB_CMVN_BITS) of the largest, a
                         * relative 1e-6 or less of a spread 8 times smaller), then exact running sums of them and of
                         * their squares: no cancellation however the window changes. win * sum(q^2) - sum(q)^2 =
                         * win^2 var * scale^2 < 2^62 by the choice of LB_CMVN_BITS. */
                        (void) frexpf(largest, &exponent);
                        exponent = exponent < -100 ? -100 : exponent;
                        scale = ldexpf(1.0f, LB_CMVN_BITS - exponent);
                        unscale = ldexpf(1.0f, exponent - LB_CMVN_BITS) / (float) LB_CMVN_WINDOW;
                        for (t = 0; t < LB_DSP_FRAMES; t++) {
                            q[t] = (int32_t) (centred[t] * scale);
                        }
                        for (w = 0; w < LB_CMVN_WINDOW; w++) {
                            int32_t v = q[LB_MIRRORED(w - pad)];
                            msum += v;
                            sum_sq += (int64_t) v * v;
                        }
                        for (t = 0; t < LB_DSP_FRAMES; t++) {
                            float spread;
                            if (t > 0) {
                                int32_t in = q[LB_MIRRORED(t + pad)];
                                int32_t out = q[LB_MIRRORED(t - pad - 1)];
                                msum += in - out;
                                sum_sq += (int64_t) in * in - (int64_t) out * out;
                            }
                            /* sqrtf is correctly rounded, as Java's (float) Math.sqrt(float). */
                            spread = sqrtf(lb_cmvn_float(LB_CMVN_WINDOW * sum_sq - (int64_t) msum * msum)) * unscale;
                            features[t * LB_DSP_COEFFICIENTS + c] = centred[t] / (spread + eps);
                        }
                    }
                }
                #endif

                """;
    }
}
