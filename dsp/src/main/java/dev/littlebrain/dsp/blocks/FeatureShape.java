package dev.littlebrain.dsp.blocks;

import java.util.List;

/**
 * Shape of a block's output: {@code frames} rows of {@code coefficients} values, flattened
 * frame-major (row by row) as Edge Impulse does. Flat blocks (raw, spectral analysis) have one
 * frame. {@code coefficientLabels} names the columns.
 */
public record FeatureShape(int frames, int coefficients, List<String> coefficientLabels) {

    public FeatureShape {
        if (frames < 0 || coefficients < 0) {
            throw new IllegalArgumentException("negative feature shape " + frames + " x " + coefficients);
        }
        coefficientLabels = List.copyOf(coefficientLabels);
        if (coefficientLabels.size() != coefficients) {
            throw new IllegalArgumentException(coefficients + " coefficients but "
                    + coefficientLabels.size() + " labels");
        }
    }

    /** Total number of features, {@code frames * coefficients}. */
    public int size() {
        return frames * coefficients;
    }
}
