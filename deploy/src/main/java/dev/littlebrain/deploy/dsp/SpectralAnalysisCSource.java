package dev.littlebrain.deploy.dsp;

import dev.littlebrain.dsp.blocks.SpectralAnalysisBlock;
import dev.littlebrain.dsp.blocks.SpectralAnalysisConfig;
import dev.littlebrain.dsp.filter.SecondOrderSections;

/**
 * The spectral-analysis block (FFT, version 4) in C, in {@link SpectralAnalysisBlock}'s order of operations.
 * Where the Java block works in float32 (scale, Butterworth sosfilt, numpy's pairwise means, RMS) the C does
 * the same float operations and gets the same bits; where Java works in float64 (skewness, kurtosis, the FFT
 * and max-hold spectrum, log10) the C uses {@code lb_real}. The filter's sections are the Java block's own
 * design ({@link SpectralAnalysisBlock#filter()}), cast to float as the block casts them.
 *
 * <p>{@code lb_real} is float by default: measured at most 5.4e-6 from Java (SensorDspCGeneratorTest, filters,
 * FFT lengths 16..128, noisy and clean-tone windows), well inside 1e-4, and the M4F does float in hardware. With
 * {@code -DLB_DSP_DOUBLE_PRECISION} the features were bit-equal to Java's on the same windows.
 */
final class SpectralAnalysisCSource implements SensorBlockCSource {
    private final SpectralAnalysisBlock block;

    SpectralAnalysisCSource(SpectralAnalysisBlock block) {
        this.block = block;
    }

    @Override
    public String description() {
        return block.name() + " " + block.config();
    }

    @Override
    public boolean defaultDouble() {
        return false;
    }

