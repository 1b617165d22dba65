package dev.littlebrain.dsp.blocks;

/**
 * First {@code outputs} coefficients of an orthonormal DCT-II over {@code inputs} values, as
 * {@code scipy.fftpack.dct(x, type=2, norm='ortho')[:outputs]}; the cosine table is precomputed.
 */
final class OrthonormalDct {
    private final int inputs;
    private final int outputs;
    private final double[] table;

    OrthonormalDct(int inputs, int outputs) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.table = new double[inputs * outputs];
        for (int k = 0; k < outputs; k++) {
            double s = k == 0 ? Math.sqrt(1.0 / inputs) : Math.sqrt(2.0 / inputs);
            for (int m = 0; m < inputs; m++) {
                table[k * inputs + m] = s * Math.cos(Math.PI * k * (2 * m + 1) / (2.0 * inputs));
            }
        }
    }

    /** The cosine table, {@code outputs x inputs} row-major (a copy), for code generators that must use the same factors. */
    double[] table() {
        return table.clone();
    }

    void apply(double[] in, double[] out, int offset) {
        for (int k = 0; k < outputs; k++) {
            double sum = 0.0;
            int base = k * inputs;
            for (int m = 0; m < inputs; m++) {
                sum += table[base + m] * in[m];
            }
            out[offset + k] = sum;
        }
    }
}
