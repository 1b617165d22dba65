package dev.littlebrain.deploy.dsp;

/**
 * The block-specific C of a framewise block: {@code lb_frame_row} (one frame's row of coefficients,
 * the twin of the block's {@code FrameComputer}) and {@code lb_finish} (rows to features, the twin of
 * {@code FramewiseBlock.finish}). Both may use what {@link DspCGenerator} emits before them: the FFT
 * ({@code lb_rfft} in double, {@code lb_rfft_q} by default), {@code lb_power_q}, {@code lb_real} and the
 * {@code LB_*} sizes.
 */
interface FrameRowCSource {

    /** Tables and helper functions the row code needs (FFT, mel, DCT). */
    String tables();

    /**
     * {@code static void lb_frame_row(const int16_t *x, lb_real *out)}: the row of the frame whose samples are
     * {@code x[0 .. LB_FRAME_USED)}; {@code x[-LB_PRE_SHIFT .. -1]} are the samples its pre-emphasis reads before
     * it (the window's last ones for the circular frames).
     */
    String frameRow();

    /**
     * {@code static void lb_finish(const lb_real *const *rows, float *features)}: {@code rows[t]} is frame t's
     * row; {@code frames} of them.
     */
    String finish(int frames);

    /** One line for the file banner: the block and every parameter. */
    String description();

    /** Samples before a frame that its pre-emphasis reads (0 without pre-emphasis). */
    int preShift();

    /** The sizes the code works in: FFT, filterbank, DCT, CMVN window. */
    FrameRowWork work();
}
