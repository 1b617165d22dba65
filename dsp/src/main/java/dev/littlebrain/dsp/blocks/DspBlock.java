package dev.littlebrain.dsp.blocks;

/**
 * A feature-extraction block: a pure function from one window of raw samples to a feature
 * vector. Implementations are immutable and thread-safe; all tables (filterbanks, FFT plans,
 * filter coefficients) are built once at construction.
 */
public interface DspBlock {

    /** Block name as used by {@link DspBlocks#create}: raw, spectrogram, mfe, mfcc, spectral-analysis. */
    /** Every parameter of the block (a config record), e.g. for cache keys and project files. */
    Record config();

    String name();

    /** The signal this block was configured for. */
    SignalSpec signal();

    /**
     * Output shape for a window of {@code samplesPerAxis} samples per axis.
     *
     * @throws IllegalArgumentException if the window is too short for this configuration
     */
    FeatureShape outputShape(int samplesPerAxis);

    /**
     * Computes the features of one window.
     *
     * @param interleaved the window, {@code samplesPerAxis * axisCount} values interleaved per
     *                    sample; see each block for the expected scaling (audio blocks take
     *                    int16 sample values, not [-1, 1] floats)
     * @return the feature matrix of {@link #outputShape} flattened frame-major
     * @throws IllegalArgumentException for a length that is not a multiple of the axis count,
     *                                  a window that is too short, or a NaN/infinite sample
     */
    float[] process(float[] interleaved);

    /**
     * True for a block that takes windows of any length (e.g. a drawn path, as long as the gesture
     * took); false for the usual fixed-window blocks, whose input is cut or zero-padded to the window.
     */
    default boolean acceptsAnyLength() {
        return false;
    }
}
