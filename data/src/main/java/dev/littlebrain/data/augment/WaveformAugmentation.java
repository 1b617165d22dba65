package dev.littlebrain.data.augment;

import java.util.random.RandomGenerator;

/**
 * A training-time change to a clip. Implementations are pure: they never modify the input, and
 * the result depends only on the input and the random generator's state, so a seeded generator
 * reproduces an epoch exactly.
 */
@FunctionalInterface
public interface WaveformAugmentation {
    float[] apply(float[] samples, RandomGenerator random);

    /** This augmentation, then {@code next}. */
    default WaveformAugmentation andThen(WaveformAugmentation next) {
        return (samples, random) -> next.apply(apply(samples, random), random);
    }
}
