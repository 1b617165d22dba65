package dev.littlebrain.deploy.dsp;

/**
 * The block-specific C of a framewise block: {@code lb_frame_row} (one frame's row of coefficients,
 * the twin of the block's {@code FrameComputer}) and {@code lb_finish} (rows to features, the twin of
 * {@code FramewiseBlock.finish}). Both may use what {@link DspCGenerator} emits before them:
 * {@code lb_at}, {@code lb_frame}, {@code lb_power}, {@code LB_*} sizes.
 */
interface FrameRowCSource {

    /** Tables and helper functions the row code needs (FFT, mel, DCT). */
    String tables();

    /**
     * {@code static void lb_frame_row(const float *ring, int head, int start, lb_real *out)}: the row
     * of the frame starting at window sample {@code start}, where window sample i is
     * {@code lb_at(ring, head, i)}.
     */
    String frameRow();

    /** {@code static void lb_finish(const lb_real *rows, float *features)}. */
    String finish();

    /** One line for the file banner: the block and every parameter. */
    String description();
}
