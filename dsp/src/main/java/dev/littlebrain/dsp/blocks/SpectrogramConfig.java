package dev.littlebrain.dsp.blocks;

import java.util.List;
import java.util.Map;

/**
 * Parameters of the Edge Impulse spectrogram block (implementation version 4 only).
 *
 * @param implementationVersion 4
 * @param frameLength           {@code frame_length} in seconds (0.02)
 * @param frameStride           {@code frame_stride} in seconds (0.01)
 * @param fftLength             {@code fft_length} (128); frames are cropped or zero-padded to it
 * @param noiseFloorDb          {@code noise_floor_db} (-52)
 * @param showAxes              {@code show_axes}: graphs only, accepted and ignored (false)
 */
public record SpectrogramConfig(int implementationVersion, double frameLength, double frameStride, int fftLength,
                                double noiseFloorDb, boolean showAxes) {

    static final String BLOCK = "spectrogram";
    // Version 3 rescales by 1/32768 depending on the whole window's peak, which is not
    // implemented; say so rather than compute something else.
    private static final ParameterSpec IMPLEMENTATION_VERSION = ParameterSpec.integerOf("implementation_version", 4,
            List.of(4), "4 (version 3's peak-dependent scaling is not implemented)");
    private static final ParameterSpec FRAME_LENGTH = AudioFramingSpecs.frameLength(0.02);
    private static final ParameterSpec FRAME_STRIDE = AudioFramingSpecs.frameStride(0.01);
    private static final ParameterSpec FFT_LENGTH = AudioFramingSpecs.fftLength(128);
    private static final ParameterSpec NOISE_FLOOR_DB = AudioFramingSpecs.noiseFloorDb("dB mapped to 0");
    private static final ParameterSpec SHOW_AXES = ParameterSpec.bool("show_axes", false,
            "graphs only: accepted and ignored");
    /** Every parameter, in Edge Impulse's order. */
    static final List<ParameterSpec> PARAMETERS = List.of(IMPLEMENTATION_VERSION, FRAME_LENGTH, FRAME_STRIDE,
            FFT_LENGTH, NOISE_FLOOR_DB, SHOW_AXES);

    public SpectrogramConfig {
        IMPLEMENTATION_VERSION.check(BLOCK, implementationVersion);
        FRAME_LENGTH.check(BLOCK, frameLength);
        FRAME_STRIDE.check(BLOCK, frameStride);
        FFT_LENGTH.check(BLOCK, fftLength);
        NOISE_FLOOR_DB.check(BLOCK, noiseFloorDb);
    }

    public static SpectrogramConfig defaults() {
        return fromParameters(Map.of());
    }

    public static SpectrogramConfig fromParameters(Map<String, String> parameters) {
        BlockParameters p = new BlockParameters(BLOCK, parameters, PARAMETERS);
        return new SpectrogramConfig(
                p.integer(IMPLEMENTATION_VERSION),
                p.number(FRAME_LENGTH),
                p.number(FRAME_STRIDE),
                p.integer(FFT_LENGTH),
                p.number(NOISE_FLOOR_DB),
                p.bool(SHOW_AXES));
    }
}
