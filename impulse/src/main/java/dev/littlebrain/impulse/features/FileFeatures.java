package dev.littlebrain.impulse.features;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One DSP block's features of one file ({@code littlebrain dsp}).
 *
 * @param block        the block's registry name
 * @param frames       rows of the feature matrix (one for a block that summarises the whole signal)
 * @param coefficients values per frame
 * @param csv          the features written, a frame per row
 * @param png          the feature matrix drawn, when asked for
 */
public record FileFeatures(String block, int frames, int coefficients, Path csv, Optional<Path> png) {
}
