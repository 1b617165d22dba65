package dev.littlebrain.deploy.dsp;

import dev.littlebrain.dsp.blocks.MfeBlock;
import dev.littlebrain.dsp.blocks.MfeConfig;

/**
 * {@link MfeBlock} in C: float32 scaling and pre-emphasis as the Python block, power spectrum, mel
 * energies, dB, noise-floor scaling, then 8-bit quantisation with numpy's half-to-even rounding
 * ({@code rint} in the default rounding mode) and the C++ SDK's clamp of 256 to 1.0.
 */
final class MfeCSource implements FrameRowCSource {
    private final MfeBlock block;
    private final FftCSource fft;
    private final MelCSource mel;

    MfeCSource(MfeBlock block) {
        this.block = block;
        this.fft = new FftCSource(block.config().fftLength());
        this.mel = new MelCSource(block.filterbank());
    }

    @Override
    public String tables() {
        return fft.emit() + mel.emit();
    }

    @Override
    public String frameRow() {
        MfeConfig c = block.config();
        double floor = c.noiseFloorDb();
        double range = -floor + 12.0;
        return "#define LB_NOISE_FLOOR_DB LB_R(" + CArrays.real(floor) + ")\n"
                + "#define LB_DB_RANGE LB_R(" + CArrays.real(range) + ")\n"
                + """
                #define LB_MEL_FLOOR LB_R(1e-10)
                #define LB_DB_FLOOR LB_R(1e-30)

                /* float32 as the Python block: x = float32(v / 2^15), y = x - 0.98f * x_prev. */
                static float lb_emphasised(const int16_t *x, int i)
                {
                    float now = (float) x[i] / 32768.0f;
                    float before = (float) x[i - 1] / 32768.0f;
                    return now - 0.98f * before;
                }

                static void lb_frame_row(const int16_t *x, lb_real *out)
                {
                    static lb_real power[LB_FFT_BINS];
                    static lb_real mel[LB_MEL_FILTERS];
                    int i, m;
                #ifdef LB_DSP_DOUBLE_PRECISION
                    static double frame[LB_FFT_LENGTH];
                    for (i = 0; i < LB_FRAME_USED; i++) {
                        frame[i] = lb_emphasised(x, i);
                    }
                    lb_power(frame, power);
                #else
                    /* The float frame scaled by a power of two (exact) to at most 2^28 and truncated to int32: an
                     * error below 2^-27 of the largest sample, far under the 1/256 steps of the output. */
                    static int32_t frame[LB_FFT_LENGTH];
                    float largest = 0.0f, scale;
                    int exponent;
                    for (i = 0; i < LB_FRAME_USED; i++) {
                        float y = fabsf(lb_emphasised(x, i));
                        largest = y > largest ? y : largest;
                    }
                    (void) frexpf(largest, &exponent);
                    scale = ldexpf(1.0f, 27 - exponent);
                    for (i = 0; i < LB_FRAME_USED; i++) {
                        frame[i] = (int32_t) (lb_emphasised(x, i) * scale);
                    }
                    lb_power_q(frame, exponent - 27, power);
                #endif
                    lb_mel(power, mel);
                    for (m = 0; m < LB_MEL_FILTERS; m++) {
                        lb_real f = mel[m] == LB_R(0.0) ? LB_MEL_FLOOR : mel[m];
                        lb_real db = LB_R(10.0) * LB_LOG10(f > LB_DB_FLOOR ? f : LB_DB_FLOOR);
                        lb_real v = (db - LB_NOISE_FLOOR_DB) / LB_DB_RANGE;
                        lb_real q;
                        v = v < LB_R(0.0) ? LB_R(0.0) : v;
                        v = v > LB_R(1.0) ? LB_R(1.0) : v;
                        q = LB_RINT(v * LB_R(256.0));
                        /* 256 clamps to 1.0 like the Edge Impulse C++ SDK (Python's uint8 wraps it to 0). */
                        out[m] = q >= LB_R(256.0) ? LB_R(1.0) : (lb_real) (float) (q / LB_R(256.0));
                    }
                }

                """;
    }

    @Override
    public String finish(int frames) {
        return CmvnCSource.plainCast();
    }

    @Override
    public String description() {
        return "mfe " + block.config();
    }

    /** Circular pre-emphasis of one sample (the block's own 0.98f). */
    @Override
    public FrameRowWork work() {
        return new FrameRowWork(block.config().fftLength(), block.config().numFilters(), 0, 0);
    }

    @Override
    public int preShift() {
        return 1;
    }
}
