package dev.littlebrain.impulse.data;

import java.nio.file.Path;
import java.util.List;

/** A synthetic dataset as {@code data generate} wrote it: its labels and samples per split. */
public record GeneratedDataset(SyntheticKind kind, Path out,
        List<String> labels, int training, int testing) {
    public GeneratedDataset {
        labels = List.copyOf(labels);
    }

    public int samples() {
        return training + testing;
    }
}
