package dev.littlebrain.dsp.io;

/**
 * Band-limited sample-rate conversion by any rational ratio (polyphase windowed sinc).
 *
 * <p>Each output sample is the input convolved with a Kaiser-windowed sinc low-pass centred on the
 * output instant. The low-pass cuts at the lower of the two Nyquist frequencies, so downsampling
 * removes what would alias and upsampling removes the spectral images. Design targets: pass band
 * up to 90 % of that Nyquist frequency, stop band from 100 % of it with at least 90 dB attenuation
 * (Kaiser beta from Kaiser's formula). The ratio reduced to L/M gives L distinct filter phases,
 * which are tabulated once when the table is of reasonable size.
 *
 * <p>Samples before the start and after the end of the input are taken as zero; the output has
 * {@code ceil(n * to / from)} samples and is aligned in time with the input (no added delay).
 * Instances are immutable and thread-safe.
 */
public final class Resampler {
    private static final double STOPBAND_DB = 90;
    private static final double PASSBAND_EDGE = 0.90;
    private static final int MAX_TABLE_FLOATS = 4_000_000;

    private final int fromRate;
    private final int toRate;
    private final int up;
    private final int down;
    private final int halfTaps;
    private final double cutoff;
    private final double beta;
    private final double i0Beta;
    /** Coefficients per phase, or null when the table would be too large and they are computed per sample. */
    private final float[][] table;

    private Resampler(int fromRate, int toRate) {
        this.fromRate = fromRate;
        this.toRate = toRate;
        int g = gcd(fromRate, toRate);
        this.up = toRate / g;
        this.down = fromRate / g;
        double nyquist = 0.5 * Math.min(fromRate, toRate);
        double passEdge = PASSBAND_EDGE * nyquist;
        double transitionHz = nyquist - passEdge;
        // Cutoff half-way through the transition band, in cycles per input sample.
        this.cutoff = (passEdge + nyquist) / 2 / fromRate;
        this.beta = 0.1102 * (STOPBAND_DB - 8.7);
        this.i0Beta = besselI0(beta);
        double deltaOmega = 2 * Math.PI * transitionHz / fromRate;
        int taps = (int) Math.ceil((STOPBAND_DB - 8) / (2.285 * deltaOmega)) + 1;
        this.halfTaps = Math.max(2, taps / 2 + 1);
        if ((long) up * 2 * halfTaps <= MAX_TABLE_FLOATS) {
            table = new float[up][];
            for (int p = 0; p < up; p++) {
                table[p] = phaseCoefficients(p);
            }
        } else {
            table = null;
        }
    }

    /** A resampler from one rate to another (both in Hz). */
    public static Resampler between(int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + fromRate + " -> " + toRate);
        }
        return new Resampler(fromRate, toRate);
    }

    public int fromRate() {
        return fromRate;
    }

    public int toRate() {
        return toRate;
    }

    /** Resamples every channel of a signal; returns the signal itself when the rates are equal. */
    public Signal apply(Signal signal) {
        if (signal.sampleRate() != fromRate) {
            throw new IllegalArgumentException("signal is " + signal.sampleRate() + " Hz, resampler expects " + fromRate);
        }
        if (fromRate == toRate) {
            return signal;
        }
        int channels = signal.channels();
        if (channels == 1) {
            return Signal.mono(toRate, process(signal.interleaved()));
        }
        float[][] outs = new float[channels][];
        for (int c = 0; c < channels; c++) {
            outs[c] = process(signal.channel(c));
        }
        int frames = outs[0].length;
        float[] inter = new float[frames * channels];
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                inter[f * channels + c] = outs[c][f];
            }
        }
        return new Signal(toRate, channels, inter);
    }

    /** Resamples one channel. */
    public float[] process(float[] in) {
        if (fromRate == toRate) {
            return in.clone();
        }
        int outLength = (int) (((long) in.length * up + down - 1) / down);
        float[] out = new float[outLength];
        int width = 2 * halfTaps;
        for (int n = 0; n < outLength; n++) {
            long position = (long) n * down;
            int base = (int) (position / up);
            int phase = (int) (position % up);
            float[] h = table != null ? table[phase] : phaseCoefficients(phase);
            int first = base - halfTaps + 1;
            int kStart = Math.max(0, -first);
            int kEnd = Math.min(width, in.length - first);
            double acc = 0;
            for (int k = kStart; k < kEnd; k++) {
                acc += h[k] * in[first + k];
            }
            out[n] = (float) acc;
        }
        return out;
    }

    /**
     * Coefficients for an output instant {@code phase / up} input samples after an input sample,
     * for inputs base-halfTaps+1 .. base+halfTaps, normalised to unit DC gain.
     */
    private float[] phaseCoefficients(int phase) {
        double frac = phase / (double) up;
        double[] h = new double[2 * halfTaps];
        double sum = 0;
        for (int k = 0; k < h.length; k++) {
            double tau = frac - (k - halfTaps + 1);
            h[k] = kernel(tau);
            sum += h[k];
        }
        float[] out = new float[h.length];
        for (int k = 0; k < h.length; k++) {
            out[k] = (float) (h[k] / sum);
        }
        return out;
    }

    private double kernel(double tau) {
        double u = tau / halfTaps;
        if (Math.abs(u) >= 1) {
            return 0;
        }
        double x = 2 * cutoff * tau;
        double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
        return 2 * cutoff * sinc * besselI0(beta * Math.sqrt(1 - u * u)) / i0Beta;
    }

    /** Modified Bessel function of the first kind, order 0 (power series; converges fast for beta < 20). */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 200; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
