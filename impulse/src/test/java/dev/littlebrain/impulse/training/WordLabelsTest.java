package dev.littlebrain.impulse.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.littlebrain.data.curate.Manifest;
import dev.littlebrain.data.curate.ManifestEntry;
import dev.littlebrain.impulse.ImpulseProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordLabelsTest {
    private static final List<String> LABELS = List.of("yes", "no", "_unknown_", "_noise_");
    private final Path data = Path.of("/projects/p/data");

    private static ManifestEntry entry(String path, String label, String source) {
        return new ManifestEntry(path, label, "train", "0", source, "0", "spk", 0, null, null, null, null);
    }

    /**
     * An _unknown_ clip's word is the folder of the dataset clip it was rendered from; keywords and noise keep their
     * label, and stream or mined windows (several words or none) stay _unknown_. The labels come first, so a label's
     * word is its class; the other words follow in name order, whatever order the split lists them in.
     */
    @Test
    void unknownClipsAreNamedByTheirSourceFolder() {
        List<ManifestEntry> entries = List.of(
                entry("train/yes/a.wav", "yes", "yes/a.wav"),
                entry("train/_unknown_/go_b.wav", "_unknown_", "go/b.wav"),
                entry("train/_unknown_/down_c.wav", "_unknown_", "down/c.wav"),
                entry("train/_unknown_/go_d_copy1.wav", "_unknown_", "other-words/go/d.wav"),
                entry("train/_unknown_/stream_3_w7.wav", "_unknown_", "training-stream:stream_3"),
                entry("train/_noise_/n.wav", "_noise_", "_background_noise_/tap.wav"),
                entry("train/no/e.wav", "no", "no/e.wav"));
        Manifest manifest = new Manifest(Manifest.FORMAT, 1, 1, 16000, 16000, LABELS, entries);
        List<Path> files = new ArrayList<>();
        int[] labels = new int[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            files.add(data.resolve(entries.get(i).path()));
            labels[i] = LABELS.indexOf(entries.get(i).label());
        }
        ImpulseProject.Split split = new ImpulseProject.Split(new float[entries.size()][1], labels, files);

        WordLabels words = WordLabels.of(manifest, data, LABELS, split);

        assertEquals(List.of("yes", "no", "_unknown_", "_noise_", "_unknown_down", "_unknown_go"), words.words());
        assertArrayEquals(new int[] {0, 5, 4, 5, 2, 3, 1}, words.indices());
        assertEquals(2, words.extraWords(LABELS.size()));
    }

    /** A motion project has no _unknown_ class: nothing beyond its labels, so the head would teach nothing. */
    @Test
    void withoutUnknownThereIsNothingToTellApart() {
        List<String> labels = List.of("idle", "wave");
        Manifest manifest = new Manifest(Manifest.FORMAT, 1, 1, 100, 200, labels,
                List.of(entry("train/wave/w.csv", "wave", "wave/w.csv")));
        ImpulseProject.Split split = new ImpulseProject.Split(new float[1][1], new int[] {1},
                List.of(data.resolve("train/wave/w.csv")));
        WordLabels words = WordLabels.of(manifest, data, labels, split);
        assertEquals(0, words.extraWords(labels.size()));
        assertArrayEquals(new int[] {1}, words.indices());
    }
}
