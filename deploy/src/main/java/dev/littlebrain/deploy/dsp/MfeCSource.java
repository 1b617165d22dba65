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

                """
                + DspCGenerator.framePut()
                + """
                static void lb_frame_row(const float *ring, int head, int start, lb_row_real *out)
                {
                    static lb_real power[LB_FFT_BINS];
                    static lb_real mel[LB_MEL_FILTERS];
                    int i, m;
                    for (i = 0; i < LB_FRAME_USED; i++) {
                        int idx = start + i;
                        int prev = idx == 0 ? LB_WINDOW_SAMPLES - 1 : idx - 1;
                        /* float32 throughout, as the Python block: x = float32(v / 2^15), y = x - 0.98f * x_prev. */
                        float x = lb_at(ring, head, idx) / 32768.0f;
                        float x_prev = lb_at(ring, head, prev) / 32768.0f;
                        lb_frame_put(i, x - 0.98f * x_prev);
                    }
                    lb_power(lb_frame, power);
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
    public String finish() {
        return CmvnCSource.plainCast();
    }

    @Override
    public String description() {
        return "mfe " + block.config();
    }

    /** The 8-bit cells absorb a float32 FFT's error: it moves at most a few cells by one 1/256 step. */
    @Override
    public boolean needsFloatFloatFft() {
        return false;
    }

    @Override
    public boolean needsDoubleRows() {
        return false;
    }
}
