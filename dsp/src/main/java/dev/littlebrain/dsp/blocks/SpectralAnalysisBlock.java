package dev.littlebrain.dsp.blocks;

import dev.littlebrain.dsp.fft.RealFft;
import dev.littlebrain.dsp.filter.ButterworthDesign;
import dev.littlebrain.dsp.filter.FilterType;
import dev.littlebrain.dsp.filter.SecondOrderSections;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Edge Impulse spectral analysis, FFT variant (processing-blocks {@code spectral_analysis/dsp.py},
 * implementation version 4), for motion-like signals.
 *
 * <p><b>Input:</b> samples interleaved per time step ({@code x0, y0, z0, x1, ...}) in the
 * sensor's units; they are rounded to float32 first, as the Python block does.
 *
 * <p>Per axis, in float32 where the block is: scale, optional Butterworth low/high-pass
 * ({@code butter(order, 2·cutoff/fs, output='sos')} cast to float32, {@code sosfilt} from rest),
 * mean removal; then RMS, skewness, kurtosis (biased, Fisher), a max-hold spectrum of
 * {@code fft_length}-point rectangular segments (50 % overlap with {@code do_fft_overlap}), its
 * skewness and kurtosis, optional log10, and the spectrum bins 1.. (DC skipped; bins beyond a
 * low-pass cut-off or below a high-pass cut-off dropped). Output: one frame, axis-major.
 */
public final class SpectralAnalysisBlock implements DspBlock {
    private static final int STATS = 5;
    private static final double LOG_FLOOR = 1e-10;

    private final SpectralAnalysisConfig config;
    private final SignalSpec signal;
    private final SecondOrderSections filter;
    private final RealFft fft;
    private final int firstBin;
    private final int lastBin;
    private final List<String> binLabels;

    public SpectralAnalysisBlock(SpectralAnalysisConfig config, SignalSpec signal) {
        this.config = config;
        this.signal = signal;
        double fs = signal.samplingFrequency();
        if (config.filterType().equals("none")) {
            this.filter = null;
        } else {
            double wn = config.filterCutoff() * 2 / fs;
            if (wn >= 1.0) {
                throw new InvalidParameterException(SpectralAnalysisConfig.BLOCK, "filter_cutoff",
                        config.filterCutoff(), "must be below Nyquist (fs/2 = " + fs / 2 + " Hz)");
            }
            FilterType type = config.filterType().equals("low") ? FilterType.LOW_PASS : FilterType.HIGH_PASS;
            this.filter = ButterworthDesign.design(config.filterOrder(), wn, type);
        }
        this.fft = RealFft.create(config.fftLength());
        int n = config.fftLength();
        // numpy.fft.rfftfreq(n, 1/fs): i * (1 / (n * (1/fs))).
        double spacing = 1.0 / (n * (1.0 / fs));
        int first = -1;
        int last = -1;
        List<String> labels = new ArrayList<>();
        for (int i = 1; i < fft.bins(); i++) {
            double freq = i * spacing;
            if (config.filterType().equals("low") && freq - spacing / 2 > config.filterCutoff()) {
                break;
            }
            if (config.filterType().equals("high") && freq + spacing / 2 < config.filterCutoff()) {
                continue;
            }
            if (first < 0) {
                first = i;
            }
            last = i;
            labels.add("Spectral Power " + pythonRound2(freq - spacing / 2) + " - "
                    + pythonRound2(freq + spacing / 2) + " Hz");
        }
        if (first < 0) {
            throw new InvalidParameterException(SpectralAnalysisConfig.BLOCK, "filter_cutoff",
                    config.filterCutoff(), "masks all FFT bins; move the cut-off or raise fft_length");
        }
        this.firstBin = first;
        this.lastBin = last;
        this.binLabels = List.copyOf(labels);
    }

    /** {@code str(round(x, 2))} in Python: exact decimal rounding, shortest form, at least one decimal. */
    static String pythonRound2(double x) {
        BigDecimal rounded = new BigDecimal(x).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (rounded.scale() <= 0) {
            return rounded.setScale(1).toPlainString();
        }
        return rounded.toPlainString();
    }

    public SpectralAnalysisConfig config() {
        return config;
    }

    /** The float64 filter design before the float32 cast, or null without a filter. */
    public SecondOrderSections filter() {
        return filter;
    }

    /** The first spectrum bin among the features (1: DC is skipped; later with a high-pass filter). */
    public int firstBin() {
        return firstBin;
    }

