package dev.littlebrain.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One labelled example of a dataset and what is known about its file.
 *
 * @param label        class label
 * @param split        the part of the dataset it belongs to
 * @param source       the file
 * @param sha256       SHA-256 of the file bytes, lowercase hex; identifies the content (feature cache key)
 * @param speakerId    the speaker or recording subject, or null when unknown
 * @param kind         audio or sensor
 * @param sampleRateHz samples (frames) per second
 * @param frames       number of frames (samples per channel)
 * @param axes         axis names: channel count for audio as "ch0".., sensor axis names otherwise
 */
public record Sample(String label, Split split, Path source, String sha256, String speakerId, SampleKind kind,
                     double sampleRateHz, long frames, List<String> axes) {
    public Sample {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(kind, "kind");
        axes = List.copyOf(axes);
    }

    public double durationSeconds() {
        return frames / sampleRateHz;
    }

    public boolean hasSpeaker() {
        return speakerId != null;
    }

    public Sample withSplit(Split newSplit) {
        return new Sample(label, newSplit, source, sha256, speakerId, kind, sampleRateHz, frames, axes);
    }
}
