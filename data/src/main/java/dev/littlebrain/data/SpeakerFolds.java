package dev.littlebrain.data;

import dev.littlebrain.data.importer.ContentHash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Speaker-disjoint cross-validation folds of a dataset's training split. A dataset's own validation split is
 * small (espeak-kws: 24 speakers, 34 yes/no clips), too small to tell two training recipes apart; holding out
 * each quarter of the training speakers in turn gives four larger selection sets from speakers the
 * model has not heard, and leaves the test split alone.
 *
 * <p>{@link #holdOut} makes fold {@code k} of {@code n}: the training samples of that fold's speakers become the
 * validation split, the other training samples stay training, the dataset's own validation samples are left out
 * (so no fold trains on them and every fold validates on its own speakers only) and the test split is unchanged.
 * The training speakers are ordered by the SHA-1 of {@code "fold" + speaker id} and dealt round-robin, so folds
 * differ in size by at most one speaker and do not depend on file order. A sample without a speaker id counts as its own speaker (its file name).
 */
public final class SpeakerFolds {
    private SpeakerFolds() {
    }

    /**
     * The dataset with fold {@code fold} (1-based) of {@code folds} of the training speakers as its validation split.
     *
     * @throws IllegalArgumentException when {@code folds < 2}, {@code fold} is outside {@code 1..folds}, or there
     *                                  are fewer training speakers than folds
     */
    public static Dataset holdOut(Dataset dataset, int fold, int folds) {
        if (folds < 2 || fold < 1 || fold > folds) {
            throw new IllegalArgumentException("no fold " + fold + " of " + folds + ": need folds >= 2 and 1 <= fold <= folds");
        }
        Map<String, Integer> foldOf = assign(dataset.inSplit(Split.TRAIN), folds);
        if (foldOf.size() < folds) {
            throw new IllegalArgumentException("only " + foldOf.size() + " training speaker(s) for " + folds + " folds");
        }
        List<Sample> samples = new ArrayList<>();
        for (Sample s : dataset.samples()) {
            switch (s.split()) {
                case TRAIN -> samples.add(foldOf.get(speaker(s)) == fold - 1 ? s.withSplit(Split.VALIDATION) : s);
                case VALIDATION -> { } // the dataset's own validation speakers: in no fold
                case TEST -> samples.add(s);
            }
        }
        return new Dataset(dataset.root(), samples, dataset.backgroundNoise());
    }

    /** Fold index (0-based) of every training speaker. */
    static Map<String, Integer> assign(List<Sample> training, int folds) {
        Set<String> speakers = new TreeSet<>();
        training.forEach(s -> speakers.add(speaker(s)));
        TreeMap<String, String> byDigest = new TreeMap<>();
        for (String speaker : speakers) {
            byDigest.put(sha1Hex("fold" + speaker), speaker);
        }
        Map<String, Integer> foldOf = new TreeMap<>();
        int i = 0;
        for (String speaker : byDigest.values()) {
            foldOf.put(speaker, i++ % folds);
        }
        return foldOf;
    }

    private static String speaker(Sample s) {
        return s.hasSpeaker() ? s.speakerId() : s.source().getFileName().toString();
    }

    private static String sha1Hex(String text) {
        return HexFormat.of().formatHex(ContentHash.digest("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
