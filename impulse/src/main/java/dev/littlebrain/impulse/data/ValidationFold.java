package dev.littlebrain.impulse.data;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.SpeakerFolds;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fold {@code k} of {@code n} of a dataset's training speakers, held out as its validation split instead of the
 * dataset's own: speaker cross-validation for comparing recipes ({@code --validation-fold K/N}).
 */
public record ValidationFold(int k, int n) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

    public ValidationFold {
        if (n < 2 || k < 1 || k > n) {
            throw new IllegalArgumentException("--validation-fold " + k + "/" + n + ": need N >= 2 and 1 <= K <= N");
        }
    }

    /**
     * {@code K/N}, checked before any file is read.
     *
     * @throws IllegalArgumentException naming the option when the value is not a fold
     */
    public static ValidationFold parse(String fold) {
        Matcher m = FORM.matcher(fold.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("--validation-fold takes K/N, e.g. 1/4, got '" + fold + "'");
        }
        int k = Integer.parseInt(m.group(1));
        int n = Integer.parseInt(m.group(2));
        if (n < 2 || k < 1 || k > n) {
            // The value as typed: "01/4" is named as the person wrote it.
            throw new IllegalArgumentException("--validation-fold " + fold + ": need N >= 2 and 1 <= K <= N");
        }
        return new ValidationFold(k, n);
    }

    /** {@code dataset} with this fold of its training speakers as validation, the rest as training. */
    public Dataset applyTo(Dataset dataset) {
        try {
            return SpeakerFolds.holdOut(dataset, k, n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--validation-fold " + k + "/" + n + ": " + e.getMessage());
        }
    }
}
