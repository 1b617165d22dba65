package dev.littlebrain.impulse.training;

import dev.littlebrain.train.TrainingDevice;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How to run {@code train} beyond what impulse.yaml's learn block says.
 *
 * @param epochs overrides learn.epochs (e.g. for a quick run); empty: the learn block's
 * @param device where to train ({@link TrainingDevice#AUTO}: a CUDA GPU when PyTorch sees one, else the CPU)
 */
public record TrainOptions(OptionalInt epochs, TrainingDevice device) {
    /** The learn block's epochs, on a GPU when there is one: what {@code littlebrain train} does without options. */
    public static final TrainOptions DEFAULTS = new TrainOptions(OptionalInt.empty(), TrainingDevice.AUTO);

    public TrainOptions {
        Objects.requireNonNull(epochs, "epochs");
        Objects.requireNonNull(device, "device");
        if (epochs.isPresent() && epochs.getAsInt() <= 0) {
            throw new IllegalArgumentException("epochs must be positive, got " + epochs.getAsInt());
        }
    }

    /** These options training for {@code n} epochs. */
    public TrainOptions withEpochs(int n) {
        return new TrainOptions(OptionalInt.of(n), device);
    }

    /** These options training on {@code where}. */
    public TrainOptions withDevice(TrainingDevice where) {
        return new TrainOptions(epochs, where);
    }
}
