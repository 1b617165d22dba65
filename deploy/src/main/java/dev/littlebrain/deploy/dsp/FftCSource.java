package dev.littlebrain.deploy.dsp;

import dev.littlebrain.dsp.fft.PowerOfTwoFftTables;

/**
 * The real FFT in C, in two forms chosen at compile time.
 *
 * <p>Default: an integer FFT in block floating point. The frame (int32, at most 2^28) is packed as n/2 complex
 * values in bit-reversed order, transformed by radix-4 decimation-in-time passes (one radix-2 pass first when
 * log2(n/2) is odd) and split into the n/2 + 1 bins of the real transform. Twiddles are Q31 constants computed
 * here in double (flash, no trigonometry on the device). Each product keeps the high word of its 64-bit result,
 * rounded ({@code SMMULR}, and {@code SMMLAR}/{@code SMMLSR} add or subtract the second product of a complex
 * multiply: two instructions where a 64-bit sum rounded once took six on a Cortex-M4; plain C elsewhere computes
 * the same bits). The high word halves a Q31 product, so the operand that meets a twiddle is loaded with one shift
 * less than its partner (twice the scale), which keeps its precision. Before each pass the data is shifted right
 * just enough to leave the pass its growth (3 bits for radix-4, 2 for radix-2), so every value keeps about 28
 * significant bits relative to the largest one: about 16 times the accuracy of a float32 FFT against the frame's
 * norm, which is what weak bins need for the 1e-4 feature contract (measured in {@code DspCGeneratorTest}).
 *
 * <p>{@code LB_DSP_DOUBLE_PRECISION}: the Java plan's tables and loops (radix-2, split) operation for operation, so
 * each bin is the same double as in Java.
 */
final class FftCSource {
    /** Fixed-point scale of the twiddles. */
    private static final double Q31 = 2147483648.0;
    private final PowerOfTwoFftTables tables;

    FftCSource(int fftLength) {
        this.tables = PowerOfTwoFftTables.of(fftLength);
    }

    int size() {
        return tables.size();
    }

    /**
     * Tables, {@code lb_rfft} (double) and {@code static int lb_rfft_q(int32_t *in, int32_t *re, int32_t *im)}
     * (default) plus {@code lb_unit} (e^{-2 pi i m / n} from a quarter-wave table) for blocks that need it.
     */
    String emit() {
        int n = tables.size();
        int half = n / 2;
        String type = half <= 65536 ? "uint16_t" : "uint32_t";
        int twiddles = Math.max(1, 3 * half / 4);
        int[] twRe = new int[twiddles];
        int[] twIm = new int[twiddles];
        for (int j = 0; j < twiddles; j++) {
            double angle = 2.0 * Math.PI * j / half;
            twRe[j] = q31(Math.cos(angle));
            twIm[j] = q31(-Math.sin(angle));
        }
        int quarter = half / 2;
        int[] splitRe = new int[quarter + 1];
        int[] splitIm = new int[quarter + 1];
        double[] quarterCos = new double[n / 4 + 1];
        for (int k = 0; k <= quarter; k++) {
            double angle = 2.0 * Math.PI * k / n;
            splitRe[k] = q31(Math.cos(angle));
            splitIm[k] = q31(-Math.sin(angle));
        }
        for (int m = 0; m <= n / 4; m++) {
            quarterCos[m] = Math.cos(2.0 * Math.PI * m / n);
        }
        return "/* Real FFT of LB_FFT_LENGTH points: the even/odd samples packed into one " + half + "-point complex FFT,\n"
                + " * then split into the " + (half + 1) + " bins. */\n"
                + "#define LB_FFT_LENGTH " + n + "\n"
                + "#define LB_FFT_HALF " + half + "\n"
                + "#define LB_FFT_BINS " + (half + 1) + "\n\n"
                + CArrays.ints(type, "lb_fft_bit_reversed", tables.bitReversed())
                + "#ifdef LB_DSP_DOUBLE_PRECISION\n"
                + CArrays.reals("double", "lb_fft_cos", tables.cos())
                + CArrays.reals("double", "lb_fft_sin", tables.sin())
                + CArrays.reals("double", "lb_fft_split_cos", tables.splitCos())
                + CArrays.reals("double", "lb_fft_split_sin", tables.splitSin())
                + DOUBLE_FFT
                + "#else\n"
                + "/* e^{-2 pi i j / LB_FFT_HALF} in Q31 for the radix-4 passes (w, w^2, w^3 of every pass), and\n"
                + " * e^{-2 pi i k / LB_FFT_LENGTH} for the split. */\n"
                + CArrays.ints("int32_t", "lb_fft_tw_re", twRe)
                + CArrays.ints("int32_t", "lb_fft_tw_im", twIm)
                + CArrays.ints("int32_t", "lb_fft_split_re", splitRe)
                + CArrays.ints("int32_t", "lb_fft_split_im", splitIm)
                + "/* cos(2 pi m / LB_FFT_LENGTH), m = 0 .. LB_FFT_LENGTH / 4: lb_unit folds any m onto it. */\n"
                + CArrays.reals("float", "lb_quarter_cos", quarterCos)
                + INTEGER_FFT
                + "#endif /* LB_DSP_DOUBLE_PRECISION */\n\n";
    }

