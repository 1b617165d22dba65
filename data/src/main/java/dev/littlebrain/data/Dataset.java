package dev.littlebrain.data;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * Labelled samples, plus the background-noise recordings that come with a keyword-spotting
 * dataset (they have no label of their own; curation cuts {@code _noise_} examples and mixing
 * noise from them).
 *
 * @param root            the folder the dataset was imported from
 * @param samples         labelled samples, in a deterministic order (by path)
 * @param backgroundNoise noise recordings (may be empty)
 */
public record Dataset(Path root, List<Sample> samples, List<Sample> backgroundNoise) {
    public Dataset {
        samples = List.copyOf(samples);
        backgroundNoise = List.copyOf(backgroundNoise);
    }

    /** Sorted labels. */
    public List<String> labels() {
        TreeSet<String> labels = new TreeSet<>();
        samples.forEach(s -> labels.add(s.label()));
        return List.copyOf(labels);
    }

    public List<Sample> inSplit(Split split) {
        return samples.stream().filter(s -> s.split() == split).toList();
    }

    public List<Sample> withLabel(String label) {
        return samples.stream().filter(s -> s.label().equals(label)).toList();
    }
}
