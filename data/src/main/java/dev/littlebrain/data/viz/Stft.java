package dev.littlebrain.data.viz;

/**
 * A short-time Fourier transform magnitude in decibels, just for pictures: Hann window, radix-2
 * FFT, no scaling conventions that a DSP block would have to match. Kept here rather than shared
 * with the DSP blocks on purpose: a spectrogram image must not change when feature code does.
 */
final class Stft {
    private Stft() {
    }

    /** {@code [frame][bin]} magnitudes in dB (floor -120 dB), {@code fftSize / 2 + 1} bins per frame. */
    static float[][] magnitudeDb(float[] samples, int fftSize, int hop) {
        if (Integer.bitCount(fftSize) != 1 || hop <= 0) {
            throw new IllegalArgumentException("FFT size must be a power of two and hop positive");
        }
        int frames = samples.length < fftSize ? 1 : 1 + (samples.length - fftSize) / hop;
        double[] window = new double[fftSize];
        double windowSum = 0;
        for (int i = 0; i < fftSize; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / fftSize);
            windowSum += window[i];
        }
        float[][] out = new float[frames][fftSize / 2 + 1];
        double[] re = new double[fftSize];
        double[] im = new double[fftSize];
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < fftSize; i++) {
                int at = f * hop + i;
                re[i] = at < samples.length ? samples[at] * window[i] : 0;
                im[i] = 0;
            }
            fft(re, im);
            for (int k = 0; k <= fftSize / 2; k++) {
                // Scaled so that a full-scale sine reads about 0 dB.
                double magnitude = 2 * Math.hypot(re[k], im[k]) / windowSum;
                out[f][k] = (float) Math.max(-120, 20 * Math.log10(magnitude + 1e-12));
            }
        }
        return out;
    }

    /** In-place iterative radix-2 FFT. */
    private static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * Math.PI / len;
            double wr = Math.cos(angle);
            double wi = Math.sin(angle);
            for (int start = 0; start < n; start += len) {
                double cr = 1;
                double ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = start + k;
                    int b = a + len / 2;
                    double tr = re[b] * cr - im[b] * ci;
                    double ti = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                    double next = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = next;
                }
            }
        }
    }
}
