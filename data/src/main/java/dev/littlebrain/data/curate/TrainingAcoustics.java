package dev.littlebrain.data.curate;

/**
 * How the training renderings sound beyond gain, shift and speed: background noise at a speech-to-noise ratio (the
 * noise scaled against the clip itself, not against the recording's own level) and simulated rooms.
 *
 * @param noiseAtSnr      mix noise at an SNR uniform in [minSnrDb, maxSnrDb] instead of the gain range
 * @param minSnrDb        lowest clip-to-noise ratio, dB (RMS of the placed clip against RMS of the noise cut)
 * @param maxSnrDb        highest, dB
 * @param reverbMaxRt60Ms longest reverberation time of the simulated rooms, ms; 0 for none. The training
 *                        renderings after the first (as with speed) are heard in a room of RT60 100 ms to this, at
 *                        a direct-to-reverberant ratio of 0 to 15 dB
 */
public record TrainingAcoustics(boolean noiseAtSnr, double minSnrDb, double maxSnrDb, int reverbMaxRt60Ms) {
    /** Noise by the gain range, no rooms: the curation as it was. */
    public static final TrainingAcoustics NONE = new TrainingAcoustics(false, 0, 0, 0);
    /** Shortest RT60 of a simulated room, ms: a small furnished room. */
    public static final int MIN_RT60_MS = 100;
    public static final double MIN_DRR_DB = 0;
    public static final double MAX_DRR_DB = 15;

    public TrainingAcoustics {
        if (noiseAtSnr && !(minSnrDb <= maxSnrDb)) {
            throw new IllegalArgumentException("noise SNR range is empty: " + minSnrDb + " .. " + maxSnrDb);
        }
        if (reverbMaxRt60Ms != 0 && (reverbMaxRt60Ms < MIN_RT60_MS || reverbMaxRt60Ms > 2000)) {
            throw new IllegalArgumentException("reverberation time must be 0 (none) or " + MIN_RT60_MS
                    + "..2000 ms, got " + reverbMaxRt60Ms);
        }
    }

    public TrainingAcoustics withNoiseSnr(double minDb, double maxDb) {
        return new TrainingAcoustics(true, minDb, maxDb, reverbMaxRt60Ms);
    }

    public TrainingAcoustics withReverb(int maxRt60Ms) {
        return new TrainingAcoustics(noiseAtSnr, minSnrDb, maxSnrDb, maxRt60Ms);
    }
}
