package dev.littlebrain.dsp.blocks;

import dev.littlebrain.dsp.fft.RealFft;
import java.util.ArrayList;
import java.util.List;

/**
 * Edge Impulse spectrogram (processing-blocks {@code spectrogram/dsp.py}, version 4).
 *
 * <p><b>Input:</b> one axis of int16 sample values as floats, used unscaled (version 4).
 *
 * <p>Per frame, no pre-emphasis: power spectrum {@code |rfft|^2 / fft_length} of the frame
 * cropped/zero-padded to {@code fft_length}, then
 * {@code max(0, (10·log10(max(P, 1e-30)) - noise_floor_db) / (12 - noise_floor_db))}. There is no
 * upper clip in version 4, so int16-scaled input reaches values around 2.
 */
public final class SpectrogramBlock implements FramewiseBlock {
    private static final double DB_FLOOR = 1e-30;

    private final SpectrogramConfig config;
    private final SignalSpec signal;
    private final Framing framing;
    private final RealFft fft;

    public SpectrogramBlock(SpectrogramConfig config, SignalSpec signal) {
        AudioChecks.requireMono(SpectrogramConfig.BLOCK, signal);
        this.config = config;
        this.signal = signal;
        this.framing = AudioChecks.framing(SpectrogramConfig.BLOCK, signal, config.frameLength(),
                config.frameStride());
        this.fft = RealFft.create(config.fftLength());
    }

    public SpectrogramConfig config() {
        return config;
    }

    @Override
    public String name() {
        return SpectrogramConfig.BLOCK;
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
        return fft.bins();
    }

    @Override
    public int circularPrefixSamples() {
        return 0;
    }

    @Override
    public FeatureShape outputShape(int samplesPerAxis) {
        int frames = AudioChecks.frames(name(), framing, samplesPerAxis);
        List<String> labels = new ArrayList<>();
        double binHz = signal.samplingFrequency() / config.fftLength();
        for (int k = 0; k < fft.bins(); k++) {
            labels.add(String.format(java.util.Locale.ROOT, "%.1f Hz", k * binHz));
        }
        return new FeatureShape(frames, fft.bins(), labels);
    }

    @Override
    public FrameComputer newFrameComputer() {
        FrameSpectrum spectrum = new FrameSpectrum(fft, framing.length());
        double[] power = new double[spectrum.bins()];
        double floor = config.noiseFloorDb();
        double range = -floor + 12.0;
        return (window, frameStart, out, offset) -> {
            double[] frame = spectrum.frameBuffer();
            int used = spectrum.usedSamples();
            for (int i = 0; i < used; i++) {
                frame[i] = window[frameStart + i];
            }
            spectrum.power(power);
            for (int k = 0; k < power.length; k++) {
                double db = 10.0 * Math.log10(Math.max(power[k], DB_FLOOR));
                out[offset + k] = Math.max(0.0, (db - floor) / range);
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
