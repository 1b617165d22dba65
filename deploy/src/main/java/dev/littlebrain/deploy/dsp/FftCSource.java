package dev.littlebrain.deploy.dsp;

import dev.littlebrain.dsp.fft.PowerOfTwoFftTables;

/**
 * The real FFT in C: the tables come from the Java plan ({@link PowerOfTwoFftTables}) and the code
 * repeats the Java loops operation for operation (pack even/odd samples, bit reversal, radix-2
 * butterflies, split step), so each bin is the same double as in Java when {@code lb_fft_real} is double.
 */
final class FftCSource {
    private final PowerOfTwoFftTables tables;

    FftCSource(int fftLength) {
        this.tables = PowerOfTwoFftTables.of(fftLength);
    }

    int size() {
        return tables.size();
    }

    /** Tables and {@code static void lb_rfft(const lb_fft_real *frame, lb_fft_real *re, lb_fft_real *im)}. */
    String emit() {
        int n = tables.size();
        int half = n / 2;
        String type = half <= 65536 ? "uint16_t" : "uint32_t";
        return "/* Real FFT of LB_FFT_LENGTH points (dev.littlebrain.dsp.fft.PowerOfTwoRealFft): the even/odd samples\n"
                + " * packed into one " + half + "-point complex FFT, then split into the " + (half + 1) + " bins. */\n"
                + "#define LB_FFT_LENGTH " + n + "\n"
                + "#define LB_FFT_HALF " + half + "\n"
                + "#define LB_FFT_BINS " + (half + 1) + "\n\n"
                + CArrays.ints(type, "lb_fft_bit_reversed", tables.bitReversed())
                + "#if LB_FFT_FLOAT_FLOAT\n"
                + CArrays.floatPairs("lb_ff", "lb_fft_cos", tables.cos())
                + CArrays.floatPairs("lb_ff", "lb_fft_sin", tables.sin())
                + CArrays.floatPairs("lb_ff", "lb_fft_split_cos", tables.splitCos())
                + CArrays.floatPairs("lb_ff", "lb_fft_split_sin", tables.splitSin())
                + FLOAT_FLOAT_FFT
                + "#else\n"
                + CArrays.reals("lb_fft_real", "lb_fft_cos", tables.cos())
                + CArrays.reals("lb_fft_real", "lb_fft_sin", tables.sin())
                + CArrays.reals("lb_fft_real", "lb_fft_split_cos", tables.splitCos())
                + CArrays.reals("lb_fft_real", "lb_fft_split_sin", tables.splitSin())
                + """

                /* frame[0 .. LB_FFT_LENGTH) -> re, im [0 .. LB_FFT_BINS); re and im double as workspace. */
                static void lb_rfft(const lb_fft_real *frame, lb_fft_real *re, lb_fft_real *im)
                {
                    int i, j, k, len;
                    for (j = 0; j < LB_FFT_HALF; j++) {
                        re[j] = frame[2 * j];
                        im[j] = frame[2 * j + 1];
                    }
                    for (i = 0; i < LB_FFT_HALF; i++) {
                        j = lb_fft_bit_reversed[i];
                        if (j > i) {
                            lb_fft_real t = re[i];
                            re[i] = re[j];
                            re[j] = t;
                            t = im[i];
                            im[i] = im[j];
                            im[j] = t;
                        }
                    }
                    for (len = 2; len <= LB_FFT_HALF; len <<= 1) {
                        int half = len >> 1;
                        int step = LB_FFT_HALF / len;
                        int start;
                        for (start = 0; start < LB_FFT_HALF; start += len) {
                            int t = 0;
                            for (j = 0; j < half; j++, t += step) {
                                lb_fft_real wr = lb_fft_cos[t];
                                lb_fft_real wi = -lb_fft_sin[t];
                                int a = start + j;
                                int b = a + half;
                                lb_fft_real vr = re[b] * wr - im[b] * wi;
                                lb_fft_real vi = re[b] * wi + im[b] * wr;
                                lb_fft_real ur = re[a];
                                lb_fft_real ui = im[a];
                                re[a] = ur + vr;
                                im[a] = ui + vi;
                                re[b] = ur - vr;
                                im[b] = ui - vi;
                            }
                        }
                    }
                    {
                        /* DC and Nyquist come from Z[0] alone. */
                        lb_fft_real z0r = re[0];
                        lb_fft_real z0i = im[0];
                        re[0] = z0r + z0i;
                        im[0] = LB_F(0.0);
                        re[LB_FFT_HALF] = z0r - z0i;
                        im[LB_FFT_HALF] = LB_F(0.0);
                    }
                    /* Bins k and half-k depend on the same pair Z[k], Z[half-k]: compute both before writing. */
                    for (k = 1; k <= LB_FFT_HALF / 2; k++) {
                        int m = LB_FFT_HALF - k;
                        lb_fft_real ar = re[k];
                        lb_fft_real ai = im[k];
                        lb_fft_real br = re[m];
                        lb_fft_real bi = im[m];
                        lb_fft_real fe_r = LB_F(0.5) * (ar + br);
                        lb_fft_real fe_i = LB_F(0.5) * (ai - bi);
                        lb_fft_real fo_r = LB_F(0.5) * (ai + bi);
                        lb_fft_real fo_i = LB_F(-0.5) * (ar - br);
                        lb_fft_real wr = lb_fft_split_cos[k];
                        lb_fft_real wi = lb_fft_split_sin[k];
                        lb_fft_real t_r = wr * fo_r - wi * fo_i;
                        lb_fft_real t_i = wr * fo_i + wi * fo_r;
                        re[k] = fe_r + t_r;
                        im[k] = fe_i + t_i;
                        if (m != k) {
                            /* X[m] = conj(Fe) + W^m conj(Fo), and W^m = -conj(W^k). */
                            lb_fft_real wm_r = -wr;
                            lb_fft_real wm_i = wi;
                            lb_fft_real cfo_r = fo_r;
                            lb_fft_real cfo_i = -fo_i;
                            re[m] = fe_r + (wm_r * cfo_r - wm_i * cfo_i);
                            im[m] = -fe_i + (wm_r * cfo_i + wm_i * cfo_r);
                        }
                    }
                }
                #endif /* LB_FFT_FLOAT_FLOAT */

                """;
    }

