package dev.littlebrain.data.importer;

import dev.littlebrain.data.Split;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The split rule of Google Speech Commands ({@code which_set} in TensorFlow's
 * {@code speech_commands/input_data.py}): the file name up to {@code _nohash_} names the speaker;
 * its SHA-1, reduced modulo 2^27 and scaled to [0, 100], picks the split. Because only the
 * speaker part is hashed, all clips of one speaker land in the same split, and the assignment
 * never changes when files are added.
 *
 * @param validationPercent share of speakers for validation (Speech Commands uses 10)
 * @param testPercent       share of speakers for testing (Speech Commands uses 10)
 */
public record SpeechCommandsSplitRule(double validationPercent, double testPercent) {
    private static final BigInteger MAX_FILES_PER_CLASS = BigInteger.ONE.shiftLeft(27); // 2^27, as in TF
    private static final String NOHASH = "_nohash_";

    public static final SpeechCommandsSplitRule STANDARD = new SpeechCommandsSplitRule(10, 10);

    public SpeechCommandsSplitRule {
        if (validationPercent < 0 || testPercent < 0 || validationPercent + testPercent > 100) {
            throw new IllegalArgumentException("split percentages must be >= 0 and sum to at most 100: "
                    + validationPercent + " + " + testPercent);
        }
    }

    /** The split for a file name (with or without folders; only the base name counts). */
    public Split splitOf(String fileName) {
        double p = percentage(hashName(baseName(fileName)));
        if (p < validationPercent) {
            return Split.VALIDATION;
        }
        if (p < validationPercent + testPercent) {
            return Split.TEST;
        }
        return Split.TRAIN;
    }

    /** The speaker part of a {@code <speaker>_nohash_<n>.wav} name, or null if the name has no {@code _nohash_}. */
    public static String speakerOf(String fileName) {
        String base = baseName(fileName);
        int at = base.indexOf(NOHASH);
        return at < 0 ? null : base.substring(0, at);
    }

    /** TF's {@code re.sub(r'_nohash_.*$', '', base_name)}. */
    static String hashName(String baseName) {
        int at = baseName.indexOf(NOHASH);
        return at < 0 ? baseName : baseName.substring(0, at);
    }

    /** {@code (int(sha1_hex, 16) % (MAX_NUM_WAVS_PER_CLASS + 1)) * (100.0 / MAX_NUM_WAVS_PER_CLASS)}. */
    static double percentage(String hashName) {
        byte[] sha1 = ContentHash.digest("SHA-1").digest(hashName.getBytes(StandardCharsets.UTF_8));
        BigInteger value = new BigInteger(1, sha1).mod(MAX_FILES_PER_CLASS);
        return value.doubleValue() * (100.0 / (MAX_FILES_PER_CLASS.doubleValue() - 1));
    }

    private static String baseName(String fileName) {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return fileName.substring(slash + 1);
    }
}
