package dev.littlebrain.dsp.blocks;

import java.util.Map;
import java.util.Set;

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
    static final Set<String> PARAMETERS = Set.of("implementation_version", "num_cepstral", "frame_length",
            "frame_stride", "num_filters", "fft_length", "win_size", "low_frequency", "high_frequency",
            "pre_cof", "pre_shift");

    public MfccConfig {
        ParameterChecks.oneOf(BLOCK, "implementation_version", implementationVersion, Set.of(3, 4));
        ParameterChecks.inRange(BLOCK, "num_filters", numFilters, 2, 512);
        ParameterChecks.inRange(BLOCK, "num_cepstral", numCepstral, 1, numFilters);
        ParameterChecks.positiveAtMost(BLOCK, "frame_length", frameLength, 10.0);
        ParameterChecks.positiveAtMost(BLOCK, "frame_stride", frameStride, 10.0);
        ParameterChecks.inRange(BLOCK, "fft_length", fftLength, 8, 65536);
        ParameterChecks.inRange(BLOCK, "win_size", winSize, 0, 10001);
        if (winSize != 0 && winSize % 2 == 0) {
            throw new InvalidParameterException(BLOCK, "win_size", winSize,
                    "must be 0 (no normalisation) or an odd number of frames");
        }
        ParameterChecks.inRange(BLOCK, "low_frequency", lowFrequency, 0.0, 1e6);
        ParameterChecks.inRange(BLOCK, "high_frequency", highFrequency, 0.0, 1e6);
        ParameterChecks.inRange(BLOCK, "pre_cof", preCof, 0.0, 1.0);
        ParameterChecks.inRange(BLOCK, "pre_shift", preShift, 0, 10000);
    }

    /** Edge Impulse defaults (implementation version 4). */
    public static MfccConfig defaults() {
        return new MfccConfig(4, 13, 0.02, 0.02, 32, 256, 101, 0, 0, 0.98, 1);
    }

    /** Reads Edge Impulse parameter names; absent ones take the defaults. */
    public static MfccConfig fromParameters(Map<String, String> parameters) {
        MfccConfig d = defaults();
        BlockParameters p = new BlockParameters(BLOCK, parameters, PARAMETERS);
        return new MfccConfig(
                p.integer("implementation_version", d.implementationVersion()),
                p.integer("num_cepstral", d.numCepstral()),
                p.number("frame_length", d.frameLength()),
                p.number("frame_stride", d.frameStride()),
                p.integer("num_filters", d.numFilters()),
                p.integer("fft_length", d.fftLength()),
                p.integer("win_size", d.winSize()),
                p.number("low_frequency", d.lowFrequency()),
                p.number("high_frequency", d.highFrequency()),
                p.number("pre_cof", d.preCof()),
                p.integer("pre_shift", d.preShift()));
    }
}
