package dev.littlebrain.dsp.blocks;

import java.util.Map;
import java.util.Set;

/**
 * Parameters of the Edge Impulse spectral-analysis block, FFT analysis, implementation version 4.
 *
 * @param implementationVersion 4
 * @param scaleAxes             {@code scale_axes}, multiplies every sample (1)
 * @param filterType            {@code filter_type}: none, low or high (none)
 * @param filterCutoff          {@code filter_cutoff} in Hz, below fs/2 (3)
 * @param filterOrder           {@code filter_order}, Butterworth order, even 2..8 as Edge Impulse requires (6)
 * @param fftLength             {@code fft_length}, a power of two (16)
 * @param doLog                 {@code do_log}, log10 of the spectrum (true)
 * @param doFftOverlap          {@code do_fft_overlap}, 50 % overlap of the max-hold segments (true)
 */
public record SpectralAnalysisConfig(int implementationVersion, double scaleAxes, String filterType,
                                     double filterCutoff, int filterOrder, int fftLength, boolean doLog,
                                     boolean doFftOverlap) {

    static final String BLOCK = "spectral-analysis";
    static final Set<String> FILTER_TYPES = Set.of("none", "low", "high");
    /**
     * Accepted names. Those not in the record are accepted only with the values this
     * implementation supports (input_decimation_ratio 1, analysis_type FFT, extra_low_freq false)
     * or are version-1/wavelet-only options that do not affect FFT analysis.
     */
    static final Set<String> PARAMETERS = Set.of("implementation_version", "scale_axes", "input_decimation_ratio",
            "filter_type", "filter_cutoff", "filter_order", "analysis_type", "fft_length", "spectral_peaks_count",
            "spectral_peaks_threshold", "spectral_power_edges", "do_log", "do_fft_overlap", "wavelet_level",
            "wavelet", "extra_low_freq");

    public SpectralAnalysisConfig {
        ParameterChecks.oneOf(BLOCK, "implementation_version", implementationVersion, Set.of(4));
        if (!Double.isFinite(scaleAxes) || scaleAxes == 0.0) {
            throw new InvalidParameterException(BLOCK, "scale_axes", scaleAxes, "expected a finite non-zero number");
        }
        if (!FILTER_TYPES.contains(filterType)) {
            throw new InvalidParameterException(BLOCK, "filter_type", filterType, "allowed values are [high, low, none]");
        }
        if (!filterType.equals("none")) {
            ParameterChecks.positiveAtMost(BLOCK, "filter_cutoff", filterCutoff, 1e6);
            ParameterChecks.inRange(BLOCK, "filter_order", filterOrder, 2, 8);
            if (filterOrder % 2 != 0) {
                throw new InvalidParameterException(BLOCK, "filter_order", filterOrder, "must be even (2, 4, 6 or 8)");
            }
        }
        ParameterChecks.inRange(BLOCK, "fft_length", fftLength, 2, 65536);
        if (Integer.bitCount(fftLength) != 1) {
            throw new InvalidParameterException(BLOCK, "fft_length", fftLength, "must be a power of 2");
        }
    }

    public static SpectralAnalysisConfig defaults() {
        return new SpectralAnalysisConfig(4, 1, "none", 3, 6, 16, true, true);
    }

    public static SpectralAnalysisConfig fromParameters(Map<String, String> parameters) {
        SpectralAnalysisConfig d = defaults();
        BlockParameters p = new BlockParameters(BLOCK, parameters, PARAMETERS);
        int decimation = p.integer("input_decimation_ratio", 1);
        if (decimation != 1) {
            throw new InvalidParameterException(BLOCK, "input_decimation_ratio", decimation,
                    "only 1 (no decimation) is supported");
        }
        p.choice("analysis_type", "FFT", Set.of("FFT"));
        if (p.bool("extra_low_freq", false)) {
            throw new InvalidParameterException(BLOCK, "extra_low_freq", "true", "only false is supported");
        }
        // Version-1 and wavelet-only options: validated as numbers/text, otherwise unused.
        p.integer("spectral_peaks_count", 3);
        p.number("spectral_peaks_threshold", 0.1);
        p.text("spectral_power_edges", "");
        p.integer("wavelet_level", 1);
        p.text("wavelet", "db4");
        return new SpectralAnalysisConfig(
                p.integer("implementation_version", d.implementationVersion()),
                p.number("scale_axes", d.scaleAxes()),
                p.choice("filter_type", d.filterType(), FILTER_TYPES),
                p.number("filter_cutoff", d.filterCutoff()),
                p.integer("filter_order", d.filterOrder()),
                p.integer("fft_length", d.fftLength()),
                p.bool("do_log", d.doLog()),
                p.bool("do_fft_overlap", d.doFftOverlap()));
    }
}
