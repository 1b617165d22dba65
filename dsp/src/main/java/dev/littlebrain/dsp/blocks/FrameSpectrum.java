package dev.littlebrain.dsp.blocks;

import dev.littlebrain.dsp.fft.RealFft;

/**
 * Power spectrum of one frame the way speechpy computes it: the frame is cropped to its first
 * {@code fftLength} samples or zero-padded to that length (rectangular window), then
 * {@code P[k] = |rfft|^2 / fftLength} for the {@code fftLength/2 + 1} bins. Holds its own
 * scratch buffers: one instance per thread.
 */
final class FrameSpectrum {
    private final RealFft fft;
    private final int fftLength;
    private final int used;
    private final double scale;
    private final double[] frame;
    private final double[] re;
    private final double[] im;

    FrameSpectrum(RealFft fft, int frameLength) {
        this.fft = fft;
        this.fftLength = fft.size();
        this.used = Math.min(frameLength, fftLength);
        // speechpy multiplies by 1.0 / fft_points rather than dividing; keep that rounding.
        this.scale = 1.0 / fftLength;
        this.frame = new double[fftLength];
        this.re = new double[fft.bins()];
        this.im = new double[fft.bins()];
    }

    /** Samples of the frame that reach the FFT (the rest of a longer frame is ignored). */
    int usedSamples() {
        return used;
    }

    /** The frame buffer to fill with {@link #usedSamples()} values; the tail stays zero. */
    double[] frameBuffer() {
        return frame;
    }

    /** Transforms the frame buffer and writes the power spectrum into {@code power[0 .. bins)}. */
    void power(double[] power) {
        fft.forward(frame, re, im);
        for (int k = 0; k < re.length; k++) {
            power[k] = scale * (re[k] * re[k] + im[k] * im[k]);
        }
    }

    int bins() {
        return re.length;
    }
}
