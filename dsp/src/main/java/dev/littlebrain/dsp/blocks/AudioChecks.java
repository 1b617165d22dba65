package dev.littlebrain.dsp.blocks;

/** Checks that need the sampling frequency, shared by the audio blocks. */
final class AudioChecks {
    private AudioChecks() {
    }

    static void requireMono(String block, SignalSpec signal) {
        if (signal.axisCount() != 1) {
            throw new IllegalArgumentException(block + ": expects one audio axis, got "
                    + signal.axisCount() + " " + signal.axes());
        }
    }

    static void requireFrequencyRange(String block, SignalSpec signal, double low, double high) {
        double nyquist = signal.samplingFrequency() / 2;
        if (high > nyquist) {
            throw new InvalidParameterException(block, "high_frequency", high,
                    "must be 0 (= fs/2) or at most fs/2 = " + nyquist + " Hz");
        }
        double top = high == 0 ? nyquist : high;
        if (low >= top) {
            throw new InvalidParameterException(block, "low_frequency", low,
                    "must be below the upper mel edge (" + top + " Hz)");
        }
    }

    static Framing framing(String block, SignalSpec signal, double length, double stride) {
        int l = Framing.toSamples(signal.samplingFrequency() * length);
        int s = Framing.toSamples(signal.samplingFrequency() * stride);
        if (l < 1) {
            throw new InvalidParameterException(block, "frame_length", length,
                    "is shorter than one sample at " + signal.samplingFrequency() + " Hz");
        }
        if (s < 1) {
            throw new InvalidParameterException(block, "frame_stride", stride,
                    "is shorter than one sample at " + signal.samplingFrequency() + " Hz");
        }
        return new Framing(l, s);
    }

    /** Frames in a window, or a clear error if not even one fits. */
    static int frames(String block, Framing framing, int samples) {
        int frames = framing.frameCount(samples);
        if (frames < 1) {
            throw new IllegalArgumentException(block + ": a window of " + samples
                    + " samples is shorter than one frame (" + framing.length() + " samples)");
        }
        return frames;
    }
}
