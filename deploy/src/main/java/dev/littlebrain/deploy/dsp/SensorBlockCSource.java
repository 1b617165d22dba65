package dev.littlebrain.deploy.dsp;

/**
 * One sensor block's part of {@code lb_dsp.c}: its constants and
 * {@code static void lb_block(const float *values, size_t samples, float *features)}, the block's
 * {@code process} on {@code samples} samples per axis, interleaved, already checked finite. The
 * API around it (batch, path, stream) is {@link SensorDspCGenerator}'s.
 */
interface SensorBlockCSource {

    /** The block and its parameters, for the file banner. */
    String description();

    /**
     * Whether {@code lb_real} (the block's arithmetic where the Java block works in float64) is double by
     * default: true where float cannot keep the 1e-4 contract, as measured in SensorDspCGeneratorTest.
     */
    boolean defaultDouble();

    /** Constants and {@code lb_block}. */
    String body();
}
