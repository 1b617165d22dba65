package dev.littlebrain.train;

import java.util.List;
import java.util.Locale;

/**
 * How the learning rate moves over a run. {@link #CONSTANT} keeps the configured rate (Edge Impulse's default);
 * {@link #COSINE} decays it along half a cosine from the configured rate at the first batch to zero after the last
 * (Keras' {@code CosineDecay} with {@code alpha = 0}, stepped per batch). A constant rate leaves the final weights
 * wandering around the minimum by an amount set by the rate, so the epoch kept depends on chance; decaying lets the
 * last epochs settle.
 */
public enum LearningRateSchedule {
    CONSTANT,
    COSINE;

    /** The names {@code learn.learning_rate_schedule} takes. */
    public static final List<String> NAMES = List.of("constant", "cosine");

    /** The rate for optimizer step {@code step} (0-based) of {@code totalSteps}, from the base rate {@code rate}. */
    public float rate(float rate, long step, long totalSteps) {
        if (this == CONSTANT || totalSteps <= 0) {
            return rate;
        }
        double progress = Math.min(1.0, Math.max(0.0, step / (double) totalSteps));
        return (float) (rate * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The schedule named {@code name} ({@link #NAMES}). */
    public static LearningRateSchedule named(String name) {
        for (LearningRateSchedule s : values()) {
            if (s.id().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown learning rate schedule '" + name + "'; known: " + NAMES);
    }
}
