package dev.littlebrain.data.curate;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.DatasetException;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.SampleKind;
import dev.littlebrain.data.output.ReplaceableFolder;
import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.files.StagedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Copies an imported sensor dataset (motion CSV / Edge Impulse JSON files) into a project's data
 * folder as {@code <split>/<label>/<file>} with a manifest, so that {@code features}, {@code train}
 * and {@code test} read it as they read curated audio. The files are copied unchanged; their split
 * is the one the importer gave them. The folder is swapped in only when complete.
 */
public final class SensorDatasetWriter {
    /** Two frequencies closer than this are the same sensor rate (62.5 Hz written as 62.500000001). */
    private static final double SAME_RATE_HZ = 1e-6;

    private SensorDatasetWriter() {
    }

    /**
     * Writes {@code dataset} to {@code outputFolder}; the window of the manifest is the most common
     * sample length (features pad or cut each sample to the impulse's window anyway). Each entry keeps
     * its sample's own length, so that counts and durations are those of the recordings.
     *
     * @throws DatasetException when the dataset holds audio, is empty, or mixes rates or axes
     */
    public static Manifest write(Dataset dataset, Path outputFolder, ProgressListener progress) throws IOException {
        List<Sample> samples = new ArrayList<>(dataset.samples());
        if (samples.isEmpty()) {
            throw new DatasetException(dataset.root() + ": no sensor samples to import");
        }
        samples.sort(Comparator.comparing((Sample s) -> s.split().ordinal()).thenComparing(Sample::label)
                .thenComparing(s -> s.source().getFileName().toString()));
        Sample first = samples.get(0);
        Map<Long, Integer> lengths = new TreeMap<>();
        for (Sample s : samples) {
            if (s.kind() != SampleKind.SENSOR) {
                throw new DatasetException(s.source() + ": audio in a sensor dataset; import audio with --keywords");
            }
            if (Math.abs(s.sampleRateHz() - first.sampleRateHz()) > SAME_RATE_HZ) {
                throw new DatasetException(s.source() + ": sampled at " + s.sampleRateHz() + " Hz but "
                        + first.source().getFileName() + " at " + first.sampleRateHz()
                        + " Hz; one dataset needs one sensor rate");
            }
            if (!s.axes().equals(first.axes())) {
                throw new DatasetException(s.source() + ": axes " + s.axes() + " differ from " + first.axes()
                        + " of " + first.source().getFileName());
            }
            lengths.merge(s.frames(), 1, Integer::sum);
        }
        long window = lengths.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<String> labels = samples.stream().map(Sample::label).distinct().sorted().toList();
        List<ManifestEntry> entries = new ArrayList<>();
        try (StagedFolder staged = StagedFolder.create(outputFolder,
                ReplaceableFolder.guard(outputFolder, Optional.of(dataset.root()), Manifest.RECORD))) {
            int done = 0;
            for (Sample s : samples) {
                String path = s.split().id() + "/" + s.label() + "/" + s.source().getFileName();
                Path target = staged.path().resolve(path);
                Files.createDirectories(target.getParent());
                if (Files.exists(target)) {
                    throw new DatasetException(s.source() + ": two samples would both be " + path);
                }
                Files.copy(s.source(), target);
                entries.add(new ManifestEntry(path, s.label(), s.split().id(), s.sha256(),
                        dataset.root().relativize(s.source()).toString().replace('\\', '/'), s.sha256(),
                        s.speakerId(), 0, null, null, null, null, (int) s.frames()));
                progress.onProgress(++done, samples.size());
            }
            Manifest manifest = Manifest.sensor(0, first.sampleRateHz(), (int) window, labels, entries, first.axes());
            Files.write(staged.path().resolve(Manifest.FILE_NAME), manifest.toJson());
            staged.commit();
            return manifest;
        }
    }
}
