package dev.littlebrain.data.augment;

import java.util.random.RandomGenerator;

/**
 * Scales a clip by a gain uniform in decibels between {@code minDb} and {@code maxDb}, clipping to
 * [-1, 1], so the model does not learn the loudness of the recordings.
 */
public record GainChange(double minDb, double maxDb) implements WaveformAugmentation {
    public GainChange {
        if (!(minDb <= maxDb)) {
            throw new IllegalArgumentException("gain range is empty: " + minDb + " .. " + maxDb);
        }
    }

    @Override
    public float[] apply(float[] samples, RandomGenerator random) {
        double db = minDb == maxDb ? minDb : random.nextDouble(minDb, maxDb);
        float gain = (float) Math.pow(10, db / 20);
        float[] out = new float[samples.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(-1f, Math.min(1f, samples[i] * gain));
        }
        return out;
    }
}
