package dev.littlebrain.data.streams;

import dev.littlebrain.data.Split;
import java.util.List;

/**
 * What {@link StreamSynthesizer} builds.
 *
 * @param keywords     the words a detector should fire on; every other word of the split is a distractor
 * @param split        the split whose speakers speak (validation, to tune without touching the test set)
 * @param count        number of streams
 * @param seconds      length of each stream
 * @param keywordShare chance that an inserted word is a keyword (espeak-kws's streams: 0.7)
 * @param minSnrDb     lowest utterance-to-bed SNR, dB
 * @param maxSnrDb     highest such SNR, dB
 * @param sampleRate   rate of the source clips and the streams, Hz
 * @param seed         seed of every random choice
 */
public record StreamOptions(List<String> keywords, Split split, int count, double seconds, double keywordShare,
                            double minSnrDb, double maxSnrDb, int sampleRate, long seed) {
    public StreamOptions {
        keywords = List.copyOf(keywords);
        if (keywords.isEmpty()) {
            throw new IllegalArgumentException("choose at least one keyword");
        }
        if (count < 1 || !(seconds >= 3) || sampleRate <= 0) {
            throw new IllegalArgumentException("at least one stream of at least 3 s is needed");
        }
        if (!(keywordShare > 0 && keywordShare <= 1)) {
            throw new IllegalArgumentException("keyword share must be in (0, 1], got " + keywordShare);
        }
        if (!(minSnrDb <= maxSnrDb)) {
            throw new IllegalArgumentException("SNR range is empty: " + minSnrDb + " .. " + maxSnrDb);
        }
    }

    /**
     * Like espeak-kws's test streams: 20 s each, 70 % keywords, SNR 4–25 dB, 16 kHz, from the validation speakers.
     */
    public static StreamOptions validation(List<String> keywords, int count, long seed) {
        return new StreamOptions(keywords, Split.VALIDATION, count, 20, 0.7, 4, 25, 16000, seed);
    }
}
