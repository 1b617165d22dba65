package dev.littlebrain.train;

import java.util.List;

/**
 * A named model architecture with its default training settings, as Edge Impulse's learn blocks. The presets and
 * their schemas are {@link Presets}.
 */
public record Preset(String name, ModelSpec spec, TrainingConfig training) {

    /** Names accepted by {@link #named}: {@link Presets#NAMES}. */
    public static final List<String> NAMES = Presets.NAMES;

    /**
     * The preset {@code name} for inputs of {@code inputShape} (batch excluded) and {@code classes} labels.
     * Audio presets take {@code [frames, coefficients]}; the motion preset takes any shape.
     */
    public static Preset named(String name, int[] inputShape, int classes) {
        return Presets.create(name, inputShape, classes);
    }
}
