package dev.littlebrain.data.augment;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * With probability {@code probability}, adds a random stretch of a random noise recording at a
 * linear gain uniform in [minGain, maxGain] (the Speech Commands trainer's
 * {@code background_frequency} / {@code background_volume}), clipping to [-1, 1].
 *
 * @param recordings noise recordings at the clips' rate; arrays are not modified
 */
public record NoiseMixing(List<float[]> recordings, double probability, double minGain, double maxGain)
        implements WaveformAugmentation {
    public NoiseMixing {
        recordings = List.copyOf(recordings);
        if (!(probability >= 0 && probability <= 1) || !(minGain >= 0 && minGain <= maxGain)) {
            throw new IllegalArgumentException("need 0 <= probability <= 1 and 0 <= minGain <= maxGain");
        }
    }

    @Override
    public float[] apply(float[] samples, RandomGenerator random) {
        // Always draw the decision so the random stream does not depend on the outcome.
        boolean mix = random.nextDouble() < probability;
        if (!mix || recordings.isEmpty()) {
            return samples.clone();
        }
        float[] noise = recordings.get(random.nextInt(recordings.size()));
        int start = noise.length > samples.length ? random.nextInt(noise.length - samples.length + 1) : 0;
        double gain = minGain == maxGain ? minGain : random.nextDouble(minGain, maxGain);
        float[] out = samples.clone();
        for (int i = 0; i < out.length && start + i < noise.length; i++) {
            out[i] = (float) Math.max(-1, Math.min(1, out[i] + gain * noise[start + i]));
        }
        return out;
    }
}
