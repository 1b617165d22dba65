package dev.littlebrain.data.curate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.DatasetException;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.SampleKind;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.output.FolderRecord;
import dev.littlebrain.files.AtomicFiles;
import dev.littlebrain.files.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The table of contents of a curated dataset folder ({@code manifest.json}). It holds nothing
 * that changes between runs with the same inputs (no dates, no absolute paths), so two curations
 * with the same seed give byte-identical manifests.
 *
 * <p>Audio datasets (keyword curation) leave {@code kind}, {@code frequencyHz} and {@code axes}
 * out: they are mono WAV clips at {@code sampleRate}. Sensor datasets (motion, trajectories) set
 * {@code kind} to {@code "sensor"}, the exact sampling frequency (62.5 Hz is common, and a
 * signal's {@code sampleRate} is whole hertz) and the axis names.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(String format, int version, long seed, int sampleRate, int windowSamples,
                       List<String> labels, List<ManifestEntry> samples, String kind, Double frequencyHz,
                       List<String> axes) {
    public static final String SENSOR = "sensor";
    public static final String FILE_NAME = "manifest.json";
    public static final String FORMAT = "littlebrain-curated-dataset";

    public Manifest {
        labels = List.copyOf(labels);
        samples = List.copyOf(samples);
        axes = axes == null ? null : List.copyOf(axes);
    }

    /** An audio manifest: mono WAV clips at {@code sampleRate}. */
    public Manifest(String format, int version, long seed, int sampleRate, int windowSamples, List<String> labels,
            List<ManifestEntry> samples) {
        this(format, version, seed, sampleRate, windowSamples, labels, samples, null, null, null);
    }

    /** A sensor manifest: CSV / Edge Impulse JSON files at {@code frequencyHz} with these axes. */
    public static Manifest sensor(long seed, double frequencyHz, int windowSamples, List<String> labels,
            List<ManifestEntry> samples, List<String> axes) {
        return new Manifest(FORMAT, 1, seed, (int) Math.max(1, Math.round(frequencyHz)), windowSamples, labels,
                samples, SENSOR, frequencyHz, axes);
    }

    /** True for sensor data, false for audio clips. */
    @JsonIgnore
    public boolean isSensor() {
        return SENSOR.equals(kind);
    }

    /** Samples per second, exact (for audio the whole-hertz sample rate). */
    @JsonIgnore
    public double samplingHz() {
        return frequencyHz != null ? frequencyHz : sampleRate;
    }

    public byte[] toJson() {
        try {
            return Json.indented().writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("manifest serialisation failed", e);
        }
    }

    /** A curated folder's proof that LittleBrain wrote it: its manifest, listing every clip. */
    public static final FolderRecord RECORD = new FolderRecord() {
        @Override
        public String fileName() {
            return FILE_NAME;
        }

        @Override
        public Optional<Set<String>> listedFiles(Path folder) throws IOException {
            if (!Files.isRegularFile(folder.resolve(FILE_NAME))) {
                return Optional.empty();
            }
            try {
                return Optional.of(read(folder).samples().stream().map(ManifestEntry::path)
                        .collect(Collectors.toUnmodifiableSet()));
            } catch (DatasetException notOurs) {
                return Optional.empty();
            }
        }
    };

    public void write(Path file) throws IOException {
        AtomicFiles.write(file, toJson());
    }

    /** Reads {@code manifest.json} from a curated folder (or the file itself). */
    public static Manifest read(Path folderOrFile) throws IOException {
        Path file = Files.isDirectory(folderOrFile) ? folderOrFile.resolve(FILE_NAME) : folderOrFile;
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file + ": no manifest; curate the dataset first");
        }
        try {
            Manifest m = Json.reader().readValue(file.toFile(), Manifest.class);
            if (!FORMAT.equals(m.format())) {
                throw new DatasetException(file + ": not a LittleBrain curated-dataset manifest");
            }
            return m;
        } catch (JacksonException e) {
            throw new DatasetException(file + ": unreadable manifest (" + e.getOriginalMessage() + ")", e);
        }
    }

    /** The curated clips as a dataset, rooted at the curated folder. */
    public Dataset toDataset(Path curatedFolder) {
        List<Sample> out = new ArrayList<>();
        for (ManifestEntry e : samples) {
            out.add(new Sample(e.label(), Split.fromId(e.split()), curatedFolder.resolve(e.path()), e.sha256(),
                    e.speaker(), isSensor() ? SampleKind.SENSOR : SampleKind.AUDIO, samplingHz(),
                    e.frames() != null ? e.frames() : windowSamples,
                    isSensor() ? axes : List.of("ch0")));
        }
        return new Dataset(curatedFolder, out, List.of());
    }
}
