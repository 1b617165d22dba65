package dev.littlebrain.dsp.blocks;

import dev.littlebrain.dsp.fft.RealFft;
import java.util.ArrayList;
import java.util.List;

/**
 * Edge Impulse MFE, log mel filterbank energies (processing-blocks {@code mfe/dsp.py},
 * implementation version 4).
 *
 * <p><b>Input:</b> one axis of int16 sample values as floats; the block divides by 32768 itself
 * (as float32), then applies circular pre-emphasis 0.98 in float32.
 *
 * <p>Per frame: power spectrum, mel energies, {@code dB = 10·log10(max(F, 1e-30))},
 * {@code v = clip((dB - noise_floor_db) / (12 - noise_floor_db), 0, 1)}, then 8-bit quantisation
 * {@code round_half_even(v·256) / 256}. Outputs are multiples of 1/256.
 *
 * <p><b>Saturation:</b> where {@code v·256} rounds to 256 (dB >= 11.875 with the default noise
 * floor), the Python block casts 256 to uint8 and gets 0 (wrap-around). We follow the Edge Impulse
 * C++ SDK instead, which clamps to <b>1.0</b>; so loud cells differ from Python's output
 * (1.0 here, 0.0 there). Ties round half to even as numpy does (the SDK rounds half away from
 * zero; exact ties practically never occur in float64).
 */
public final class MfeBlock implements FramewiseBlock {
    private static final float PRE_COF = 0.98f;
    private static final double MEL_FLOOR = 1e-10;
    private static final double DB_FLOOR = 1e-30;

    private final MfeConfig config;
    private final SignalSpec signal;
    private final Framing framing;
    private final MelFilterbank filterbank;
    private final RealFft fft;

    public MfeBlock(MfeConfig config, SignalSpec signal) {
        AudioChecks.requireMono(MfeConfig.BLOCK, signal);
        AudioChecks.requireFrequencyRange(MfeConfig.BLOCK, signal, config.lowFrequency(), config.highFrequency());
        this.config = config;
        this.signal = signal;
        this.framing = AudioChecks.framing(MfeConfig.BLOCK, signal, config.frameLength(), config.frameStride());
        this.filterbank = MelFilterbank.edgeImpulse(config.numFilters(), config.fftLength(),
                signal.samplingFrequency(), config.lowFrequency(), config.highFrequency(),
                config.implementationVersion() <= 3);
        this.fft = RealFft.create(config.fftLength());
    }

    public MfeConfig config() {
        return config;
    }

    public MelFilterbank filterbank() {
        return filterbank;
    }

    @Override
    public String name() {
        return MfeConfig.BLOCK;
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
        return config.numFilters();
    }

    @Override
    public int circularPrefixSamples() {
        return 1;
    }

    @Override
    public FeatureShape outputShape(int samplesPerAxis) {
        int frames = AudioChecks.frames(name(), framing, samplesPerAxis);
        List<String> labels = new ArrayList<>();
        for (int m = 0; m < config.numFilters(); m++) {
            labels.add("mel " + m);
        }
        return new FeatureShape(frames, config.numFilters(), labels);
    }

    @Override
    public FrameComputer newFrameComputer() {
        FrameSpectrum spectrum = new FrameSpectrum(fft, framing.length());
        double[] power = new double[spectrum.bins()];
        double[] mel = new double[filterbank.filters()];
        double floor = config.noiseFloorDb();
        double range = -floor + 12.0;
        return (window, frameStart, out, offset) -> {
            int n = window.length;
            double[] frame = spectrum.frameBuffer();
            int used = spectrum.usedSamples();
            for (int i = 0; i < used; i++) {
                int idx = frameStart + i;
                int prev = idx == 0 ? n - 1 : idx - 1;
                // float32 throughout, as the Python block: x = float32(v / 2^15), y = x - 0.98f * x_prev.
                float x = window[idx] / 32768f;
                float xPrev = window[prev] / 32768f;
                frame[i] = x - PRE_COF * xPrev;
            }
            spectrum.power(power);
            filterbank.apply(power, mel);
            for (int m = 0; m < mel.length; m++) {
                double f = mel[m] == 0.0 ? MEL_FLOOR : mel[m];
                double db = 10.0 * Math.log10(Math.max(f, DB_FLOOR));
                double v = (db - floor) / range;
                v = Math.min(1.0, Math.max(0.0, v));
                out[offset + m] = quantise(v);
            }
        };
    }

    /** 8-bit quantisation; 256 clamps to 1.0 like the C++ SDK (Python wraps it to 0). */
    static double quantise(double v) {
        double q = Math.rint(v * 256.0);
        if (q >= 256.0) {
            return 1.0;
        }
        return (float) (q / 256.0);
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
