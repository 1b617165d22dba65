package dev.littlebrain.runtime.kernels;

import dev.littlebrain.runtime.quant.QuantizedMultiplier;

/**
 * Straightforward NHWC convolution used as the tests' reference: one scalar loop nest per output value,
 * explicit TensorFlow padding, exact integer accumulation (long), requantized with TFLite's fixed point.
 * {@code depthMultiplier > 0} makes it depthwise (filter [1, fh, fw, inC * dm]); 0 means a regular conv
 * (filter [outC, fh, fw, inC]).
 */
record ConvReference(int batches, int inH, int inW, int inC, int fH, int fW, int outC, int strideH, int strideW,
        int dilH, int dilW, boolean same, int depthMultiplier) {

    int outH() {
        return outSize(inH, fH, strideH, dilH);
    }

    int outW() {
        return outSize(inW, fW, strideW, dilW);
    }

    private int outSize(int in, int f, int stride, int dil) {
        int eff = (f - 1) * dil + 1;
        return same ? (in + stride - 1) / stride : (in - eff) / stride + 1;
    }

    private int padBefore(int in, int f, int stride, int dil, int out) {
        int eff = (f - 1) * dil + 1;
        return same ? Math.max((out - 1) * stride + eff - in, 0) / 2 : 0;
    }

    /** Real-valued sums {@code sum(w * x)} per output, with x/w given as doubles (already dequantized or not). */
    double[] sums(double[] x, double[] w) {
        int oh = outH();
        int ow = outW();
        int pt = padBefore(inH, fH, strideH, dilH, oh);
        int pl = padBefore(inW, fW, strideW, dilW, ow);
        double[] out = new double[batches * oh * ow * outC];
        for (int b = 0; b < batches; b++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    for (int oc = 0; oc < outC; oc++) {
                        double acc = 0;
                        for (int ky = 0; ky < fH; ky++) {
                            for (int kx = 0; kx < fW; kx++) {
                                int y = oy * strideH - pt + ky * dilH;
                                int xx = ox * strideW - pl + kx * dilW;
                                if (y < 0 || y >= inH || xx < 0 || xx >= inW) {
                                    continue;
                                }
                                if (depthMultiplier > 0) {
                                    int ic = oc / depthMultiplier;
                                    acc += w[(ky * fW + kx) * outC + oc] * x[((b * inH + y) * inW + xx) * inC + ic];
                                } else {
                                    for (int ic = 0; ic < inC; ic++) {
                                        acc += w[((oc * fH + ky) * fW + kx) * inC + ic]
                                                * x[((b * inH + y) * inW + xx) * inC + ic];
                                    }
                                }
                            }
                        }
                        out[((b * oh + oy) * ow + ox) * outC + oc] = acc;
                    }
                }
            }
        }
        return out;
    }

    /** int8 result: integer sums of w * (x - zpIn) + bias, TFLite requantization, clamp. */
    int[] int8(int[] x, int zpIn, float sIn, int[] w, float[] wScales, int[] bias, float sOut, int zpOut, int actMin,
            int actMax) {
        double[] xs = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xs[i] = x[i] - zpIn;
        }
        double[] ws = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            ws[i] = w[i];
        }
        double[] acc = sums(xs, ws);
        int[] out = new int[acc.length];
        for (int i = 0; i < acc.length; i++) {
            int oc = i % outC;
            float ws0 = wScales.length == 1 ? wScales[0] : wScales[oc];
            QuantizedMultiplier m = QuantizedMultiplier.of((double) sIn * ws0 / sOut);
            int v = m.apply((int) acc[i] + bias[oc]) + zpOut;
            out[i] = Math.max(actMin, Math.min(actMax, v));
        }
        return out;
    }
}
