package dev.littlebrain.dsp.blocks;

import java.util.List;
import java.util.Map;

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
    private static final ParameterSpec IMPLEMENTATION_VERSION = AudioFramingSpecs.melImplementationVersion();
    private static final ParameterSpec FRAME_LENGTH = AudioFramingSpecs.frameLength(0.02);
    private static final ParameterSpec FRAME_STRIDE = AudioFramingSpecs.frameStride(0.01);
    private static final ParameterSpec NUM_FILTERS = AudioFramingSpecs.numFilters(40);
    private static final ParameterSpec FFT_LENGTH = AudioFramingSpecs.fftLength(256);
    private static final ParameterSpec LOW_FREQUENCY = AudioFramingSpecs.lowFrequency();
    private static final ParameterSpec HIGH_FREQUENCY = AudioFramingSpecs.highFrequency();
    private static final ParameterSpec NOISE_FLOOR_DB = AudioFramingSpecs.noiseFloorDb(
            "dB mapped to 0; 12 dB above 0 dB full scale maps to 1");
    private static final ParameterSpec WIN_SIZE = ParameterSpec.integer("win_size", 101, 0, 10001,
            "accepted for compatibility, unused since version 3");
    /** Every parameter, in Edge Impulse's order. */
    static final List<ParameterSpec> PARAMETERS = List.of(IMPLEMENTATION_VERSION, FRAME_LENGTH, FRAME_STRIDE,
            NUM_FILTERS, FFT_LENGTH, LOW_FREQUENCY, HIGH_FREQUENCY, NOISE_FLOOR_DB, WIN_SIZE);

    public MfeConfig {
        IMPLEMENTATION_VERSION.check(BLOCK, implementationVersion);
        FRAME_LENGTH.check(BLOCK, frameLength);
        FRAME_STRIDE.check(BLOCK, frameStride);
        NUM_FILTERS.check(BLOCK, numFilters);
        FFT_LENGTH.check(BLOCK, fftLength);
        LOW_FREQUENCY.check(BLOCK, lowFrequency);
        HIGH_FREQUENCY.check(BLOCK, highFrequency);
        NOISE_FLOOR_DB.check(BLOCK, noiseFloorDb);
        WIN_SIZE.check(BLOCK, winSize);
    }

    public static MfeConfig defaults() {
        return fromParameters(Map.of());
    }

    public static MfeConfig fromParameters(Map<String, String> parameters) {
        BlockParameters p = new BlockParameters(BLOCK, parameters, PARAMETERS);
        return new MfeConfig(
                p.integer(IMPLEMENTATION_VERSION),
                p.number(FRAME_LENGTH),
                p.number(FRAME_STRIDE),
                p.integer(NUM_FILTERS),
                p.integer(FFT_LENGTH),
                p.number(LOW_FREQUENCY),
                p.number(HIGH_FREQUENCY),
                p.number(NOISE_FLOOR_DB),
                p.integer(WIN_SIZE));
    }
}
