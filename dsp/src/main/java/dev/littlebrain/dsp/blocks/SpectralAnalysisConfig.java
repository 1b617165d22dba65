package dev.littlebrain.dsp.blocks;

import java.util.List;
import java.util.Map;

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
    private static final ParameterSpec IMPLEMENTATION_VERSION = ParameterSpec.integerOf("implementation_version", 4,
            List.of(4), "Edge Impulse's implementation version; 4 only");
    private static final ParameterSpec SCALE_AXES = ParameterSpec.number("scale_axes", 1,
            "multiplies every sample; not 0");
    private static final ParameterSpec INPUT_DECIMATION_RATIO = ParameterSpec.integerOf("input_decimation_ratio", 1,
            List.of(1), "only 1 (no decimation) is supported");
    private static final ParameterSpec FILTER_TYPE = ParameterSpec.select("filter_type", "none",
            List.of("none", "low", "high"), "Butterworth filter before the analysis");
    private static final ParameterSpec FILTER_CUTOFF = ParameterSpec.positiveNumber("filter_cutoff", 3, 1e6,
            "filter cut-off in Hz, below half the sampling frequency (with a filter)");
    private static final ParameterSpec FILTER_ORDER = ParameterSpec.integer("filter_order", 6, 2, 8,
            "Butterworth order, even (with a filter)");
    private static final ParameterSpec ANALYSIS_TYPE = ParameterSpec.select("analysis_type", "FFT", List.of("FFT"),
            "FFT (wavelet analysis is not implemented)");
    private static final ParameterSpec FFT_LENGTH = ParameterSpec.integer("fft_length", 16, 2, 65536,
            "FFT points, a power of 2");
    private static final ParameterSpec SPECTRAL_PEAKS_COUNT = ParameterSpec.integer("spectral_peaks_count", 3,
            "version 1 only: accepted and ignored");
    private static final ParameterSpec SPECTRAL_PEAKS_THRESHOLD = ParameterSpec.number("spectral_peaks_threshold", 0.1,
            "version 1 only: accepted and ignored");
    private static final ParameterSpec SPECTRAL_POWER_EDGES = ParameterSpec.text("spectral_power_edges", "",
            "version 1 only: accepted and ignored");
    private static final ParameterSpec DO_LOG = ParameterSpec.bool("do_log", true, "log10 of the spectrum");
    private static final ParameterSpec DO_FFT_OVERLAP = ParameterSpec.bool("do_fft_overlap", true,
            "50 % overlap of the max-hold segments");
    private static final ParameterSpec WAVELET_LEVEL = ParameterSpec.integer("wavelet_level", 1,
            "wavelet analysis only: accepted and ignored");
    private static final ParameterSpec WAVELET = ParameterSpec.text("wavelet", "db4",
            "wavelet analysis only: accepted and ignored");
    private static final ParameterSpec EXTRA_LOW_FREQ = ParameterSpec.boolOnly("extra_low_freq", false,
            "only false is supported");
    /**
     * Every parameter, in Edge Impulse's order. Those not in the record are accepted only with the values this
     * implementation supports (input_decimation_ratio 1, analysis_type FFT, extra_low_freq false) or are
     * version-1/wavelet-only options that do not affect FFT analysis.
     */
    static final List<ParameterSpec> PARAMETERS = List.of(IMPLEMENTATION_VERSION, SCALE_AXES, INPUT_DECIMATION_RATIO,
            FILTER_TYPE, FILTER_CUTOFF, FILTER_ORDER, ANALYSIS_TYPE, FFT_LENGTH, SPECTRAL_PEAKS_COUNT,
            SPECTRAL_PEAKS_THRESHOLD, SPECTRAL_POWER_EDGES, DO_LOG, DO_FFT_OVERLAP, WAVELET_LEVEL, WAVELET,
            EXTRA_LOW_FREQ);

    public SpectralAnalysisConfig {
        IMPLEMENTATION_VERSION.check(BLOCK, implementationVersion);
        if (!Double.isFinite(scaleAxes) || scaleAxes == 0.0) {
            throw new InvalidParameterException(BLOCK, "scale_axes", scaleAxes, "expected a finite non-zero number");
        }
        if (!FILTER_TYPE.values().contains(filterType)) {
            throw new InvalidParameterException(BLOCK, "filter_type", filterType, "allowed values are [high, low, none]");
        }
        if (!filterType.equals("none")) {
            FILTER_CUTOFF.check(BLOCK, filterCutoff);
            FILTER_ORDER.check(BLOCK, filterOrder);
            if (filterOrder % 2 != 0) {
                throw new InvalidParameterException(BLOCK, "filter_order", filterOrder, "must be even (2, 4, 6 or 8)");
            }
        }
        FFT_LENGTH.check(BLOCK, fftLength);
        if (Integer.bitCount(fftLength) != 1) {
            throw new InvalidParameterException(BLOCK, "fft_length", fftLength, "must be a power of 2");
        }
    }

    public static SpectralAnalysisConfig defaults() {
        return fromParameters(Map.of());
    }

    public static SpectralAnalysisConfig fromParameters(Map<String, String> parameters) {
        BlockParameters p = new BlockParameters(BLOCK, parameters, PARAMETERS);
        int decimation = p.integer(INPUT_DECIMATION_RATIO);
        if (decimation != 1) {
            throw new InvalidParameterException(BLOCK, "input_decimation_ratio", decimation,
                    "only 1 (no decimation) is supported");
        }
        p.choice(ANALYSIS_TYPE);
        if (p.bool(EXTRA_LOW_FREQ)) {
            throw new InvalidParameterException(BLOCK, "extra_low_freq", "true", "only false is supported");
        }
        // Version-1 and wavelet-only options: validated as numbers/text, otherwise unused.
        p.integer(SPECTRAL_PEAKS_COUNT);
        p.number(SPECTRAL_PEAKS_THRESHOLD);
        p.text(SPECTRAL_POWER_EDGES);
        p.integer(WAVELET_LEVEL);
        p.text(WAVELET);
        return new SpectralAnalysisConfig(
                p.integer(IMPLEMENTATION_VERSION),
                p.number(SCALE_AXES),
                p.choice(FILTER_TYPE),
                p.number(FILTER_CUTOFF),
                p.integer(FILTER_ORDER),
                p.integer(FFT_LENGTH),
                p.bool(DO_LOG),
                p.bool(DO_FFT_OVERLAP));
    }
}
