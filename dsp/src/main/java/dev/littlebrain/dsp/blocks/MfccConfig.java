package dev.littlebrain.dsp.blocks;

import java.util.List;
import java.util.Map;

/**
 * Parameters of the Edge Impulse MFCC block (names as in its parameters.json, defaults of
 * implementation version 4).
 *
 * @param implementationVersion 4 (current) or 3 (differs only by the old mel bin mapping,
 *                              {@code use_old_mels}; not checked against reference outputs)
 * @param numCepstral           {@code num_cepstral}, coefficients kept per frame (13)
 * @param frameLength           {@code frame_length} in seconds (0.02)
 * @param frameStride           {@code frame_stride} in seconds (0.02)
 * @param numFilters            {@code num_filters}, mel filters (32)
 * @param fftLength             {@code fft_length}, FFT points; frames are cropped or zero-padded to it (256)
 * @param winSize               {@code win_size}, sliding CMVN window in frames, odd; 0 disables CMVN (101)
 * @param lowFrequency          {@code low_frequency}, lowest mel edge in Hz (0)
 * @param highFrequency         {@code high_frequency}, highest mel edge in Hz, 0 = fs/2 (0)
 * @param preCof                {@code pre_cof}, pre-emphasis coefficient, 0 = none (0.98)
 * @param preShift              {@code pre_shift}, pre-emphasis delay in samples (1)
 */
public record MfccConfig(int implementationVersion, int numCepstral, double frameLength, double frameStride,
                         int numFilters, int fftLength, int winSize, double lowFrequency, double highFrequency,
                         double preCof, int preShift) {

    static final String BLOCK = "mfcc";
    private static final ParameterSpec IMPLEMENTATION_VERSION = AudioFramingSpecs.melImplementationVersion();
    private static final ParameterSpec NUM_CEPSTRAL = ParameterSpec.integer("num_cepstral", 13, 1, 512,
            "cepstral coefficients kept per frame, at most num_filters");
    private static final ParameterSpec FRAME_LENGTH = AudioFramingSpecs.frameLength(0.02);
    private static final ParameterSpec FRAME_STRIDE = AudioFramingSpecs.frameStride(0.02);
    private static final ParameterSpec NUM_FILTERS = AudioFramingSpecs.numFilters(32);
    private static final ParameterSpec FFT_LENGTH = AudioFramingSpecs.fftLength(256);
    private static final ParameterSpec WIN_SIZE = ParameterSpec.integer("win_size", 101, 0, 10001,
            "sliding CMVN window in frames, odd; 0 disables CMVN");
    private static final ParameterSpec LOW_FREQUENCY = AudioFramingSpecs.lowFrequency();
    private static final ParameterSpec HIGH_FREQUENCY = AudioFramingSpecs.highFrequency();
    private static final ParameterSpec PRE_COF = ParameterSpec.number("pre_cof", 0.98, 0, 1,
            "pre-emphasis coefficient; 0: none");
    private static final ParameterSpec PRE_SHIFT = ParameterSpec.integer("pre_shift", 1, 0, 10000,
            "pre-emphasis delay in samples");
    /** Every parameter, in Edge Impulse's order. */
    static final List<ParameterSpec> PARAMETERS = List.of(IMPLEMENTATION_VERSION, NUM_CEPSTRAL, FRAME_LENGTH,
            FRAME_STRIDE, NUM_FILTERS, FFT_LENGTH, WIN_SIZE, LOW_FREQUENCY, HIGH_FREQUENCY, PRE_COF, PRE_SHIFT);

    public MfccConfig {
        IMPLEMENTATION_VERSION.check(BLOCK, implementationVersion);
        NUM_FILTERS.check(BLOCK, numFilters);
        ParameterChecks.inRange(BLOCK, "num_cepstral", numCepstral, 1, numFilters);
        FRAME_LENGTH.check(BLOCK, frameLength);
        FRAME_STRIDE.check(BLOCK, frameStride);
        FFT_LENGTH.check(BLOCK, fftLength);
        WIN_SIZE.check(BLOCK, winSize);
        if (winSize != 0 && winSize % 2 == 0) {
            throw new InvalidParameterException(BLOCK, "win_size", winSize,
                    "must be 0 (no normalisation) or an odd number of frames");
        }
        LOW_FREQUENCY.check(BLOCK, lowFrequency);
        HIGH_FREQUENCY.check(BLOCK, highFrequency);
        PRE_COF.check(BLOCK, preCof);
        PRE_SHIFT.check(BLOCK, preShift);
    }

    /** Edge Impulse defaults (implementation version 4). */
    public static MfccConfig defaults() {
        return fromParameters(Map.of());
    }

    /** Reads Edge Impulse parameter names; absent ones take the defaults. */
    public static MfccConfig fromParameters(Map<String, String> parameters) {
        BlockParameters p = new BlockParameters(BLOCK, parameters, PARAMETERS);
        return new MfccConfig(
                p.integer(IMPLEMENTATION_VERSION),
                p.integer(NUM_CEPSTRAL),
                p.number(FRAME_LENGTH),
                p.number(FRAME_STRIDE),
                p.integer(NUM_FILTERS),
                p.integer(FFT_LENGTH),
                p.integer(WIN_SIZE),
                p.number(LOW_FREQUENCY),
                p.number(HIGH_FREQUENCY),
                p.number(PRE_COF),
                p.integer(PRE_SHIFT));
    }
}