    /** {@code v} in Q31; 1.0 (the twiddle of k = 0) as the largest int32, 2^-31 short. */
    private static int q31(double v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.round(v * Q31)));
    }

    private static final String DOUBLE_FFT = """

            /* frame[0 .. LB_FFT_LENGTH) -> re, im [0 .. LB_FFT_BINS): dev.littlebrain.dsp.fft.PowerOfTwoRealFft's loops;
             * re and im double as workspace. */
            static void lb_rfft(const double *frame, double *re, double *im)
            {
                int i, j, k, len;
                for (j = 0; j < LB_FFT_HALF; j++) {
                    re[j] = frame[2 * j];
                    im[j] = frame[2 * j + 1];
                }
                for (i = 0; i < LB_FFT_HALF; i++) {
                    j = lb_fft_bit_reversed[i];
                    if (j > i) {
                        double t = re[i];
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
                            double wr = lb_fft_cos[t];
                            double wi = -lb_fft_sin[t];
                            int a = start + j;
                            int b = a + half;
                            double vr = re[b] * wr - im[b] * wi;
                            double vi = re[b] * wi + im[b] * wr;
                            double ur = re[a];
                            double ui = im[a];
                            re[a] = ur + vr;
                            im[a] = ui + vi;
                            re[b] = ur - vr;
                            im[b] = ui - vi;
                        }
                    }
                }
                {
                    /* DC and Nyquist come from Z[0] alone. */
                    double z0r = re[0];
                    double z0i = im[0];
                    re[0] = z0r + z0i;
                    im[0] = 0.0;
                    re[LB_FFT_HALF] = z0r - z0i;
                    im[LB_FFT_HALF] = 0.0;
                }
                /* Bins k and half-k depend on the same pair Z[k], Z[half-k]: compute both before writing. */
                for (k = 1; k <= LB_FFT_HALF / 2; k++) {
                    int m = LB_FFT_HALF - k;
                    double ar = re[k];
                    double ai = im[k];
                    double br = re[m];
                    double bi = im[m];
                    double fe_r = 0.5 * (ar + br);
                    double fe_i = 0.5 * (ai - bi);
                    double fo_r = 0.5 * (ai + bi);
                    double fo_i = -0.5 * (ar - br);
                    double wr = lb_fft_split_cos[k];
                    double wi = lb_fft_split_sin[k];
                    double t_r = wr * fo_r - wi * fo_i;
                    double t_i = wr * fo_i + wi * fo_r;
                    re[k] = fe_r + t_r;
                    im[k] = fe_i + t_i;
                    if (m != k) {
                        /* X[m] = conj(Fe) + W^m conj(Fo), and W^m = -conj(W^k). */
                        double wm_r = -wr;
                        double wm_i = wi;
                        double cfo_r = fo_r;
                        double cfo_i = -fo_i;
                        re[m] = fe_r + (wm_r * cfo_r - wm_i * cfo_i);
                        im[m] = -fe_i + (wm_r * cfo_i + wm_i * cfo_r);
                    }
                }
            }
            """;

    private static final String INTEGER_FFT = """

            /* a * b / 2^32, rounded (SMMULR). */
            static inline int32_t lb_q_mulr(int32_t a, int32_t b)
            {
            #if defined(__ARM_FEATURE_DSP)
                int32_t r;
                __asm__ ("smmulr %0, %1, %2" : "=r" (r) : "r" (a), "r" (b));
                return r;
            #else
                return (int32_t) (((int64_t) a * b + 0x80000000LL) >> 32);
            #endif
            }

            /* acc + a * b / 2^32, rounded once (SMMLAR). */
            static inline int32_t lb_q_mlar(int32_t a, int32_t b, int32_t acc)
            {
            #if defined(__ARM_FEATURE_DSP)
                int32_t r;
                __asm__ ("smmlar %0, %1, %2, %3" : "=r" (r) : "r" (a), "r" (b), "r" (acc));
                return r;
            #else
                return (int32_t) (((int64_t) acc * 4294967296LL + (int64_t) a * b + 0x80000000LL) >> 32);
            #endif
            }

            /* acc - a * b / 2^32, rounded once (SMMLSR). */
            static inline int32_t lb_q_mlsr(int32_t a, int32_t b, int32_t acc)
            {
            #if defined(__ARM_FEATURE_DSP)
                int32_t r;
                __asm__ ("smmlsr %0, %1, %2, %3" : "=r" (r) : "r" (a), "r" (b), "r" (acc));
                return r;
            #else
                return (int32_t) (((int64_t) acc * 4294967296LL - (int64_t) a * b + 0x80000000LL) >> 32);
            #endif
            }

            /* (a + i b) (wr + i wi) / 2 with Q31 twiddles: real and imaginary parts. */
            #define LB_Q_CMUL_RE(a, b, wr, wi) lb_q_mlsr((b), (wi), lb_q_mulr((a), (wr)))
            #define LB_Q_CMUL_IM(a, b, wr, wi) lb_q_mlar((b), (wr), lb_q_mulr((a), (wi)))

            /* |v| for v >= 0, |v| - 1 for v < 0: the same bit-length bound, in two instructions. */
            static inline uint32_t lb_q_magnitude(int32_t v)
            {
                return (uint32_t) (v ^ (v >> 31));
            }

            /* The right shift that brings a bound below 2^(31 - bits), so that a pass growing values by less than
             * 2^bits cannot overflow. Only as large as the data needs (block floating point). */
            static inline int lb_q_shift(uint32_t bound, int bits)
            {
                int shift = 0;
                while ((bound >> shift) >= ((uint32_t) 1 << (31 - bits))) {
                    shift++;
                }
                return shift;
            }

            /* v / 2^shift, rounded (round = 2^(shift - 1), or 0 for no shift). */
            static inline int32_t lb_q_down(int32_t v, int shift, int32_t round)
            {
                return (v + round) >> shift;
            }

            /* Real FFT of in[0 .. LB_FFT_LENGTH) (any int32 values; in is left unchanged) into re, im
             * [0 .. LB_FFT_BINS) (each LB_FFT_BINS long): bin k = (re[k] + i im[k]) * 2^e, e returned. */
            static int lb_rfft_q(const int32_t *in, int32_t *re, int32_t *im)
            {
                uint32_t any = 0, bound;
                int e = 0;
                int i, k, len, start;
                /* Normalise: the largest |value| to [2^27, 2^28), so the passes start with 28 significant bits. */
                for (i = 0; i < LB_FFT_LENGTH; i++) {
                    any |= (uint32_t) (in[i] ^ (in[i] >> 31));
                }
                if (any == 0) {
                    /* The bound counts -1 as 0: a frame of zeros and -1s (digital silence with one LSB of noise,
                     * common in real recordings) is not empty. Only all zeros has the empty spectrum. */
                    for (i = 0; i < LB_FFT_LENGTH && in[i] == 0; i++) {
                    }
                    if (i == LB_FFT_LENGTH) {
                        for (k = 0; k < LB_FFT_BINS; k++) {
                            re[k] = 0;
                            im[k] = 0;
                        }
                        return 0;
                    }
                    any = 1;
                }
                while ((any << 1) < ((uint32_t) 1 << 28) && (any >> 30) == 0) {
                    any <<= 1;
                    e--;
                }
                while (any >= ((uint32_t) 1 << 28)) {
                    any >>= 1;
                    e++;
                }
                for (i = 0; i < LB_FFT_HALF; i++) {
                    int j = lb_fft_bit_reversed[i];
                    int32_t a = in[2 * i];
                    int32_t b = in[2 * i + 1];
                    if (e < 0) {
                        re[j] = (int32_t) ((uint32_t) a << -e);
                        im[j] = (int32_t) ((uint32_t) b << -e);
                    } else {
                        re[j] = e == 0 ? a : (a + ((int32_t) 1 << (e - 1))) >> e;
                        im[j] = e == 0 ? b : (b + ((int32_t) 1 << (e - 1))) >> e;
                    }
                }
                /* Each pass ORs the magnitudes of what it writes into `bound`; the next pass shifts its loads by what
                 * that bound needs (no separate scan of the data). */
                bound = (uint32_t) 1 << 28;
                len = 4;
                if ((LB_FFT_HALF & 0x55555555) == 0) {
                    /* log2(LB_FFT_HALF) is odd: one radix-2 pass (twiddles 1) before the radix-4 ones. */
                    bound = 0;
                    for (start = 0; start < LB_FFT_HALF; start += 2) {
                        int32_t ar = re[start], ai = im[start], br = re[start + 1], bi = im[start + 1];
                        re[start] = ar + br;
                        im[start] = ai + bi;
                        re[start + 1] = ar - br;
                        im[start + 1] = ai - bi;
                        bound |= lb_q_magnitude(re[start]) | lb_q_magnitude(im[start])
                                | lb_q_magnitude(re[start + 1]) | lb_q_magnitude(im[start + 1]);
                    }
                    len = 8;
                }
                for (; len <= LB_FFT_HALF; len <<= 2) {
                    const int q = len >> 2;
                    const int step = LB_FFT_HALF / len;
                    /* The first quarter down by sa, the three that meet twiddles by one less (see lb_q_mulr). */
                    const int shift = lb_q_shift(bound, 3);
                    const int sa = shift > 0 ? shift : 1;
                    const int sx = sa - 1;
                    const int32_t round_a = (int32_t) 1 << (sa - 1);
                    const int32_t round = sx > 0 ? (int32_t) 1 << (sx - 1) : 0;
                    e += sa;
                    bound = 0;
                    for (start = 0; start < LB_FFT_HALF; start += len) {
                        /* The four quarters of a block hold the DFTs of the samples = 0, 2, 1, 3 (mod 4): radix-2
                         * bit reversal, so the quarter with odd samples 1 (mod 4) takes w^k and the one with 2 takes w^2k. */
                        for (k = 0; k < q; k++) {
                            const int i0 = start + k, i1 = i0 + q, i2 = i1 + q, i3 = i2 + q;
                            const int t1 = k * step, t2 = 2 * t1, t3 = 3 * t1;
                            int32_t ar = lb_q_down(re[i0], sa, round_a), ai = lb_q_down(im[i0], sa, round_a);
                            int32_t xr = lb_q_down(re[i1], sx, round), xi = lb_q_down(im[i1], sx, round);
                            int32_t yr = lb_q_down(re[i2], sx, round), yi = lb_q_down(im[i2], sx, round);
                            int32_t zr = lb_q_down(re[i3], sx, round), zi = lb_q_down(im[i3], sx, round);
                            int32_t br = LB_Q_CMUL_RE(xr, xi, lb_fft_tw_re[t2], lb_fft_tw_im[t2]);
                            int32_t bi = LB_Q_CMUL_IM(xr, xi, lb_fft_tw_re[t2], lb_fft_tw_im[t2]);
                            int32_t cr = LB_Q_CMUL_RE(yr, yi, lb_fft_tw_re[t1], lb_fft_tw_im[t1]);
                            int32_t ci = LB_Q_CMUL_IM(yr, yi, lb_fft_tw_re[t1], lb_fft_tw_im[t1]);
                            int32_t dr = LB_Q_CMUL_RE(zr, zi, lb_fft_tw_re[t3], lb_fft_tw_im[t3]);
                            int32_t di = LB_Q_CMUL_IM(zr, zi, lb_fft_tw_re[t3], lb_fft_tw_im[t3]);
                            int32_t s0r = ar + br, s0i = ai + bi, d0r = ar - br, d0i = ai - bi;
                            int32_t s1r = cr + dr, s1i = ci + di, d1r = cr - dr, d1i = ci - di;
                            /* Outputs k + len/4 and k + 3 len/4: w^(len/4) = -i. */
                            const int32_t o0r = s0r + s1r, o0i = s0i + s1i, o2r = s0r - s1r, o2i = s0i - s1i;
                            const int32_t o1r = d0r + d1i, o1i = d0i - d1r, o3r = d0r - d1i, o3i = d0i + d1r;
                            re[i0] = o0r;
                            im[i0] = o0i;
                            re[i2] = o2r;
                            im[i2] = o2i;
                            re[i1] = o1r;
                            im[i1] = o1i;
                            re[i3] = o3r;
                            im[i3] = o3i;
                            /* From the values, not the arrays: the stores would force reloads. */
                            bound |= lb_q_magnitude(o0r) | lb_q_magnitude(o0i) | lb_q_magnitude(o1r)
                                    | lb_q_magnitude(o1i) | lb_q_magnitude(o2r) | lb_q_magnitude(o2i)
                                    | lb_q_magnitude(o3r) | lb_q_magnitude(o3i);
                        }
                    }
                }
                /* Split (values doubled: 2 Fe, 2 Fo, so no halving is rounded away): bins grow by less than 2^3. */
                {
                    const int shift = lb_q_shift(bound, 3);
                    const int32_t round = shift > 0 ? (int32_t) 1 << (shift - 1) : 0;
                    int32_t z0r = lb_q_down(re[0], shift, round), z0i = lb_q_down(im[0], shift, round);
                    e += shift;
                    re[0] = 2 * (z0r + z0i);
                    im[0] = 0;
                    re[LB_FFT_HALF] = 2 * (z0r - z0i);
                    im[LB_FFT_HALF] = 0;
                    for (k = 1; k <= LB_FFT_HALF / 2; k++) {
                        const int m = LB_FFT_HALF - k;
                        int32_t ar = lb_q_down(re[k], shift, round), ai = lb_q_down(im[k], shift, round);
                        int32_t br = lb_q_down(re[m], shift, round), bi = lb_q_down(im[m], shift, round);
                        /* 2 Fo at twice the scale (below 2^30), since the Q31 products halve it. */
                        int32_t fe_r = ar + br, fe_i = ai - bi, fo_r = 2 * (ai + bi), fo_i = 2 * (br - ar);
                        int32_t t_r = LB_Q_CMUL_RE(fo_r, fo_i, lb_fft_split_re[k], lb_fft_split_im[k]);
                        int32_t t_i = LB_Q_CMUL_IM(fo_r, fo_i, lb_fft_split_re[k], lb_fft_split_im[k]);
                        re[k] = fe_r + t_r;
                        im[k] = fe_i + t_i;
                        if (m != k) {
                            /* X[m] = conj(Fe) + W^m conj(Fo), and W^m = -conj(W^k). */
                            re[m] = fe_r - t_r;
                            im[m] = t_i - fe_i;
                        }
                    }
                }
                return e - 1;
            }

            /* e^{-2 pi i m / LB_FFT_LENGTH} as (c, s), folded onto the quarter-wave table. */
            static inline void lb_unit(int m, float *c, float *s)
            {
                const int quarter = LB_FFT_LENGTH / 4;
                int r;
                m &= LB_FFT_LENGTH - 1;
                r = m % quarter;
                switch (m / quarter) {
                case 0:
                    *c = lb_quarter_cos[r];
                    *s = -lb_quarter_cos[quarter - r];
                    break;
                case 1:
                    *c = -lb_quarter_cos[quarter - r];
                    *s = -lb_quarter_cos[r];
                    break;
                case 2:
                    *c = -lb_quarter_cos[r];
                    *s = lb_quarter_cos[quarter - r];
                    break;
                default:
                    *c = lb_quarter_cos[quarter - r];
                    *s = lb_quarter_cos[r];
                    break;
                }
            }
            """;
}
