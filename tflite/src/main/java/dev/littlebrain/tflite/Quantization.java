package dev.littlebrain.tflite;

import java.util.List;

/**
 * Affine quantization parameters of a tensor: {@code real = scale * (q - zeroPoint)}.
 * Per-tensor quantization has one scale; per-channel quantization has one scale per slice along
 * {@code quantizedDimension}.
 */
public record Quantization(
        List<Float> scale, List<Long> zeroPoint, int quantizedDimension, List<Float> min, List<Float> max) {

    public static final Quantization NONE = new Quantization(List.of(), List.of(), 0, List.of(), List.of());

    public Quantization {
        scale = List.copyOf(scale);
        zeroPoint = List.copyOf(zeroPoint);
        min = List.copyOf(min);
        max = List.copyOf(max);
    }

    public static Quantization perTensor(float scale, long zeroPoint) {
        return new Quantization(List.of(scale), List.of(zeroPoint), 0, List.of(), List.of());
    }

    public static Quantization perChannel(float[] scales, long[] zeroPoints, int dimension) {
        Float[] s = new Float[scales.length];
        Long[] z = new Long[zeroPoints.length];
        for (int i = 0; i < scales.length; i++) {
            s[i] = scales[i];
        }
        for (int i = 0; i < zeroPoints.length; i++) {
            z[i] = zeroPoints[i];
        }
        return new Quantization(List.of(s), List.of(z), dimension, List.of(), List.of());
    }

    /** True when a scale is present (the tensor is quantized). */
    public boolean isPresent() {
        return !scale.isEmpty();
    }

    public boolean isPerChannel() {
        return scale.size() > 1;
    }

    public int channels() {
        return scale.size();
    }

    /** The single scale of a per-tensor quantized tensor (the first one otherwise). */
    public float scale0() {
        return scale.get(0);
    }

    /** The single zero point of a per-tensor quantized tensor (0 when none is stored). */
    public int zeroPoint0() {
        return zeroPoint.isEmpty() ? 0 : zeroPoint.get(0).intValue();
    }

    public float[] scales() {
        float[] out = new float[scale.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = scale.get(i);
        }
        return out;
    }

    public int[] zeroPoints() {
        int[] out = new int[zeroPoint.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = zeroPoint.get(i).intValue();
        }
        return out;
    }
}
