package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.littlebrain.data.curate.Manifest;
import dev.littlebrain.data.curate.ManifestEntry;
import java.util.List;

/**
 * One sample as the Data page lists it, read from the data's manifest alone (no file is opened to list).
 *
 * @param id   its path relative to the project's data folder: what the sample endpoints take
 * @param axes the sensor axes; for audio {@code ["audio"]}
 */
public record SampleRow(String id, String label, String split, @JsonProperty("duration_s") double durationS,
        @JsonProperty("sample_rate_hz") double sampleRateHz, List<String> axes) {

    static SampleRow of(Manifest manifest, ManifestEntry e) {
        int frames = e.frames() != null ? e.frames() : manifest.windowSamples();
        return new SampleRow(e.path(), e.label(), e.split(), frames / manifest.samplingHz(), manifest.samplingHz(),
                manifest.isSensor() ? manifest.axes() : List.of("audio"));
    }
}
