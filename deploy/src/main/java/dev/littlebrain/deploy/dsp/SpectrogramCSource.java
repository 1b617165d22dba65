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

                """
                + DspCGenerator.framePut()
                + """
                static void lb_frame_row(const float *ring, int head, int start, lb_row_real *out)
                {
                    static lb_real power[LB_FFT_BINS];
                    int i, k;
                    for (i = 0; i < LB_FRAME_USED; i++) {
                        lb_frame_put(i, lb_at(ring, head, start + i));
                    }
                    lb_power(lb_frame, power);
                    for (k = 0; k < LB_FFT_BINS; k++) {
                        lb_real db = LB_R(10.0) * LB_LOG10(power[k] > LB_DB_FLOOR ? power[k] : LB_DB_FLOOR);
                        lb_real v = (db - LB_NOISE_FLOOR_DB) / LB_DB_RANGE;
                        out[k] = v > LB_R(0.0) ? v : LB_R(0.0);
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
        return "spectrogram " + block.config();
    }

    /** Every bin is a feature, down to the noise floor: bins 100 dB below a tone need more than float32. */
    @Override
    public boolean needsFloatFloatFft() {
        return true;
    }

    /** Rows become the features as they are: float loses nothing. */
    @Override
    public boolean needsDoubleRows() {
        return false;
    }
}
