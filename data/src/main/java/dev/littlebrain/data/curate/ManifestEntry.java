package dev.littlebrain.data.curate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One curated clip as listed in {@code manifest.json}. Paths use '/' and are relative: {@code path}
 * to the curated folder, {@code source} and {@code noiseSource} to the source dataset.
 *
 * @param path         the written WAV file
 * @param label        its class
 * @param split        train, validation or test
 * @param sha256       SHA-256 of the written file
 * @param source       the source clip (for {@code _noise_}: the noise recording it was cut from; for a window of a
 *                     synthesized training stream, {@code training-stream:} and the stream's name — the stream
 *                     itself is not kept)
 * @param sourceSha256 SHA-256 of the source file
 * @param speaker      speaker id, or null when unknown
 * @param sourceOffset for speech: where the source's first sample lies in the window (negative = trimmed);
 *                     for {@code _noise_} and stream windows: the first source sample cut
 * @param noiseSource  background recording mixed in, or null
 * @param noiseOffset  first sample of that recording used, or null
 * @param noiseGain    linear gain applied to the noise (also for {@code _noise_} clips), or null
 * @param speedPercent speed the source was played at, percent of recorded, or null when as recorded
 * @param frames       for sensor files, copied as recorded: their length in samples per axis, which may differ
 *                     from the manifest's window; null for clips rendered to the window
 * @param noiseSnrDb   when the noise was scaled against the clip: the clip-to-noise ratio, dB; else null
 * @param room         the simulated room the speech was heard in, or null for none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManifestEntry(String path, String label, String split, String sha256, String source,
                            String sourceSha256, String speaker, int sourceOffset, String noiseSource,
                            Integer noiseOffset, Double noiseGain, Integer speedPercent, Integer frames,
                            Double noiseSnrDb, Room room) {
    /** A simulated room: reverberation time, direct-to-reverberant ratio and the seed of its impulse response. */
    public record Room(int rt60Ms, double drrDb, long seed) {
    }

    /** An entry without noise at an SNR or a simulated room. */
    public ManifestEntry(String path, String label, String split, String sha256, String source, String sourceSha256,
            String speaker, int sourceOffset, String noiseSource, Integer noiseOffset, Double noiseGain,
            Integer speedPercent, Integer frames) {
        this(path, label, split, sha256, source, sourceSha256, speaker, sourceOffset, noiseSource, noiseOffset,
                noiseGain, speedPercent, frames, null, null);
    }

    /** An entry of a clip rendered to exactly the manifest's window. */
    public ManifestEntry(String path, String label, String split, String sha256, String source, String sourceSha256,
            String speaker, int sourceOffset, String noiseSource, Integer noiseOffset, Double noiseGain,
            Integer speedPercent) {
        this(path, label, split, sha256, source, sourceSha256, speaker, sourceOffset, noiseSource, noiseOffset,
                noiseGain, speedPercent, null);
    }
}
