package dev.littlebrain.dsp.blocks;

import dev.littlebrain.dsp.fft.RealFft;
import java.util.ArrayList;
import java.util.List;

/**
 * librosa-compatible (0.11) mel spectrogram / log-mel / MFCC, for models trained with librosa
 * features rather than Edge Impulse's.
 *
 * <p><b>Input:</b> one axis of floats in [-1, 1] (int16 / 32768), as librosa loads audio.
 *
 * <p>Frames of {@code n_fft} samples every {@code hop_length}, no centring or padding
 * ({@code 1 + (N - n_fft) / hop} frames); periodic Hann of {@code win_length} zero-padded to
 * {@code n_fft} and centred; {@code P = |rfft|^2} (no 1/N); Slaney mel filterbank built like
 * {@code librosa.filters.mel}, including its float32 weights; then optionally
 * {@code 10·log10(max(S, 1e-10))} and an orthonormal DCT-II keeping {@code n_mfcc}.
 * Output frames x bands (or coefficients).
 */
public final class LibrosaMelBlock implements FramewiseBlock {
    private static final double AMIN = 1e-10;

    private final LibrosaMelConfig config;
    private final SignalSpec signal;
    private final Framing framing;
    private final RealFft fft;
    private final double[] window;
    private final float[][] melBasis;
    private final OrthonormalDct dct;

    public LibrosaMelBlock(LibrosaMelConfig config, SignalSpec signal) {
        AudioChecks.requireMono(LibrosaMelConfig.BLOCK, signal);
        double fs = signal.samplingFrequency();
        double fmax = config.fmax() == 0 ? fs / 2 : config.fmax();
        if (fmax > fs / 2) {
            throw new InvalidParameterException(LibrosaMelConfig.BLOCK, "fmax", config.fmax(),
                    "must be at most fs/2 = " + fs / 2 + " Hz");
        }
        this.config = config;
        this.signal = signal;
        this.framing = new Framing(config.nFft(), config.hopLength());
        this.fft = RealFft.create(config.nFft());
        this.window = centredPeriodicHann(config.winLength(), config.nFft());
        this.melBasis = slaneyMelBasis(fs, config.nFft(), config.nMels(), config.fmin(), fmax);
        this.dct = new OrthonormalDct(config.nMels(), config.nMfcc());
    }

    /** scipy.signal.get_window('hann', M, fftbins=True), padded to n_fft like librosa.util.pad_center. */
    private static double[] centredPeriodicHann(int winLength, int nFft) {
        double[] w = new double[nFft];
        int offset = (nFft - winLength) / 2;
        for (int n = 0; n < winLength; n++) {
            w[offset + n] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * n / winLength);
        }
        return w;
    }

    /** librosa.filters.mel(htk=False, norm='slaney', dtype=float32). */
    static float[][] slaneyMelBasis(double fs, int nFft, int nMels, double fmin, double fmax) {
        int bins = nFft / 2 + 1;
        double[] fftFreqs = new double[bins];
        double d = 1.0 / (nFft * (1.0 / fs));
        for (int k = 0; k < bins; k++) {
            fftFreqs[k] = k * d;
        }
        int points = nMels + 2;
        double melMin = hzToSlaneyMel(fmin);
        double melMax = hzToSlaneyMel(fmax);
        double[] melF = new double[points];
        double step = (melMax - melMin) / (points - 1);
        for (int j = 0; j < points; j++) {
            melF[j] = slaneyMelToHz(j == points - 1 ? melMax : melMin + j * step);
        }
        float[][] weights = new float[nMels][bins];
        for (int m = 0; m < nMels; m++) {
            double lowDiff = melF[m + 1] - melF[m];
            double highDiff = melF[m + 2] - melF[m + 1];
            double enorm = 2.0 / (melF[m + 2] - melF[m]);
            for (int k = 0; k < bins; k++) {
                double lower = -(melF[m] - fftFreqs[k]) / lowDiff;
                double upper = (melF[m + 2] - fftFreqs[k]) / highDiff;
                float w = (float) Math.max(0.0, Math.min(lower, upper));
                weights[m][k] = (float) (w * enorm);
            }
        }
        return weights;
    }

    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    static double hzToSlaneyMel(double hz) {
        return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP;
    }

    static double slaneyMelToHz(double mel) {
        return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
    }

    public LibrosaMelConfig config() {
        return config;
    }

    /** The float32 mel basis, n_mels x (n_fft/2 + 1), as librosa uses it. */
    public float[][] melBasis() {
        float[][] copy = new float[melBasis.length][];
        for (int i = 0; i < melBasis.length; i++) {
            copy[i] = melBasis[i].clone();
        }
        return copy;
    }

    @Override
    public String name() {
        return LibrosaMelConfig.BLOCK;
    }

    @Override
    public SignalSpec signal() {
        return signal;
    }

    @Override
    public Framing framing() {
        return framing;
    }

    @Override
    public int coefficientsPerFrame() {
        return config.output() == LibrosaMelConfig.Output.MFCC ? config.nMfcc() : config.nMels();
    }

    @Override
    public int circularPrefixSamples() {
        return 0;
    }

    @Override
    public FeatureShape outputShape(int samplesPerAxis) {
        int frames = AudioChecks.frames(name(), framing, samplesPerAxis);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < coefficientsPerFrame(); i++) {
            labels.add((config.output() == LibrosaMelConfig.Output.MFCC ? "mfcc " : "mel ") + i);
        }
        return new FeatureShape(frames, coefficientsPerFrame(), labels);
    }

    @Override
    public FrameComputer newFrameComputer() {
        double[] frame = new double[config.nFft()];
        double[] re = new double[fft.bins()];
        double[] im = new double[fft.bins()];
        double[] power = new double[fft.bins()];
        double[] mel = new double[config.nMels()];
        return (samples, frameStart, out, offset) -> {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = samples[frameStart + i] * window[i];
            }
            fft.forward(frame, re, im);
            for (int k = 0; k < power.length; k++) {
                power[k] = re[k] * re[k] + im[k] * im[k];
            }
            for (int m = 0; m < mel.length; m++) {
                float[] w = melBasis[m];
                double sum = 0.0;
                for (int k = 0; k < w.length; k++) {
                    if (w[k] != 0f) {
                        sum += power[k] * w[k];
                    }
                }
                mel[m] = sum;
            }
            if (config.output() == LibrosaMelConfig.Output.POWER) {
                System.arraycopy(mel, 0, out, offset, mel.length);
                return;
            }
            for (int m = 0; m < mel.length; m++) {
                mel[m] = 10.0 * Math.log10(Math.max(mel[m], AMIN));
            }
            if (config.output() == LibrosaMelConfig.Output.DB) {
                System.arraycopy(mel, 0, out, offset, mel.length);
            } else {
                dct.apply(mel, out, offset);
            }
        };
    }

    @Override
    public float[] finish(double[] rows, int frames) {
        float[] out = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = (float) rows[i];
        }
        return out;
    }
}
