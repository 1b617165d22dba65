package dev.littlebrain.deploy.dsp;

import dev.littlebrain.dsp.blocks.MfccBlock;
import dev.littlebrain.dsp.blocks.MfccConfig;

/**
 * {@link MfccBlock} in C: pre-emphasis, power spectrum, ln mel energies, orthonormal DCT-II (the block's own
 * table), c0 := ln frame energy, then sliding CMVN ({@link CmvnCSource}).
 *
 * <p>By default the pre-emphasis is applied to the spectrum, not to the samples: the integer FFT transforms the
 * raw int16 frame x exactly as it comes, and each bin is then Y[k] = (1 - c e^{-2 pi i s k / n}) X[k] + E[k], where
 * the first factor is a circular pre-emphasis within the frame and E[k] the DFT of the few samples where the real
 * one differs from it (the frame's first s samples read the s before it; zero padding). Measured against the Java
 * block: a float32 FFT of the emphasised frame leaves the low bands of loud frames (attenuated 34 dB by the filter)
 * up to 3e-4 off in ln energy, the integer FFT of the emphasised frame 7e-5, the integer FFT of the raw frame with
 * the filter applied per bin 4e-5 at most, and then the features 5e-6 from Java (float rows, float DCT).
 */
final class MfccCSource implements FrameRowCSource {
    private final MfccBlock block;
    private final FftCSource fft;
    private final MelCSource mel;

    MfccCSource(MfccBlock block) {
        this.block = block;
        this.fft = new FftCSource(block.config().fftLength());
        this.mel = new MelCSource(block.filterbank());
        int used = Math.min(DspCGenerator.frameLength(block), block.config().fftLength());
        if (preShift() >= used) {
            throw new UnsupportedOperationException("mfcc pre_shift " + block.config().preShift()
                    + " must be shorter than the frame's " + used + " samples for the exported C");
        }
    }

    @Override
    public String tables() {
        MfccConfig c = block.config();
        int n = c.fftLength();
        double[] preRe = new double[n / 2 + 1];
        double[] preIm = new double[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++) {
            double angle = 2.0 * Math.PI * (((long) preShift() * k) % n) / n;
            preRe[k] = 1.0 - c.preCof() * Math.cos(angle);
            preIm[k] = c.preCof() * Math.sin(angle);
        }
        return fft.emit() + mel.emit()
                + "/* Orthonormal DCT-II, rows = cepstra (dev.littlebrain.dsp.blocks.OrthonormalDct). */\n"
                + "#define LB_DCT_OUTPUTS " + c.numCepstral() + "\n"
                + CArrays.reals("lb_dct", block.dctTable()) + "\n"
                + "#ifndef LB_DSP_DOUBLE_PRECISION\n"
                + "/* 1 - LB_PRE_COF e^{-2 pi i LB_PRE_SHIFT k / LB_FFT_LENGTH}: the pre-emphasis of bin k. */\n"
                + CArrays.reals("float", "lb_pre_re", preRe)
                + CArrays.reals("float", "lb_pre_im", preIm)
                + "#endif\n\n";
    }

