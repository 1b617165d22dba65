package dev.littlebrain.deploy.dsp;

/**
 * The block-specific C of a framewise block: {@code lb_frame_row} (one frame's row of coefficients,
 * the twin of the block's {@code FrameComputer}) and {@code lb_finish} (rows to features, the twin of
 * {@code FramewiseBlock.finish}). Both may use what {@link DspCGenerator} emits before them:
 * {@code lb_at}, {@code lb_frame} ({@code lb_fft_real}, or {@code lb_ff} pairs where {@code LB_FFT_FLOAT_FLOAT};
 * written through {@code lb_frame_put} from {@link DspCGenerator#framePut()} or a helper of the block's own),
 * {@code lb_power} (to {@code lb_real}), {@code LB_*} sizes.
 */
interface FrameRowCSource {

    /** Tables and helper functions the row code needs (FFT, mel, DCT). */
    String tables();

    /**
     * {@code static void lb_frame_row(const float *ring, int head, int start, lb_row_real *out)}: the row
     * of the frame starting at window sample {@code start}, where window sample i is
     * {@code lb_at(ring, head, i)}.
     */
    String frameRow();

    /** {@code static void lb_finish(const lb_row_real *rows, float *features)}. */
    String finish();

    /** One line for the file banner: the block and every parameter. */
    String description();

    /**
     * Whether the default build computes the frame and FFT in float-float ({@code lb_ff}, about 48 bits on a
     * float FPU) while the rest of the row runs in float: true where a float32 FFT misses the 1e-4 contract,
     * because its error (about 1e-7 of the frame's norm) is large against the weakest bins that reach the features.
     */
    boolean needsFloatFloatFft();

    /**
     * Whether the default build keeps the rows ({@code lb_row_real}: the per-frame output, the streaming cache)
     * in double: true where a whole-window step (MFCC's CMVN) divides by a standard deviation that can be far
     * smaller than the values, so float32's rounding of a row (1e-6 at ln energy 20) would be magnified.
     */
    boolean needsDoubleRows();
}