    /**
     * The same FFT in float-float: each value an unevaluated sum hi + lo of two floats (about 48 bits), with
     * error-free TwoSum and fmaf-based TwoProduct, so a single-precision FPU keeps the weak bins to about 1e-14 of
     * the frame's norm, where a plain float FFT leaves 1e-7; several times cheaper than software double.
     */
    private static final String FLOAT_FLOAT_FFT = """

            /* a + b: TwoSum of the highs (exact), the lows added to its error, renormalised. */
            static inline lb_ff lb_ff_add(lb_ff a, lb_ff b)
            {
                lb_ff r;
                float s = a.hi + b.hi;
                float v = s - a.hi;
                float e = (a.hi - (s - v)) + (b.hi - v);
                e += a.lo + b.lo;
                r.hi = s + e;
                r.lo = e - (r.hi - s);
                return r;
            }

            static inline lb_ff lb_ff_neg(lb_ff a)
            {
                a.hi = -a.hi;
                a.lo = -a.lo;
                return a;
            }

            static inline lb_ff lb_ff_sub(lb_ff a, lb_ff b)
            {
                return lb_ff_add(a, lb_ff_neg(b));
            }

            /* a * b: the product of the highs split exactly by fmaf (one instruction on an FPU with FMA), the cross
             * terms added to its error. */
            static inline lb_ff lb_ff_mul(lb_ff a, lb_ff b)
            {
                lb_ff r;
                float p = a.hi * b.hi;
                float e = fmaf(a.hi, b.hi, -p);
                e = fmaf(a.hi, b.lo, e);
                e = fmaf(a.lo, b.hi, e);
                r.hi = p + e;
                r.lo = e - (r.hi - p);
                return r;
            }

            /* a * s for s a power of two: exact. */
            static inline lb_ff lb_ff_scale(lb_ff a, float s)
            {
                a.hi *= s;
                a.lo *= s;
                return a;
            }

            /* frame[0 .. LB_FFT_LENGTH) -> re, im [0 .. LB_FFT_BINS); the loops of the double lb_rfft. */
            static void lb_rfft(const lb_ff *frame, lb_ff *re, lb_ff *im)
            {
                static const lb_ff zero = {0.0f, 0.0f};
                int i, j, k, len;
                for (j = 0; j < LB_FFT_HALF; j++) {
                    re[j] = frame[2 * j];
                    im[j] = frame[2 * j + 1];
                }
                for (i = 0; i < LB_FFT_HALF; i++) {
                    j = lb_fft_bit_reversed[i];
                    if (j > i) {
                        lb_ff t = re[i];
                        re[i] = re[j];
                        re[j] = t;
                        t = im[i];
                        im[i] = im[j];
                        im[j] = t;
                    }
                }
                for (len = 2; len <= LB_FFT_HALF; len <<= 1) {
                    int half = len >> 1;
                    int step = LB_FFT_HALF / len;
                    int start;
                    for (start = 0; start < LB_FFT_HALF; start += len) {
                        int t = 0;
                        for (j = 0; j < half; j++, t += step) {
                            lb_ff wr = lb_fft_cos[t];
                            lb_ff wi = lb_ff_neg(lb_fft_sin[t]);
                            int a = start + j;
                            int b = a + half;
                            lb_ff vr = lb_ff_sub(lb_ff_mul(re[b], wr), lb_ff_mul(im[b], wi));
                            lb_ff vi = lb_ff_add(lb_ff_mul(re[b], wi), lb_ff_mul(im[b], wr));
                            lb_ff ur = re[a];
                            lb_ff ui = im[a];
                            re[a] = lb_ff_add(ur, vr);
                            im[a] = lb_ff_add(ui, vi);
                            re[b] = lb_ff_sub(ur, vr);
                            im[b] = lb_ff_sub(ui, vi);
                        }
                    }
                }
                {
                    lb_ff z0r = re[0];
                    lb_ff z0i = im[0];
                    re[0] = lb_ff_add(z0r, z0i);
                    im[0] = zero;
                    re[LB_FFT_HALF] = lb_ff_sub(z0r, z0i);
                    im[LB_FFT_HALF] = zero;
                }
                for (k = 1; k <= LB_FFT_HALF / 2; k++) {
                    int m = LB_FFT_HALF - k;
                    lb_ff ar = re[k];
                    lb_ff ai = im[k];
                    lb_ff br = re[m];
                    lb_ff bi = im[m];
                    lb_ff fe_r = lb_ff_scale(lb_ff_add(ar, br), 0.5f);
                    lb_ff fe_i = lb_ff_scale(lb_ff_sub(ai, bi), 0.5f);
                    lb_ff fo_r = lb_ff_scale(lb_ff_add(ai, bi), 0.5f);
                    lb_ff fo_i = lb_ff_scale(lb_ff_sub(ar, br), -0.5f);
                    lb_ff wr = lb_fft_split_cos[k];
                    lb_ff wi = lb_fft_split_sin[k];
                    re[k] = lb_ff_add(fe_r, lb_ff_sub(lb_ff_mul(wr, fo_r), lb_ff_mul(wi, fo_i)));
                    im[k] = lb_ff_add(fe_i, lb_ff_add(lb_ff_mul(wr, fo_i), lb_ff_mul(wi, fo_r)));
                    if (m != k) {
                        /* X[m] = conj(Fe) + W^m conj(Fo), and W^m = -conj(W^k). */
                        lb_ff wm_r = lb_ff_neg(wr);
                        lb_ff cfo_i = lb_ff_neg(fo_i);
                        re[m] = lb_ff_add(fe_r, lb_ff_sub(lb_ff_mul(wm_r, fo_r), lb_ff_mul(wi, cfo_i)));
                        im[m] = lb_ff_add(lb_ff_neg(fe_i), lb_ff_add(lb_ff_mul(wm_r, cfo_i), lb_ff_mul(wi, fo_r)));
                    }
                }
            }

            """;
}

