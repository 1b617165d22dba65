package dev.littlebrain.dsp.filter;

import java.util.Arrays;

/**
 * A cascade of biquads in scipy's {@code sos} layout: each row is
 * {@code [b0, b1, b2, a0, a1, a2]} with {@code a0 = 1}.
 */
public final class SecondOrderSections {
    private final double[][] sections;

    public SecondOrderSections(double[][] sections) {
        this.sections = new double[sections.length][];
        for (int i = 0; i < sections.length; i++) {
            if (sections[i].length != 6) {
                throw new IllegalArgumentException("a second-order section has 6 coefficients, got "
                        + sections[i].length);
            }
            this.sections[i] = sections[i].clone();
        }
    }

    public int count() {
        return sections.length;
    }

    /** Copy of the coefficients, one row of 6 per section. */
    public double[][] coefficients() {
        double[][] copy = new double[sections.length][];
        for (int i = 0; i < sections.length; i++) {
            copy[i] = sections[i].clone();
        }
        return copy;
    }

    /**
     * {@code scipy.signal.sosfilt(np.float32(sos), x)} for float32 {@code x}, from zero state:
     * coefficients are rounded to float32 and every multiply/add is done in float32, in the
     * transposed direct form II order scipy's kernel uses, so results match it bit for bit
     * (Java float arithmetic is IEEE single with no fused multiply-add).
     */
    public float[] filterFloat32(float[] x) {
        int count = sections.length;
        float[] b0 = new float[count];
        float[] b1 = new float[count];
        float[] b2 = new float[count];
        float[] a1 = new float[count];
        float[] a2 = new float[count];
        for (int s = 0; s < count; s++) {
            b0[s] = (float) sections[s][0];
            b1[s] = (float) sections[s][1];
            b2[s] = (float) sections[s][2];
            a1[s] = (float) sections[s][4];
            a2[s] = (float) sections[s][5];
        }
        float[] z0 = new float[count];
        float[] z1 = new float[count];
        float[] y = x.clone();
        for (int n = 0; n < y.length; n++) {
            float v = y[n];
            for (int s = 0; s < count; s++) {
                float in = v;
                float out = b0[s] * in + z0[s];
                z0[s] = b1[s] * in - a1[s] * out + z1[s];
                z1[s] = b2[s] * in - a2[s] * out;
                v = out;
            }
            y[n] = v;
        }
        return y;
    }

    @Override
    public String toString() {
        return Arrays.deepToString(sections);
    }
}
