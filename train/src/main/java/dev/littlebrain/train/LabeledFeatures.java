package dev.littlebrain.train;

/**
 * Feature vectors (one row per sample, flattened), their class indices and, optionally, their word indices.
 *
 * @param words for a training-only word head ({@link TrainingConfig#wordLoss()}): the word of each sample, a finer
 *     label than its class (the {@code _unknown_} class holds many words), indices from 0; null when there are none
 */
public record LabeledFeatures(float[][] features, int[] labels, int[] words) {
    public LabeledFeatures {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + labels.length + " labels");
        }
        if (words != null && words.length != labels.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + words.length + " words");
        }
    }

    /** Samples without words. */
    public LabeledFeatures(float[][] features, int[] labels) {
        this(features, labels, null);
    }

    public int size() {
        return labels.length;
    }

    /** How many words {@link #words} tells apart (the largest index + 1); 0 without words. */
    public int wordCount() {
        int max = -1;
        if (words != null) {
            for (int w : words) {
                max = Math.max(max, w);
            }
        }
        return max + 1;
    }
}
