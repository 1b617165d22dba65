package dev.littlebrain.train;

import dev.littlebrain.data.augment.SpecAugment;

/**
 * How to fit a model. {@code keep} says which epoch's weights are kept (the lowest validation loss by default);
 * {@code patience} is the number of epochs without an improvement of that choice before stopping (0 disables early
 * stopping). {@code classWeights} (null for
 * none) scales each sample's loss by the weight of its label, as Keras' {@code class_weight}. {@code schedule}
 * moves the learning rate from {@code learningRate} over the {@code epochs} planned (early stopping does not
 * stretch it). {@code specAugment} (null for none) masks runs of frames and coefficients of every training sample
 * afresh each epoch. {@code labelSmoothing} (ε, 0 for none) trains towards {@code 1 - ε + ε/k} for the label and
 * {@code ε/k} for each of the other {@code k - 1} classes, as Keras' {@code label_smoothing}: a network that fits its
 * training data exactly otherwise drives its scores to 0 and 1, and then no threshold separates its confident
 * mistakes from its hits.
 */
public record TrainingConfig(float learningRate, int batchSize, int epochs, int patience, long seed,
        float[] classWeights, LearningRateSchedule schedule, FeatureMasks specAugment, KeptWeights keep,
        float labelSmoothing) {
    /** The largest label smoothing: at 0.5 two classes already train towards equal scores. */
    public static final float MAX_LABEL_SMOOTHING = 0.5f;

    public TrainingConfig {
        if (learningRate <= 0 || batchSize <= 0 || epochs <= 0 || patience < 0) {
            throw new IllegalArgumentException("learning rate, batch size and epochs must be positive");
        }
        if (!(labelSmoothing >= 0 && labelSmoothing <= MAX_LABEL_SMOOTHING)) {
            throw new IllegalArgumentException("label smoothing must be in [0, " + MAX_LABEL_SMOOTHING + "], got "
                    + labelSmoothing);
        }
        classWeights = classWeights == null ? null : classWeights.clone();
        java.util.Objects.requireNonNull(schedule, "schedule");
        java.util.Objects.requireNonNull(keep, "keep");
    }

    /** The lowest validation loss's weights, no label smoothing. */
    public TrainingConfig(float learningRate, int batchSize, int epochs, int patience, long seed,
            float[] classWeights, LearningRateSchedule schedule, FeatureMasks specAugment) {
        this(learningRate, batchSize, epochs, patience, seed, classWeights, schedule, specAugment,
                KeptWeights.VAL_LOSS, 0f);
    }

    /** No SpecAugment. */
    public TrainingConfig(float learningRate, int batchSize, int epochs, int patience, long seed,
            float[] classWeights, LearningRateSchedule schedule) {
        this(learningRate, batchSize, epochs, patience, seed, classWeights, schedule, null);
    }

    /** A constant learning rate. */
    public TrainingConfig(float learningRate, int batchSize, int epochs, int patience, long seed,
            float[] classWeights) {
        this(learningRate, batchSize, epochs, patience, seed, classWeights, LearningRateSchedule.CONSTANT);
    }

    public static TrainingConfig adam(float learningRate, int batchSize, int epochs) {
        return new TrainingConfig(learningRate, batchSize, epochs, 0, 1L, null);
    }

    public TrainingConfig withEpochs(int n) {
        return new TrainingConfig(learningRate, batchSize, n, patience, seed, classWeights, schedule, specAugment,
                keep, labelSmoothing);
    }

    public TrainingConfig withPatience(int n) {
        return new TrainingConfig(learningRate, batchSize, epochs, n, seed, classWeights, schedule, specAugment, keep,
                labelSmoothing);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(learningRate, batchSize, epochs, patience, s, classWeights, schedule, specAugment,
                keep, labelSmoothing);
    }

    public TrainingConfig withClassWeights(float[] weights) {
        return new TrainingConfig(learningRate, batchSize, epochs, patience, seed, weights, schedule, specAugment,
                keep, labelSmoothing);
    }

    public TrainingConfig withSchedule(LearningRateSchedule s) {
        return new TrainingConfig(learningRate, batchSize, epochs, patience, seed, classWeights, s, specAugment, keep,
                labelSmoothing);
    }

    /** SpecAugment's {@code masks} on samples that are {@code frames x coefficients} matrices; null masks: none. */
    public TrainingConfig withSpecAugment(SpecAugment masks, int frames, int coefficients) {
        return new TrainingConfig(learningRate, batchSize, epochs, patience, seed, classWeights, schedule,
                masks == null ? null : new FeatureMasks(masks, frames, coefficients), keep, labelSmoothing);
    }

    /** Keeps the weights {@code k} chooses. */
    public TrainingConfig withKeep(KeptWeights k) {
        return new TrainingConfig(learningRate, batchSize, epochs, patience, seed, classWeights, schedule, specAugment,
                k, labelSmoothing);
    }

    /** Smooths the training targets by {@code epsilon} (0: none). */
    public TrainingConfig withLabelSmoothing(float epsilon) {
        return new TrainingConfig(learningRate, batchSize, epochs, patience, seed, classWeights, schedule, specAugment,
                keep, epsilon);
    }

    /** The training target of class {@code c} for a sample labelled {@code label}, of {@code classes} classes. */
    public float target(int c, int label, int classes) {
        float other = labelSmoothing / classes;
        return c == label ? 1f - labelSmoothing + other : other;
    }

    /** SpecAugment's masks and the layout of the samples they mask (row-major, frame by frame). */
    public record FeatureMasks(SpecAugment masks, int frames, int coefficients) {
        public FeatureMasks {
            java.util.Objects.requireNonNull(masks, "masks");
            if (frames <= 0 || coefficients <= 0) {
                throw new IllegalArgumentException("feature matrix " + frames + " x " + coefficients);
            }
        }
    }

    /**
     * Keras' and scikit-learn's "balanced" weights for these training labels: {@code n / (classes * count_c)},
     * so every class contributes equally to the loss however many samples it has; a class with no samples
     * gets weight 1 (it never appears in a batch anyway).
     */
    public static float[] balancedWeights(int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        float[] weights = new float[classes];
        for (int c = 0; c < classes; c++) {
            weights[c] = counts[c] == 0 ? 1f : (float) ((double) labels.length / ((double) classes * counts[c]));
        }
        return weights;
    }

    @Override
    public float[] classWeights() {
        return classWeights == null ? null : classWeights.clone();
    }
}
