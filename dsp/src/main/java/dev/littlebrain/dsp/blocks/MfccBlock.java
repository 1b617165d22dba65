package dev.littlebrain.dsp.blocks;

import dev.littlebrain.dsp.fft.RealFft;
import java.util.ArrayList;
import java.util.List;

/**
 * Edge Impulse MFCC (processing-blocks {@code mfcc/dsp.py}, implementation version 4).
 *
 * <p><b>Input:</b> one axis of int16 sample <em>values</em> as floats (e.g. {@code -1234.0}),
 * not [-1, 1] floats; Edge Impulse does not rescale them, and the 1e-10 floors make the result
 * depend on the scale.
 *
 * <p>Per frame: circular pre-emphasis {@code y[n] = x[n] - c·x[(n - shift) mod N]}, rectangular
 * frame cropped/zero-padded to the FFT length, power spectrum, ln of the mel energies, orthonormal
 * DCT-II, and c0 replaced by ln(frame energy). Then sliding-window CMVN over the window
 * ({@code win_size}, 0 disables it). Output {@code frames x num_cepstral}, float32.
 */
public final class MfccBlock implements FramewiseBlock {
    private static final double FLOOR = 1e-10;

    private final MfccConfig config;
    private final SignalSpec signal;
    private final Framing framing;
    private final MelFilterbank filterbank;
    private final RealFft fft;
    private final OrthonormalDct dct;

    public MfccBlock(MfccConfig config, SignalSpec signal) {
        AudioChecks.requireMono(MfccConfig.BLOCK, signal);
        AudioChecks.requireFrequencyRange(MfccConfig.BLOCK, signal, config.lowFrequency(), config.highFrequency());
        this.config = config;
        this.signal = signal;
        this.framing = AudioChecks.framing(MfccConfig.BLOCK, signal, config.frameLength(), config.frameStride());
        this.filterbank = MelFilterbank.edgeImpulse(config.numFilters(), config.fftLength(),
                signal.samplingFrequency(), config.lowFrequency(), config.highFrequency(),
                config.implementationVersion() <= 3);
        this.fft = RealFft.create(config.fftLength());
        this.dct = new OrthonormalDct(config.numFilters(), config.numCepstral());
    }

    public MfccConfig config() {
        return config;
    }

    /** The mel filterbank in use (dense: filters x fft/2+1). */
    public MelFilterbank filterbank() {
        return filterbank;
    }

    /**
     * The DCT-II factors this block multiplies by, {@code num_cepstral x num_filters} row-major (a copy):
     * exported C takes them from here so it cannot drift from the Java block.
     */
    public double[] dctTable() {
        return dct.table();
    }

    @Override
    public String name() {
        return MfccConfig.BLOCK;
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
        return config.numCepstral();
    }

    @Override
    public int circularPrefixSamples() {
        return config.preCof() == 0.0 ? 0 : config.preShift();
    }

    @Override
    public FeatureShape outputShape(int samplesPerAxis) {
        int frames = AudioChecks.frames(name(), framing, samplesPerAxis);
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < config.numCepstral(); k++) {
            labels.add(k == 0 ? "c0 (log energy)" : "c" + k);
        }
        return new FeatureShape(frames, config.numCepstral(), labels);
    }

    @Override
    public FrameComputer newFrameComputer() {
        FrameSpectrum spectrum = new FrameSpectrum(fft, framing.length());
        double[] power = new double[spectrum.bins()];
        double[] mel = new double[filterbank.filters()];
        double cof = config.preCof();
        int shift = config.preShift();
        return (window, frameStart, out, offset) -> {
            int n = window.length;
            double[] frame = spectrum.frameBuffer();
            int used = spectrum.usedSamples();
            for (int i = 0; i < used; i++) {
                int idx = frameStart + i;
                int prev = Math.floorMod(idx - shift, n);
                frame[i] = (double) window[idx] - cof * window[prev];
            }
            spectrum.power(power);
            double energy = 0.0;
            for (double p : power) {
                energy += p;
            }
            filterbank.apply(power, mel);
            for (int m = 0; m < mel.length; m++) {
                mel[m] = Math.log(mel[m] == 0.0 ? FLOOR : mel[m]);
            }
            dct.apply(mel, out, offset);
            out[offset] = Math.log(energy == 0.0 ? FLOOR : energy);
        };
    }

    @Override
    public float[] finish(double[] rows, int frames) {
        int c = config.numCepstral();
        if (config.winSize() == 0) {
            float[] out = new float[frames * c];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) rows[i];
            }
            return out;
        }
        return SlidingCmvn.apply(rows, frames, c, config.winSize());
    }
}