    @Override
    public String body() {
        SpectralAnalysisConfig c = block.config();
        int n = c.fftLength();
        StringBuilder b = new StringBuilder();
        b.append("#define LB_FFT_LENGTH ").append(n).append('\n')
                .append("#define LB_FFT_BINS ").append(n / 2 + 1).append('\n')
                .append("/* Spectrum bins among the features: DC is skipped, and bins past the filter's cut-off. */\n")
                .append("#define LB_FIRST_BIN ").append(block.firstBin()).append('\n')
                .append("#define LB_LAST_BIN ").append(block.lastBin()).append('\n')
                .append("/* RMS, skewness, kurtosis, spectral skewness, spectral kurtosis, then the bins. */\n")
                .append("#define LB_STATS 5\n")
                .append("#define LB_FEATURES_PER_AXIS (LB_STATS + LB_LAST_BIN - LB_FIRST_BIN + 1)\n")
                .append("/* Max-hold segments start every LB_SEGMENT_STEP samples (do_fft_overlap: half a segment). */\n")
                .append("#define LB_SEGMENT_STEP ").append(c.doFftOverlap() ? n - n / 2 : n).append('\n')
                .append("#define LB_DO_LOG ").append(c.doLog() ? 1 : 0).append('\n')
                .append("/* scale_axes, rounded to float as the block does. */\n")
                .append("#define LB_SCALE ").append(CArrays.floatLiteral((float) c.scaleAxes())).append("\n\n");
        SecondOrderSections filter = block.filter();
        if (filter != null) {
            double[][] sos = filter.coefficients();
            b.append("/* Butterworth ").append(c.filterType()).append("-pass, order ").append(c.filterOrder())
                    .append(", cut-off ").append(c.filterCutoff()).append(" Hz: scipy.signal.butter(output='sos') as\n")
                    .append(" * dev.littlebrain.dsp.filter.ButterworthDesign designs it, each row {b0, b1, b2, a1, a2}\n")
                    .append(" * (a0 = 1), cast to float32 as the block runs sosfilt. */\n")
                    .append("#define LB_SECTIONS ").append(sos.length).append('\n')
                    .append("static const float lb_sos[LB_SECTIONS][5] = {\n");
            for (int s = 0; s < sos.length; s++) {
                b.append("    {");
                int[] columns = {0, 1, 2, 4, 5};
                for (int k = 0; k < columns.length; k++) {
                    b.append(k == 0 ? "" : ", ").append(CArrays.floatLiteral((float) sos[s][columns[k]]));
                }
                b.append(s + 1 < sos.length ? "},\n" : "}\n");
            }
            b.append("};\n\n");
        } else {
            b.append("#define LB_SECTIONS 0\n\n");
        }
        double[] cos = new double[n / 2];
        double[] sin = new double[n / 2];
        for (int k = 0; k < n / 2; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / n);
            sin[k] = Math.sin(2 * Math.PI * k / n);
        }
        b.append("/* cos and sin of 2 pi k / LB_FFT_LENGTH, k < LB_FFT_LENGTH / 2. */\n")
                .append(CArrays.reals("lb_cos", cos))
                .append(CArrays.reals("lb_sin", sin))
                .append('\n')
                .append(CODE);
        return b.toString();
    }

    private static final String CODE = """
            static float lb_axis[LB_DSP_SAMPLES_PER_AXIS];
            static float lb_squares[LB_DSP_SAMPLES_PER_AXIS];
            static lb_real lb_values[LB_DSP_SAMPLES_PER_AXIS];
            static lb_real lb_re[LB_FFT_LENGTH];
            static lb_real lb_im[LB_FFT_LENGTH];
            static lb_real lb_spec[LB_FFT_BINS];

            #if LB_SECTIONS > 0
            /* scipy.signal.sosfilt from rest in float32: transposed direct form II, in scipy's order of operations
             * (Java float arithmetic, no fused multiply-add, so C99 without contraction gives the same bits). */
            static void lb_filter(float *x, int n)
            {
                float z0[LB_SECTIONS];
                float z1[LB_SECTIONS];
                int i, s;
                memset(z0, 0, sizeof z0);
                memset(z1, 0, sizeof z1);
                for (i = 0; i < n; i++) {
                    float v = x[i];
                    for (s = 0; s < LB_SECTIONS; s++) {
                        float in = v;
                        float out = lb_sos[s][0] * in + z0[s];
                        z0[s] = lb_sos[s][1] * in - lb_sos[s][3] * out + z1[s];
                        z1[s] = lb_sos[s][2] * in - lb_sos[s][4] * out;
                        v = out;
                    }
                    x[i] = v;
                }
            }
            #endif

            /* numpy's pairwise float32 sum (np.mean of a float32 array): 8 running partial sums per block of up to
             * 128 values, combined ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)), larger arrays halved on a
             * multiple of 8. The same order gives the same float means as Edge Impulse's block. */
            static float lb_pairwise(const float *a, int n)
            {
                float res = 0.0f;
                int i, j, n2;
                if (n < 8) {
                    for (i = 0; i < n; i++) {
                        res += a[i];
                    }
                    return res;
                }
                if (n <= 128) {
                    float r[8];
                    for (j = 0; j < 8; j++) {
                        r[j] = a[j];
                    }
                    for (i = 8; i < n - (n % 8); i += 8) {
                        for (j = 0; j < 8; j++) {
                            r[j] += a[i + j];
                        }
                    }
                    res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
                    for (; i < n; i++) {
                        res += a[i];
                    }
                    return res;
                }
                n2 = n / 2;
                n2 -= n2 % 8;
                return lb_pairwise(a, n2) + lb_pairwise(a + n2, n - n2);
            }

            /* scipy.stats skew and kurtosis (biased, Fisher). A constant axis gives 0 / 0 = NaN, as in scipy. */
            static void lb_skew_kurtosis(const lb_real *x, int n, float *skew, float *kurtosis)
            {
                lb_real mean = LB_R(0.0), m2 = LB_R(0.0), m3 = LB_R(0.0), m4 = LB_R(0.0);
                int i;
                for (i = 0; i < n; i++) {
                    mean += x[i];
                }
                mean /= (lb_real) n;
                for (i = 0; i < n; i++) {
                    lb_real d = x[i] - mean;
                    lb_real d2 = d * d;
                    m2 += d2;
                    m3 += d2 * d;
                    m4 += d2 * d2;
                }
                m2 /= (lb_real) n;
                m3 /= (lb_real) n;
                m4 /= (lb_real) n;
                *skew = (float) (m3 / LB_POW(m2, LB_R(1.5)));
                *kurtosis = (float) (m4 / (m2 * m2) - LB_R(3.0));
            }

            /* In-place radix-2 FFT of lb_re/lb_im (forward, unnormalised). */
            static void lb_fft(void)
            {
                int i, j, k, len;
                for (i = 1, j = 0; i < LB_FFT_LENGTH; i++) {
                    int bit = LB_FFT_LENGTH >> 1;
                    for (; j & bit; bit >>= 1) {
                        j ^= bit;
                    }
                    j ^= bit;
                    if (i < j) {
                        lb_real t = lb_re[i];
                        lb_re[i] = lb_re[j];
                        lb_re[j] = t;
                        t = lb_im[i];
                        lb_im[i] = lb_im[j];
                        lb_im[j] = t;
                    }
                }
                for (len = 2; len <= LB_FFT_LENGTH; len <<= 1) {
                    int half = len / 2;
                    int stride = LB_FFT_LENGTH / len;
                    for (i = 0; i < LB_FFT_LENGTH; i += len) {
                        for (k = 0; k < half; k++) {
                            lb_real wr = lb_cos[k * stride];
                            lb_real wi = -lb_sin[k * stride];
                            lb_real xr = lb_re[i + k + half];
                            lb_real xi = lb_im[i + k + half];
                            lb_real tr = wr * xr - wi * xi;
                            lb_real ti = wr * xi + wi * xr;
                            lb_re[i + k + half] = lb_re[i + k] - tr;
                            lb_im[i + k + half] = lb_im[i + k] - ti;
                            lb_re[i + k] += tr;
                            lb_im[i + k] += ti;
                        }
                    }
                }
            }

            /* Welch max-hold (Edge Impulse common/spectrum.py): rectangular segments of LB_FFT_LENGTH samples,
             * zero-padded at the end, starting every LB_SEGMENT_STEP samples while the start is <= n; per bin the
             * largest |X|^2 / LB_FFT_LENGTH. */
            static void lb_max_hold(const float *x, int n)
            {
                int start, i, k;
                for (k = 0; k < LB_FFT_BINS; k++) {
                    lb_spec[k] = LB_R(0.0);
                }
                for (start = 0; start <= n; start += LB_SEGMENT_STEP) {
                    int count = n - start < LB_FFT_LENGTH ? n - start : LB_FFT_LENGTH;
                    for (i = 0; i < LB_FFT_LENGTH; i++) {
                        lb_re[i] = i < count ? (lb_real) x[start + i] : LB_R(0.0);
                        lb_im[i] = LB_R(0.0);
                    }
                    lb_fft();
                    for (k = 0; k < LB_FFT_BINS; k++) {
                        lb_real p = (lb_re[k] * lb_re[k] + lb_im[k] * lb_im[k]) / (lb_real) LB_FFT_LENGTH;
                        if (p > lb_spec[k]) {
                            lb_spec[k] = p;
                        }
                    }
                }
            }

            static void lb_block(const float *values, size_t samples, float *features)
            {
                const int n = (int) samples;
                int a, i, k;
                for (a = 0; a < LB_DSP_AXES; a++) {
                    float *out = features + a * LB_FEATURES_PER_AXIS;
                    float mean;
                    for (i = 0; i < n; i++) {
                        lb_axis[i] = values[i * LB_DSP_AXES + a] * LB_SCALE;
                    }
            #if LB_SECTIONS > 0
                    lb_filter(lb_axis, n);
            #endif
                    mean = lb_pairwise(lb_axis, n) / (float) n;
                    for (i = 0; i < n; i++) {
                        lb_axis[i] = lb_axis[i] - mean;
                        lb_squares[i] = lb_axis[i] * lb_axis[i];
                        lb_values[i] = (lb_real) lb_axis[i];
                    }
                    /* sqrtf is correctly rounded, so it equals Java's (float) Math.sqrt of the float mean. */
                    out[0] = sqrtf(lb_pairwise(lb_squares, n) / (float) n);
                    lb_skew_kurtosis(lb_values, n, &out[1], &out[2]);
                    lb_max_hold(lb_axis, n);
                    lb_skew_kurtosis(lb_spec, LB_FFT_BINS, &out[3], &out[4]);
                    for (k = LB_FIRST_BIN; k <= LB_LAST_BIN; k++) {
                        lb_real v = lb_spec[k];
            #if LB_DO_LOG
                        /* log10, with 0 read as 1e-10 as the block does. */
                        v = LB_LOG10(v == LB_R(0.0) ? LB_R(1e-10) : v);
            #endif
                        out[LB_STATS + k - LB_FIRST_BIN] = (float) v;
                    }
                }
            }

            """;
}
