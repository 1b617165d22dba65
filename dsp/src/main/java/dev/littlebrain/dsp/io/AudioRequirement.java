package dev.littlebrain.dsp.io;

/**
 * What a consumer needs from an audio file (rate, mono) and whether LittleBrain may convert a file
 * that differs. A file that differs and may not be converted gives an error that says how.
 *
 * @param sampleRate    the rate the consumer expects, in Hz
 * @param mono          whether the consumer expects one channel
 * @param allowResample resample a file at another rate instead of rejecting it
 * @param allowDownmix  average the channels of a multi-channel file instead of rejecting it
 */
public record AudioRequirement(int sampleRate, boolean mono, boolean allowResample, boolean allowDownmix) {
    public AudioRequirement {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
    }

    /** Exactly this rate, mono, no conversion. */
    public static AudioRequirement strict(int sampleRate) {
        return new AudioRequirement(sampleRate, true, false, false);
    }

    /** This rate, mono; resample and downmix what differs. */
    public static AudioRequirement converting(int sampleRate) {
        return new AudioRequirement(sampleRate, true, true, true);
    }

    /** Checks a signal read from {@code source} and converts it where allowed. */
    public Signal conform(Signal signal, String source) throws SignalFormatException {
        Signal s = signal;
        if (mono && !s.isMono()) {
            if (!allowDownmix) {
                throw new SignalFormatException(source, "has " + s.channels() + " channels, mono audio is "
                        + "expected; downmix it (e.g. `sox in.wav -c 1 out.wav`) or allow downmixing");
            }
            s = s.toMono();
        }
        if (s.sampleRate() != sampleRate) {
            if (!allowResample) {
                throw new SignalFormatException(source, "is " + s.sampleRate() + " Hz, " + sampleRate
                        + " Hz is expected; resample it (e.g. `sox in.wav -r " + sampleRate
                        + " out.wav`) or allow resampling");
            }
            s = Resampler.between(s.sampleRate(), sampleRate).apply(s);
        }
        return s;
    }
}
