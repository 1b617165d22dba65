package dev.littlebrain.studio;

import java.util.Optional;

/** The body of {@code PUT /api/samples/{id}}: the sample's new label and split; either left out stays as it is. */
public record SampleChange(Optional<String> label, Optional<String> split) {
    public SampleChange {
        label = label == null ? Optional.empty() : label;
        split = split == null ? Optional.empty() : split;
    }
}
