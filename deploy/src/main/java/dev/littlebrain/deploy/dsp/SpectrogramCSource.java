package dev.littlebrain.deploy.dsp;

import dev.littlebrain.dsp.blocks.SpectrogramBlock;
import dev.littlebrain.dsp.blocks.SpectrogramConfig;

/** {@link SpectrogramBlock} in C: power spectrum of the unscaled frame, dB, noise-floor scaling, no upper clip. */
final class SpectrogramCSource implements FrameRowCSource {
    private final SpectrogramBlock block;
    private final FftCSource fft;

    SpectrogramCSource(SpectrogramBlock block) {
        this.block = block;
        this.fft = new FftCSource(block.config().fftLength());
    }

    @Override
    public String tables() {
        return fft.emit();
    }

    @Override
    public String frameRow() {
        SpectrogramConfig c = block.config();
        double floor = c.noiseFloorDb();
        double range = -floor + 12.0;
        return "#define LB_NOISE_FLOOR_DB LB_R(" + CArrays.real(floor) + ")\n"
                + "#define LB_DB_RANGE LB_R(" + CArrays.real(range) + ")\n"
                + """
                #define LB_DB_FLOOR LB_R(1e-30)

                static void lb_frame_row(const int16_t *x, lb_real *out)
                {
                    static lb_real power[LB_FFT_BINS];
                    int i, k;
                #ifdef LB_DSP_DOUBLE_PRECISION
                    static double frame[LB_FFT_LENGTH];
                    for (i = 0; i < LB_FRAME_USED; i++) {
                        frame[i] = x[i];
                    }
                    lb_power(frame, power);
                #else
                    /* The int16 samples enter the integer FFT exactly. */
                    static int32_t frame[LB_FFT_LENGTH];
                    for (i = 0; i < LB_FRAME_USED; i++) {
                        frame[i] = x[i];
                    }
                    lb_power_q(frame, 0, power);
                #endif
                    for (k = 0; k < LB_FFT_BINS; k++) {
                        lb_real db = LB_R(10.0) * LB_LOG10(power[k] > LB_DB_FLOOR ? power[k] : LB_DB_FLOOR);
                        lb_real v = (db - LB_NOISE_FLOOR_DB) / LB_DB_RANGE;
                        out[k] = v > LB_R(0.0) ? v : LB_R(0.0);
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
        return "spectrogram " + block.config();
    }

    @Override
    public FrameRowWork work() {
        return new FrameRowWork(block.config().fftLength(), 0, 0, 0);
    }

    @Override
    public int preShift() {
        return 0;
    }
}
