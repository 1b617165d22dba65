package dev.littlebrain.dsp.blocks;

/**
 * A block whose output is one row of coefficients per frame, computed from that frame's
 * samples alone, followed by an optional whole-window step ({@link #finish}). This split is what
 * makes incremental streaming possible: {@code StreamingFeatures} caches per-frame rows and only
 * computes frames it has not seen.
 *
 * <p>{@link #process} is defined as: for each frame {@code t}, {@code computeFrame} on the whole
 * window, then {@code finish} over all rows. Streaming uses the very same two calls, which is
 * why streaming and batch agree exactly.
 */
public interface FramewiseBlock extends DspBlock {

    /** Frame length and stride in samples. */
    Framing framing();

    /** Values per frame before and after {@link #finish} (e.g. 13 cepstra). */
    int coefficientsPerFrame();

    /**
     * Frames whose start is below this sample index depend on samples at the end of the window
     * too (Edge Impulse's pre-emphasis is a circular {@code np.roll}: {@code y[0] = x[0] - c·x[N-1]}),
     * so a streaming implementation must recompute them for every window. 0 when no frame does.
     */
    int circularPrefixSamples();

    /** A new per-frame calculator with its own scratch buffers; not thread-safe, cheap to create. */
    FrameComputer newFrameComputer();

    /**
     * Turns the per-frame rows ({@code frames * coefficientsPerFrame()} doubles, frame-major) into
     * the block's output, e.g. sliding-window CMVN for MFCC. Does not modify {@code rows}.
     */
    float[] finish(double[] rows, int frames);

    /** Computes per-frame rows for one window. */
    interface FrameComputer {
        /**
         * Writes the row of the frame starting at {@code frameStart} of {@code window} (the whole
         * window, its length N, since pre-emphasis wraps around it) into {@code out[offset ..]}.
         */
        void compute(float[] window, int frameStart, double[] out, int offset);
    }

    @Override
    default float[] process(float[] interleaved) {
        SampleChecks.requireFinite(name(), interleaved, 0, interleaved.length);
        int frames = outputShape(interleaved.length).frames();
        int c = coefficientsPerFrame();
        double[] rows = new double[frames * c];
        FrameComputer computer = newFrameComputer();
        int stride = framing().stride();
        for (int t = 0; t < frames; t++) {
            computer.compute(interleaved, t * stride, rows, t * c);
        }
        return finish(rows, frames);
    }
}
