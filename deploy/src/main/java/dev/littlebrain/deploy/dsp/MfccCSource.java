package dev.littlebrain.deploy.dsp;

import dev.littlebrain.dsp.blocks.MfccBlock;
import dev.littlebrain.dsp.blocks.MfccConfig;

/**
 * {@link MfccBlock} in C: circular pre-emphasis, power spectrum, ln mel energies, orthonormal DCT-II
 * (the block's own table), c0 := ln frame energy, then sliding CMVN ({@link CmvnCSource}).
 */
final class MfccCSource implements FrameRowCSource {
    private final MfccBlock block;
    private final FftCSource fft;
    private final MelCSource mel;

    MfccCSource(MfccBlock block) {
        this.block = block;
        this.fft = new FftCSource(block.config().fftLength());
        this.mel = new MelCSource(block.filterbank());
    }

    @Override
    public String tables() {
        MfccConfig c = block.config();
        return fft.emit() + mel.emit()
                + "/* Orthonormal DCT-II, rows = cepstra (dev.littlebrain.dsp.blocks.OrthonormalDct). */\n"
                + "#define LB_DCT_OUTPUTS " + c.numCepstral() + "\n"
                + CArrays.reals("lb_dct", block.dctTable()) + "\n";
    }

    @Override
    public String frameRow() {
        MfccConfig c = block.config();
        float coefHi = (float) c.preCof();
        float coefLo = (float) (c.preCof() - coefHi);
        return "#define LB_PRE_COF LB_F(" + CArrays.real(c.preCof()) + ")\n"
                + "/* LB_PRE_COF as a float-float pair. */\n"
                + "#define LB_PRE_COF_HI " + CArrays.floatLiteral(coefHi) + "\n"
                + "#define LB_PRE_COF_LO " + CArrays.floatLiteral(coefLo) + "\n"
                + "#define LB_PRE_SHIFT " + c.preShift() + "\n"
                + """
                /* ln floor of speechpy: log(0) would be -inf. */
                #define LB_LOG_FLOOR LB_R(1e-10)
                #define LB_ROW_LOG_FLOOR LB_W(1e-10)

                /* lb_frame[i] = x - LB_PRE_COF * x_prev. x - 0.97 x_prev cancels on loud low-frequency audio: a float32
                 * product would leave an error of 6e-8 |x_prev| where the result is far smaller, so it is formed exactly
                 * (TwoProduct by fmaf, TwoSum) in float-float, or in double. */
                #if LB_FFT_FLOAT_FLOAT
                static void lb_frame_put_emphasised(int i, float x, float x_prev)
                {
                    float p = LB_PRE_COF_HI * x_prev;
                    float p_err = fmaf(LB_PRE_COF_HI, x_prev, -p);
                    float s = x - p;
                    float v = s - x;
                    float e = (x - (s - v)) + (-p - v);
                    e -= fmaf(LB_PRE_COF_LO, x_prev, p_err);
                    lb_frame[i].hi = s + e;
                    lb_frame[i].lo = e - (lb_frame[i].hi - s);
                }
                #else
                static void lb_frame_put_emphasised(int i, float x, float x_prev)
                {
                    lb_frame[i] = (lb_fft_real) x - LB_PRE_COF * (lb_fft_real) x_prev;
                }
                #endif

                /* One cepstrum: the DCT row . ln mel energies. */
                #if LB_FFT_FLOAT_FLOAT
                /* In float-float (exact products by fmaf, TwoSum): terms of +-5 cancel to cepstra near 0.01, and a float sum
                 * keeps an error of about 1e-6, which CMVN divides by spreads as small as 1e-2 (measured 7.6e-5 off). */
                static lb_row_real lb_dct_dot(const lb_real *row, const lb_real *x)
                {
                    lb_ff sum = {0.0f, 0.0f};
                    int i;
                    for (i = 0; i < LB_MEL_FILTERS; i++) {
                        lb_ff p;
                        p.hi = row[i] * x[i];
                        p.lo = fmaf(row[i], x[i], -p.hi);
                        sum = lb_ff_add(sum, p);
                    }
                    return (lb_row_real) sum.hi + (lb_row_real) sum.lo;
                }
                #else
                static lb_row_real lb_dct_dot(const lb_real *row, const lb_real *x)
                {
                    lb_real sum = LB_R(0.0);
                    int i;
                    for (i = 0; i < LB_MEL_FILTERS; i++) {
                        sum += row[i] * x[i];
                    }
                    return (lb_row_real) sum;
                }
                #endif

                static void lb_frame_row(const float *ring, int head, int start, lb_row_real *out)
                {
                    static lb_real power[LB_FFT_BINS];
                    static lb_real mel[LB_MEL_FILTERS];
                    /* ln frame energy in lb_row_real: c0 is the largest coefficient (20 and more) and the one whose
                     * float32 rounding CMVN magnified most. */
                    lb_row_real energy = LB_W(0.0);
                    int i, k;
                    for (i = 0; i < LB_FRAME_USED; i++) {
                        int idx = start + i;
                        /* Edge Impulse's pre-emphasis is circular (np.roll): frame 0 reads the window's last samples. */
                        int prev = ((idx - LB_PRE_SHIFT) % LB_WINDOW_SAMPLES + LB_WINDOW_SAMPLES) % LB_WINDOW_SAMPLES;
                        lb_frame_put_emphasised(i, lb_at(ring, head, idx), lb_at(ring, head, prev));
                    }
                    lb_power(lb_frame, power);
                    for (k = 0; k < LB_FFT_BINS; k++) {
                        energy += (lb_row_real) power[k];
                    }
                    lb_mel(power, mel);
                    for (i = 0; i < LB_MEL_FILTERS; i++) {
                        mel[i] = LB_LOG(mel[i] == LB_R(0.0) ? LB_LOG_FLOOR : mel[i]);
                    }
                    for (k = 0; k < LB_DCT_OUTPUTS; k++) {
                        out[k] = lb_dct_dot(lb_dct + k * LB_MEL_FILTERS, mel);
                    }
                    out[0] = LB_ROW_LOG(energy == LB_W(0.0) ? LB_ROW_LOG_FLOOR : energy);
                }

                """;
    }

    @Override
    public String finish() {
        int win = block.config().winSize();
        if (win == 0) {
            return CmvnCSource.plainCast();
        }
        return CmvnCSource.sliding(win);
    }

    @Override
    public String description() {
        return "mfcc " + block.config();
    }

    /** Pre-emphasis leaves the low bands of loud frames 80 dB and more below the frame's norm (clipped chirps). */
    @Override
    public boolean needsFloatFloatFft() {
        return true;
    }

    /** CMVN divides by the window's spread: a steady tone's ln energy varies by 1e-2 or less. */
    @Override
    public boolean needsDoubleRows() {
        return true;
    }
}
