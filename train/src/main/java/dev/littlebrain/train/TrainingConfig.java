package dev.littlebrain.train;

/**
 * How to fit a model. {@code patience} is the number of epochs without a validation-loss improvement before
 * stopping (0 disables early stopping); the weights of the best epoch are kept. {@code classWeights} (null for
 * none) scales each sample's loss by the weight of its label, as Keras' {@code class_weight}. {@code schedule}
 * moves the learning rate from {@code learningRate} over the {@code epochs} planned (early stopping does not
 * stretch it).
 */
public record TrainingConfig(float learningRate, int batchSize, int epochs, int patience, long seed,
        float[] classWeights, LearningRateSchedule schedule) {

    public TrainingConfig {
        if (learningRate <= 0 || batchSize <= 0 || epochs <= 0 || patience < 0) {
            throw new IllegalArgumentException("learning rate, batch size and epochs must be positive");
        }
        classWeights = classWeights == null ? null : classWeights.clone();
        java.util.Objects.requireNonNull(schedule, "schedule");
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
        return new TrainingConfig(learningRate, batchSize, n, patience, seed, classWeights, schedule);
    }

    public TrainingConfig withPatience(int n) {
        return new TrainingConfig(learningRate, batchSize, epochs, n, seed, classWeights, schedule);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(learningRate, batchSize, epochs, patience, s, classWeights, schedule);
    }

    public TrainingConfig withClassWeights(float[] weights) {
        return new TrainingConfig(learningRate, batchSize, epochs, patience, seed, weights, schedule);
    }

    public TrainingConfig withSchedule(LearningRateSchedule s) {
        return new TrainingConfig(learningRate, batchSize, epochs, patience, seed, classWeights, s);
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
