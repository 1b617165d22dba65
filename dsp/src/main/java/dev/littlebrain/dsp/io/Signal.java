package dev.littlebrain.dsp.io;

import java.util.Arrays;

/**
 * A uniformly sampled signal with one or more channels, samples interleaved frame by frame.
 *
 * <p>Audio samples are floats in [-1, 1): a 16-bit PCM value {@code s} is stored as
 * {@code s / 32768f}, so {@link #toInt16Values()} gives back exactly the integers of the file.
 * Edge Impulse style DSP blocks take audio as int16 <em>values</em> in float form (e.g. -1234.0);
 * use {@link #toInt16Values()} for them.
 *
 * <p>The sample array is owned by the signal and must not be modified after construction; records
 * cannot make arrays immutable, and copying every window would cost more than it protects.
 */
public record Signal(int sampleRate, int channels, float[] interleaved) {
    /** Scale between float audio and int16 values (2^15). */
    public static final float INT16_SCALE = 32768f;

    public Signal {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        if (channels <= 0) {
            throw new IllegalArgumentException("channel count must be positive, got " + channels);
        }
        if (interleaved == null || interleaved.length % channels != 0) {
            throw new IllegalArgumentException("sample count is not a multiple of the channel count " + channels);
        }
    }

    public static Signal mono(int sampleRate, float[] samples) {
        return new Signal(sampleRate, 1, samples);
    }

    /** Builds a mono signal from int16-scaled values (e.g. -1234.0 for PCM value -1234). */
    public static Signal fromInt16Values(int sampleRate, float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] / INT16_SCALE;
        }
        return mono(sampleRate, out);
    }

    public int frames() {
        return interleaved.length / channels;
    }

    public double durationSeconds() {
        return frames() / (double) sampleRate;
    }

    public boolean isMono() {
        return channels == 1;
    }

    /** The samples of one channel. */
    public float[] channel(int index) {
        if (index < 0 || index >= channels) {
            throw new IndexOutOfBoundsException("channel " + index + " of " + channels);
        }
        if (channels == 1) {
            return interleaved.clone();
        }
        float[] out = new float[frames()];
        for (int f = 0, i = index; f < out.length; f++, i += channels) {
            out[f] = interleaved[i];
        }
        return out;
    }

    /** The mean of all channels (the usual downmix; it cannot clip). */
    public Signal toMono() {
        if (channels == 1) {
            return this;
        }
        int frames = frames();
        float[] out = new float[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            int base = f * channels;
            for (int c = 0; c < channels; c++) {
                sum += interleaved[base + c];
            }
            out[f] = (float) (sum / channels);
        }
        return mono(sampleRate, out);
    }

    /**
     * Samples scaled to the int16 range, rounded and clipped to [-32768, 32767], as floats — the
     * input convention of Edge Impulse audio DSP blocks.
     */
    public float[] toInt16Values() {
        float[] out = new float[interleaved.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = toInt16(interleaved[i]);
        }
        return out;
    }

    /** One sample as an int16 value: rounded to nearest (ties to even, as {@link WavWriter} does) and clipped. */
    public static short toInt16(float sample) {
        float scaled = sample * INT16_SCALE;
        if (!(scaled > -32768f)) {
            return Short.MIN_VALUE; // also maps NaN somewhere defined rather than to 0 silently
        }
        if (scaled >= 32767f) {
            return Short.MAX_VALUE;
        }
        return (short) Math.rint(scaled);
    }

    /** Frames [from, to) as a new signal. */
    public Signal slice(int fromFrame, int toFrame) {
        if (fromFrame < 0 || toFrame > frames() || fromFrame > toFrame) {
            throw new IndexOutOfBoundsException("frames [" + fromFrame + ", " + toFrame + ") of " + frames());
        }
        return new Signal(sampleRate, channels,
                Arrays.copyOfRange(interleaved, fromFrame * channels, toFrame * channels));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signal s && s.sampleRate == sampleRate && s.channels == channels
                && Arrays.equals(s.interleaved, interleaved);
    }

    @Override
    public int hashCode() {
        return (sampleRate * 31 + channels) * 31 + Arrays.hashCode(interleaved);
    }

    @Override
    public String toString() {
        return "Signal[" + sampleRate + " Hz, " + channels + " ch, " + frames() + " frames]";
    }
}
