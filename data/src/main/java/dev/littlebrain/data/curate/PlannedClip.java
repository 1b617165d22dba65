package dev.littlebrain.data.curate;

import dev.littlebrain.data.Sample;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.augment.RoomReverb;

/**
 * Every decision about one output clip, taken before anything is rendered, so that rendering is a
 * pure function of the plan and can run on any number of threads with identical results.
 *
 * @param source       the source clip or, for {@code _noise_}, the noise recording
 * @param sourceOffset see {@link ManifestEntry#sourceOffset()}
 * @param noiseIndex   index of the noise recording mixed in, or -1 for none
 * @param noiseOffset  first noise sample used (when mixing)
 * @param noiseGain    linear gain of the noise (mixing, or the {@code _noise_} clip itself)
 * @param speedPercent speed the source plays at, percent of recorded (100: as recorded)
 * @param noiseSnrDb   when not NaN, the noise is scaled to this clip-to-noise ratio and {@code noiseGain} is unused
 * @param room         the simulated room the speech is heard in, or null for the clip as recorded
 */
record PlannedClip(Split split, String label, String outputPath, Sample source, int sourceOffset, int noiseIndex,
                   int noiseOffset, double noiseGain, int speedPercent, double noiseSnrDb, RoomReverb.Room room) {
    boolean isNoiseClip() {
        return label.equals(KwsCurationOptions.NOISE);
    }
}