    @Override
    public String frameRow() {
        MfccConfig c = block.config();
        return "#define LB_PRE_COF " + CArrays.real(c.preCof()) + "\n"
                + "#define LB_PRE_COF_F " + CArrays.floatLiteral((float) c.preCof()) + "\n"
                + """
                /* ln floor of speechpy: log(0) would be -inf. */
                #define LB_LOG_FLOOR LB_R(1e-10)
                /* ln 2 in two parts (Cody and Waite): LB_LN2_HI * e is exact for |e| < 2^9. */
                #define LB_LN2_HI 0.693145751953125f
                #define LB_LN2_LO 1.42860682030941723212e-6f

                #ifdef LB_DSP_DOUBLE_PRECISION
                /* Java's order: y = x - c x_prev in double, double FFT, energy summed in double. */
                static double lb_spectrum(const int16_t *x, double *power)
                {
                    static double frame[LB_FFT_LENGTH];
                    double energy = 0.0;
                    int i, k;
                    for (i = 0; i < LB_FRAME_USED; i++) {
                        frame[i] = (double) x[i] - LB_PRE_COF * (double) x[i - LB_PRE_SHIFT];
                    }
                    lb_power(frame, power);
                    for (k = 0; k < LB_FFT_BINS; k++) {
                        energy += power[k];
                    }
                    return log(energy == 0.0 ? 1e-10 : energy);
                }
                #define LB_MEL_LOG(x) log(x)
                #else
                /* ln x for the mel energies (finite, > 0): x = m 2^e with m in [sqrt(1/2), sqrt(2)), and
                 * ln m = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.172, whose odd series to s^9 is within 3e-10
                 * of it. About 2 ulp, in a third of the C library's instructions (which also handles signs, zeros,
                 * infinities and errno, none of which a mel energy is): 32 logs a frame, 25 frames an update. */
                static inline float lb_logf(float x)
                {
                    union {
                        float f;
                        uint32_t u;
                    } v;
                    int32_t e = 0;
                    float s, z;
                    v.f = x;
                    if (v.u < 0x00800000u) {
                        /* Subnormal: into the normal range first. */
                        v.f *= 16777216.0f;
                        e = -24;
                    }
                    /* Counting the exponent from sqrt(1/2)'s bits puts the step between e and e + 1 there. */
                    v.u -= 0x3f3504f3u;
                    e += (int32_t) v.u >> 23;
                    v.u = (v.u & 0x007fffffu) + 0x3f3504f3u;
                    s = (v.f - 1.0f) / (v.f + 1.0f);
                    z = s * s;
                    return (float) e * LB_LN2_HI + ((float) e * LB_LN2_LO
                            + 2.0f * s * (1.0f + z * (1.0f / 3.0f + z * (1.0f / 5.0f + z * (1.0f / 7.0f + z * (1.0f / 9.0f))))));
                }
                #define LB_MEL_LOG(x) lb_logf(x)
                """
                + edgeTerms()
                + """
                /* The power spectrum of the emphasised frame (pre-emphasis per bin, see the file's notes) and the ln of
                 * its sum: summed in float-float (TwoSum), since a float sum of 129 bins is off by up to 8e-6 relative
                 * and CMVN divides c0 by spreads of 1e-2. */
                static float lb_spectrum(const int16_t *x, float *power)
                {
                    static int32_t frame[LB_FFT_LENGTH];
                    static int32_t re[LB_FFT_BINS];
                    static int32_t im[LB_FFT_BINS];
                    float scale, sum = 0.0f, sum_err = 0.0f, mantissa;
                    int i, k, exponent;
                    for (i = 0; i < LB_FRAME_USED; i++) {
                        frame[i] = x[i];
                    }
                    scale = ldexpf(1.0f, lb_rfft_q(frame, re, im));
                    for (k = 0; k < LB_FFT_BINS; k++) {
                        float xr = (float) re[k] * scale;
                        float xi = (float) im[k] * scale;
                        float yr = lb_pre_re[k] * xr - lb_pre_im[k] * xi;
                        float yi = lb_pre_re[k] * xi + lb_pre_im[k] * xr;
                        float s, v;
                        lb_add_edges(x, k, &yr, &yi);
                        power[k] = LB_POWER_SCALE * (yr * yr + yi * yi);
                        s = sum + power[k];
                        v = s - sum;
                        sum_err += (sum - (s - v)) + (power[k] - v);
                        sum = s;
                    }
                    if (sum == 0.0f) {
                        return logf(1e-10f);
                    }
                    /* ln(sum + sum_err) = e ln 2 + ln(mantissa) + sum_err / sum, rounded once. */
                    mantissa = frexpf(sum, &exponent);
                    return (float) exponent * LB_LN2_HI
                            + (logf(mantissa) + (float) exponent * LB_LN2_LO + sum_err / sum);
                }
                #endif

                static void lb_frame_row(const int16_t *x, lb_real *out)
                {
                    static lb_real power[LB_FFT_BINS];
                    static lb_real mel[LB_MEL_FILTERS];
                    lb_real ln_energy = lb_spectrum(x, power);
                    int i, k;
                    lb_mel(power, mel);
                    for (i = 0; i < LB_MEL_FILTERS; i++) {
                        mel[i] = LB_MEL_LOG(mel[i] == LB_R(0.0) ? LB_LOG_FLOOR : mel[i]);
                    }
                    for (k = 0; k < LB_DCT_OUTPUTS; k++) {
                        const lb_real *row = lb_dct + k * LB_MEL_FILTERS;
                        lb_real sum = LB_R(0.0);
                        for (i = 0; i < LB_MEL_FILTERS; i++) {
                            sum += row[i] * mel[i];
                        }
                        out[k] = sum;
                    }
                    out[0] = ln_energy;
                }

                """;
    }

    /**
     * {@code lb_add_edges(x, k, &yr, &yi)}: adds E[k], the DFT of d = y - (circular pre-emphasis within the frame),
     * which is non-zero only at i < s (where y reads the samples before the frame, the circular form the frame's
     * end) and at used <= i < used + s (zero padding, which the circular form fills with -c x[i - s]).
     */
    private String edgeTerms() {
        int s = preShift();
        int n = block.config().fftLength();
        int used = Math.min(DspCGenerator.frameLength(block), n);
        StringBuilder b = new StringBuilder("static inline void lb_add_edges(const int16_t *x, int k, float *yr, float *yi)\n{\n");
        if (s == 0) {
            return b.append("    (void) x;\n    (void) k;\n    (void) yr;\n    (void) yi;\n}\n\n").toString();
        }
        b.append("    float c, s;\n    (void) k;\n    (void) yi;\n");
        for (int i = 0; i < s; i++) {
            int wrapped = n + i - s;
            String circular = wrapped < used ? "(float) x[" + wrapped + "]" : "0.0f";
            String d = "LB_PRE_COF_F * (" + circular + " - (float) x[" + (i - s) + "])";
            b.append(term(i, d));
        }
        for (int i = used; i < Math.min(used + s, n); i++) {
            b.append(term(i, "LB_PRE_COF_F * (float) x[" + (i - s) + "]"));
        }
        b.append("    (void) c;\n    (void) s;\n}\n\n");
        return b.toString();
    }

    private static String term(int i, String d) {
        if (i == 0) {
            return "    /* i = 0: e^0 = 1. */\n    *yr += " + d + ";\n";
        }
        return "    /* i = " + i + " */\n    lb_unit(" + i + " * k, &c, &s);\n"
                + "    *yr += " + d + " * c;\n    *yi += " + d + " * s;\n";
    }

    @Override
    public String finish(int frames) {
        int win = block.config().winSize();
        if (win == 0) {
            return CmvnCSource.plainCast();
        }
        return CmvnCSource.sliding(win, frames);
    }

    @Override
    public String description() {
        return "mfcc " + block.config();
    }

    @Override
    public FrameRowWork work() {
        MfccConfig c = block.config();
        return new FrameRowWork(c.fftLength(), c.numFilters(), c.numCepstral(), c.winSize());
    }

    @Override
    public int preShift() {
        return block.config().preCof() == 0.0 ? 0 : block.config().preShift();
    }
}
