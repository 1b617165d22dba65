package dev.littlebrain.impulse.training;

import dev.littlebrain.data.curate.KwsCurationOptions;
import dev.littlebrain.data.curate.Manifest;
import dev.littlebrain.data.curate.ManifestEntry;
import dev.littlebrain.impulse.ImpulseProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The words of a training split's samples, for the training-only word head ({@code learn.word_loss}). A sample's
 * word is its label, except for an {@code _unknown_} clip rendered from one clip of the imported dataset: its word
 * is the folder that clip came from ({@code go} for {@code go/1a2b_nohash_0.wav}), read from the manifest. Windows
 * of synthesized streams and mined windows, which name no one word, keep {@code _unknown_}.
 *
 * @param words   every word, the labels first (so a label's word index is its class index), then the other words
 * @param indices each sample's word index, row for row with the split
 */
record WordLabels(List<String> words, int[] indices) {

    /** How many words the head tells apart beyond the labels themselves; 0: the head would learn nothing new. */
    int extraWords(int labels) {
        return words.size() - labels;
    }

    static WordLabels of(Manifest manifest, Path dataDir, List<String> labels, ImpulseProject.Split split) {
        Map<Path, ManifestEntry> byFile = new HashMap<>();
        for (ManifestEntry e : manifest.samples()) {
            byFile.put(dataDir.resolve(e.path()), e);
        }
        int unknown = labels.indexOf(KwsCurationOptions.UNKNOWN);
        String[] sourceWords = new String[split.size()];
        TreeSet<String> otherWords = new TreeSet<>();
        for (int i = 0; i < split.size(); i++) {
            if (split.labels()[i] != unknown) {
                continue;
            }
            ManifestEntry entry = byFile.get(split.files().get(i));
            sourceWords[i] = entry == null ? null : sourceWord(entry.source());
            if (sourceWords[i] != null) {
                otherWords.add(sourceWords[i]);
            }
        }
        List<String> words = new ArrayList<>(labels);
        for (String w : otherWords) {
            words.add(KwsCurationOptions.UNKNOWN + w);
        }
        int[] indices = new int[split.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = sourceWords[i] == null ? split.labels()[i]
                    : labels.size() + otherWords.headSet(sourceWords[i]).size();
        }
        return new WordLabels(List.copyOf(words), indices);
    }

    /** The folder a source clip lies in, e.g. {@code go}; null for a source that is not one file of a word folder. */
    private static String sourceWord(String source) {
        if (source == null || source.contains(":")) {
            return null; // a stream's or a mined window: several words or none
        }
        int slash = source.lastIndexOf('/');
        if (slash <= 0) {
            return null;
        }
        String folder = source.substring(0, slash);
        return folder.substring(folder.lastIndexOf('/') + 1);
    }
}
