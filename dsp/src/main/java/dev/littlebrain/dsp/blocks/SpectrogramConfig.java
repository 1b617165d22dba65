package dev.littlebrain.dsp.blocks;

import java.util.Map;
import java.util.Set;

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
    static final Set<String> PARAMETERS = Set.of("implementation_version", "frame_length", "frame_stride",
            "fft_length", "noise_floor_db", "show_axes");

    public SpectrogramConfig {
        // Version 3 rescales by 1/32768 depending on the whole window's peak, which is not
        // implemented; say so rather than compute something else.
        ParameterChecks.oneOf(BLOCK, "implementation_version", implementationVersion, Set.of(4));
        ParameterChecks.positiveAtMost(BLOCK, "frame_length", frameLength, 10.0);
        ParameterChecks.positiveAtMost(BLOCK, "frame_stride", frameStride, 10.0);
        ParameterChecks.inRange(BLOCK, "fft_length", fftLength, 8, 65536);
        ParameterChecks.inRange(BLOCK, "noise_floor_db", noiseFloorDb, -200.0, 0.0);
    }

    public static SpectrogramConfig defaults() {
        return new SpectrogramConfig(4, 0.02, 0.01, 128, -52, false);
    }

    public static SpectrogramConfig fromParameters(Map<String, String> parameters) {
        SpectrogramConfig d = defaults();
        BlockParameters p = new BlockParameters(BLOCK, parameters, PARAMETERS);
        return new SpectrogramConfig(
                p.integer("implementation_version", d.implementationVersion()),
                p.number("frame_length", d.frameLength()),
                p.number("frame_stride", d.frameStride()),
                p.integer("fft_length", d.fftLength()),
                p.number("noise_floor_db", d.noiseFloorDb()),
                p.bool("show_axes", d.showAxes()));
    }
}
