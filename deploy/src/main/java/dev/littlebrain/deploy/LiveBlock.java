package dev.littlebrain.deploy;

import java.util.Optional;

/**
 * The live part of a filter matrix {@code [out channels][depth]} whose training left whole channels dead: output
 * channels whose filter row is all zero (their accumulator is the bias alone, one constant per channel) and input
 * depths that every row multiplies by zero. MLPerf Tiny's VWW MobileNet is the case in point: its last seven
 * pointwise convolutions keep 4 % of their 172 K weights, in a dense block. A kernel that gathers the live depths of
 * a row, multiplies the live block and writes the dead channels' constants computes the same integers as the whole
 * matrix (a zero weight adds zero, also to the input offset's share), with a fraction of the flash and the
 * multiplies.
 *
 * @param liveOut   the output channels with a non-zero weight, ascending
 * @param liveIn    the depths with a non-zero weight in some row, ascending
 * @param outDepth  all output channels
 * @param depth     all depths
 */
public record LiveBlock(int[] liveOut, int[] liveIn, int outDepth, int depth) {
    /**
     * Rows of the gathered input processed at a time by lb_kernels.c's lb_matmul_live_s8: a multiple of the
     * three-row kernel, and small enough that its two buffers stay a few KB.
     */
    public static final int CHUNK_ROWS = 12;

    /** Below this share of the whole matrix the live block pays for its gather, scatter and index tables. */
    private static final double WORTHWHILE = 0.75;

    /** The live block of {@code rows}, when it is small enough to be worth its own kernel. */
    public static Optional<LiveBlock> of(byte[][] rows) {
        int outDepth = rows.length;
        int depth = outDepth == 0 ? 0 : rows[0].length;
        boolean[] depthUsed = new boolean[depth];
        int[] out = new int[outDepth];
        int live = 0;
        for (int oc = 0; oc < outDepth; oc++) {
            boolean any = false;
            for (int k = 0; k < depth; k++) {
                if (rows[oc][k] != 0) {
                    any = true;
                    depthUsed[k] = true;
                }
            }
            if (any) {
                out[live++] = oc;
            }
        }
        int[] in = new int[depth];
        int liveDepth = 0;
        for (int k = 0; k < depth; k++) {
            if (depthUsed[k]) {
                in[liveDepth++] = k;
            }
        }
        LiveBlock block = new LiveBlock(java.util.Arrays.copyOf(out, live), java.util.Arrays.copyOf(in, liveDepth),
                outDepth, depth);
        return (double) live * liveDepth <= WORTHWHILE * outDepth * depth && depth > 0 ? Optional.of(block)
                : Optional.empty();
    }

    /** The live block itself: {@code [live out][live depth]}, the filter the kernel multiplies. */
    public byte[][] rowsOf(byte[][] rows) {
        byte[][] block = new byte[liveOut.length][liveIn.length];
        for (int o = 0; o < liveOut.length; o++) {
            for (int k = 0; k < liveIn.length; k++) {
                block[o][k] = rows[liveOut[o]][liveIn[k]];
            }
        }
        return block;
    }

    /** Whether output channel {@code oc} has a non-zero weight. */
    public boolean isLive(int oc) {
        return java.util.Arrays.binarySearch(liveOut, oc) >= 0;
    }

    /**
     * Bytes of lb_matmul_live_s8's buffers after the three-row kernel's scratch: one chunk of gathered rows and one
     * of computed live outputs.
     */
    public int bufferBytes() {
        return CHUNK_ROWS * (liveIn.length + liveOut.length);
    }
}