    /** The last spectrum bin among the features (earlier with a low-pass filter). */
    public int lastBin() {
        return lastBin;
    }

    @Override
    public String name() {
        return SpectralAnalysisConfig.BLOCK;
    }

    @Override
    public SignalSpec signal() {
        return signal;
    }

    private int featuresPerAxis() {
        return STATS + (lastBin - firstBin + 1);
    }

    @Override
    public FeatureShape outputShape(int samplesPerAxis) {
        if (samplesPerAxis < 1) {
            throw new IllegalArgumentException(name() + ": needs at least one sample per axis");
        }
        List<String> labels = new ArrayList<>();
        for (String axis : signal.axes()) {
            for (String s : List.of("RMS", "Skewness", "Kurtosis", "Spectral Skewness", "Spectral Kurtosis")) {
                labels.add(axis + " " + s);
            }
            for (String s : binLabels) {
                labels.add(axis + " " + s);
            }
        }
        return new FeatureShape(1, labels.size(), labels);
    }

    @Override
    public float[] process(float[] interleaved) {
        int axes = signal.axisCount();
        if (interleaved.length % axes != 0) {
            throw new IllegalArgumentException(name() + ": " + interleaved.length
                    + " values is not a whole number of samples of " + axes + " axes");
        }
        SampleChecks.requireFinite(name(), interleaved, 0, interleaved.length);
        int n = interleaved.length / axes;
        outputShape(n);
        float[] out = new float[axes * featuresPerAxis()];
        float scale = (float) config.scaleAxes();
        double[] segment = new double[fft.size()];
        double[] re = new double[fft.bins()];
        double[] im = new double[fft.bins()];
        double[] spec = new double[fft.bins()];
        for (int a = 0; a < axes; a++) {
            float[] fx = new float[n];
            for (int i = 0; i < n; i++) {
                fx[i] = interleaved[i * axes + a] * scale;
            }
            if (filter != null) {
                fx = filter.filterFloat32(fx);
            }
            float mean = Float32Sums.mean(fx);
            for (int i = 0; i < n; i++) {
                fx[i] = fx[i] - mean;
            }
            int o = a * featuresPerAxis();
            float[] squares = new float[n];
            for (int i = 0; i < n; i++) {
                squares[i] = fx[i] * fx[i];
            }
            out[o] = (float) Math.sqrt(Float32Sums.mean(squares));
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = fx[i];
            }
            double[] sk = skewKurtosis(values);
            out[o + 1] = (float) sk[0];
            out[o + 2] = (float) sk[1];

            maxHoldSpectrum(fx, segment, re, im, spec);
            double[] specSk = skewKurtosis(spec);
            out[o + 3] = (float) specSk[0];
            out[o + 4] = (float) specSk[1];
            for (int k = firstBin; k <= lastBin; k++) {
                double v = spec[k];
                if (config.doLog()) {
                    v = Math.log10(v == 0.0 ? LOG_FLOOR : v);
                }
                out[o + STATS + k - firstBin] = (float) v;
            }
        }
        return out;
    }

    /** common/spectrum.py welch_max_hold: segments start every (n - overlap) samples while start <= len. */
    private void maxHoldSpectrum(float[] fx, double[] segment, double[] re, double[] im, double[] spec) {
        int n = fft.size();
        int step = config.doFftOverlap() ? n - n / 2 : n;
        java.util.Arrays.fill(spec, 0.0);
        for (int start = 0; start <= fx.length; start += step) {
            java.util.Arrays.fill(segment, 0.0);
            int count = Math.min(n, fx.length - start);
            for (int i = 0; i < count; i++) {
                segment[i] = fx[start + i];
            }
            fft.forward(segment, re, im);
            for (int k = 0; k < spec.length; k++) {
                double p = (re[k] * re[k] + im[k] * im[k]) / n;
                if (p > spec[k]) {
                    spec[k] = p;
                }
            }
        }
    }

    /**
     * scipy.stats skew and kurtosis (biased; kurtosis Fisher, i.e. minus 3) in float64. A constant
     * axis has zero variance: scipy then returns NaN, and so does this (0/0), so the features of a
     * dead sensor axis are NaN exactly as in Edge Impulse Studio.
     */
    static double[] skewKurtosis(double[] x) {
        int n = x.length;
        double mean = 0.0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double m2 = 0.0;
        double m3 = 0.0;
        double m4 = 0.0;
        for (double v : x) {
            double d = v - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        return new double[] {m3 / Math.pow(m2, 1.5), m4 / (m2 * m2) - 3.0};
    }
}
