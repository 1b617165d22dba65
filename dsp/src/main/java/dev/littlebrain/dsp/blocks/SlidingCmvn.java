package dev.littlebrain.dsp.blocks;

/**
 * speechpy's {@code cmvnw(vec, win_size, variance_normalization=True)} as Edge Impulse runs it,
 * including its precision steps, which matter at the 1e-6 level:
 * <ul>
 * <li>rows are mirrored at both ends ({@code np.pad(..., 'symmetric')}, which repeats the
 *     mirror periodically when the pad is longer than the sequence);</li>
 * <li>window means are summed row by row in float64 (numpy reduces axis 0 sequentially) and
 *     the mean-subtracted values are stored as float32;</li>
 * <li>the window standard deviation (ddof 0) is computed entirely in float32, again summing row
 *     by row, and {@code m / (std + 1e-10)} is a float32 division.</li>
 * </ul>
 */
final class SlidingCmvn {
    private static final float EPS = (float) 1e-10;

    private SlidingCmvn() {
    }

    /** @param winSize odd window length in frames */
    static float[] apply(double[] rows, int frames, int cols, int winSize) {
        int pad = (winSize - 1) / 2;
        float[] meanSubtracted = new float[frames * cols];
        double[] sums = new double[cols];
        for (int t = 0; t < frames; t++) {
            java.util.Arrays.fill(sums, 0.0);
            for (int w = 0; w < winSize; w++) {
                int src = mirror(t - pad + w, frames) * cols;
                for (int c = 0; c < cols; c++) {
                    sums[c] += rows[src + c];
                }
            }
            for (int c = 0; c < cols; c++) {
                meanSubtracted[t * cols + c] = (float) (rows[t * cols + c] - sums[c] / winSize);
            }
        }
        float[] out = new float[frames * cols];
        float[] fsum = new float[cols];
        float[] fsq = new float[cols];
        float count = winSize;
        for (int t = 0; t < frames; t++) {
            java.util.Arrays.fill(fsum, 0f);
            for (int w = 0; w < winSize; w++) {
                int src = mirror(t - pad + w, frames) * cols;
                for (int c = 0; c < cols; c++) {
                    fsum[c] += meanSubtracted[src + c];
                }
            }
            java.util.Arrays.fill(fsq, 0f);
            for (int w = 0; w < winSize; w++) {
                int src = mirror(t - pad + w, frames) * cols;
                for (int c = 0; c < cols; c++) {
                    float d = meanSubtracted[src + c] - fsum[c] / count;
                    fsq[c] += d * d;
                }
            }
            for (int c = 0; c < cols; c++) {
                float std = (float) Math.sqrt(fsq[c] / count);
                out[t * cols + c] = meanSubtracted[t * cols + c] / (std + EPS);
            }
        }
        return out;
    }

    /** Index into the symmetric (edge-repeating) periodic extension of {@code 0 .. n-1}. */
    static int mirror(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }
}
