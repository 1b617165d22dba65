package dev.littlebrain.dsp.blocks;

import java.util.Map;
import java.util.Set;

/**
 * Parameters of the Edge Impulse MFE block (implementation version 4 defaults).
 *
 * @param implementationVersion 4, or 3 (old mel bin mapping only; not checked against reference outputs)
 * @param frameLength           {@code frame_length} in seconds (0.02)
 * @param frameStride           {@code frame_stride} in seconds (0.01)
 * @param numFilters            {@code num_filters} (40)
 * @param fftLength             {@code fft_length} (256)
 * @param lowFrequency          {@code low_frequency} in Hz (0)
 * @param highFrequency         {@code high_frequency} in Hz, 0 = fs/2 (0)
 * @param noiseFloorDb          {@code noise_floor_db}: dB mapped to 0; 12 dB above 0 dB full scale maps to 1 (-52)
 * @param winSize               {@code win_size}: accepted for compatibility, unused since version 3 (101)
 */
public record MfeConfig(int implementationVersion, double frameLength, double frameStride, int numFilters,
                        int fftLength, double lowFrequency, double highFrequency, double noiseFloorDb,
                        int winSize) {

    static final String BLOCK = "mfe";
    static final Set<String> PARAMETERS = Set.of("implementation_version", "frame_length", "frame_stride",
            "num_filters", "fft_length", "low_frequency", "high_frequency", "noise_floor_db", "win_size");

    public MfeConfig {
        ParameterChecks.oneOf(BLOCK, "implementation_version", implementationVersion, Set.of(3, 4));
        ParameterChecks.positiveAtMost(BLOCK, "frame_length", frameLength, 10.0);
        ParameterChecks.positiveAtMost(BLOCK, "frame_stride", frameStride, 10.0);
        ParameterChecks.inRange(BLOCK, "num_filters", numFilters, 2, 512);
        ParameterChecks.inRange(BLOCK, "fft_length", fftLength, 8, 65536);
        ParameterChecks.inRange(BLOCK, "low_frequency", lowFrequency, 0.0, 1e6);
        ParameterChecks.inRange(BLOCK, "high_frequency", highFrequency, 0.0, 1e6);
        ParameterChecks.inRange(BLOCK, "noise_floor_db", noiseFloorDb, -200.0, 0.0);
        ParameterChecks.inRange(BLOCK, "win_size", winSize, 0, 10001);
    }

    public static MfeConfig defaults() {
        return new MfeConfig(4, 0.02, 0.01, 40, 256, 0, 0, -52, 101);
    }

    public static MfeConfig fromParameters(Map<String, String> parameters) {
        MfeConfig d = defaults();
        BlockParameters p = new BlockParameters(BLOCK, parameters, PARAMETERS);
        return new MfeConfig(
                p.integer("implementation_version", d.implementationVersion()),
                p.number("frame_length", d.frameLength()),
                p.number("frame_stride", d.frameStride()),
                p.integer("num_filters", d.numFilters()),
                p.integer("fft_length", d.fftLength()),
                p.number("low_frequency", d.lowFrequency()),
                p.number("high_frequency", d.highFrequency()),
                p.number("noise_floor_db", d.noiseFloorDb()),
                p.integer("win_size", d.winSize()));
    }
}
