package dev.littlebrain.dsp.blocks;

/**
 * numpy's pairwise summation for contiguous float32 arrays ({@code np.sum}/{@code np.mean} of a
 * 1-D float32 array): 8 running float32 partial sums per block of up to 128 values, combined as
 * ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), larger arrays split recursively. Reproducing the order makes
 * float32 means (and everything that subtracts them) identical to the Edge Impulse block.
 */
final class Float32Sums {
    private static final int BLOCK = 128;

    private Float32Sums() {
    }

    static float mean(float[] a) {
        return pairwise(a, 0, a.length) / (float) a.length;
    }

    static float pairwise(float[] a, int from, int n) {
        if (n < 8) {
            float res = 0f;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            float[] r = new float[8];
            System.arraycopy(a, from, r, 0, 8);
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[from + i + j];
                }
            }
            float res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise(a, from, n2) + pairwise(a, from + n2, n - n2);
    }
}
