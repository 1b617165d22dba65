package dev.littlebrain.impulse.data;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.ImportResult;
import dev.littlebrain.data.curate.Manifest;
import dev.littlebrain.data.importer.FolderPerLabelImporter;
import dev.littlebrain.data.importer.MotionFileImporter;
import dev.littlebrain.data.importer.SpeechCommandsImporter;
import dev.littlebrain.data.stats.DatasetStats;
import dev.littlebrain.data.streams.StreamOptions;
import dev.littlebrain.data.streams.StreamSynthesizer;
import dev.littlebrain.data.synth.SyntheticSensorDataset;
import dev.littlebrain.data.viz.SpectrogramImage;
import dev.littlebrain.dsp.io.WavReader;
import dev.littlebrain.impulse.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What can be done with a dataset folder outside any project: read it in whichever layout it has, describe it,
 * generate a synthetic one, build labelled test streams from it, draw a recording's spectrogram.
 */
public final class Datasets {
    private Datasets() {
    }

    /**
     * Reads a dataset folder: the Speech Commands layout when it looks like one; sensor files named
     * {@code label.*.json|csv} (flat, or Edge Impulse's training/ and testing/ export); else one folder per label.
     * Reports its progress as the stage "import".
     *
     * @throws IllegalArgumentException when {@code dir} is not a folder
     */
    public static ImportResult read(Path dir, Progress progress) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": not a dataset folder");
        }
        boolean speechCommands = Files.isDirectory(dir.resolve("_background_noise_"))
                || Files.exists(dir.resolve("validation_list.txt")) || Files.exists(dir.resolve("testing_list.txt"));
        progress.stage("import");
        if (speechCommands) {
            return SpeechCommandsImporter.importFrom(dir, progress.listener());
        }
        return isSensorExport(dir) ? MotionFileImporter.importFrom(dir, progress.listener())
                : FolderPerLabelImporter.importFrom(dir, progress.listener());
    }

    /** Edge Impulse's export layout (training/, testing/) or sensor files lying directly in the folder. */
    private static boolean isSensorExport(Path dir) throws IOException {
        if (Files.isDirectory(dir.resolve("training")) || Files.isDirectory(dir.resolve("testing"))) {
            return true;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString().toLowerCase(Locale.ROOT))
                    .anyMatch(n -> n.endsWith(".json") || n.endsWith(".csv"));
        }
    }

    /** Per-class and per-split counts of a curated dataset (one with a manifest) or of a dataset folder. */
    public static DatasetDescription describe(Path dir, Progress progress) throws IOException {
        if (Files.exists(dir.resolve(Manifest.FILE_NAME))) {
            return new DatasetDescription(dir, DatasetStats.of(Manifest.read(dir).toDataset(dir)), List.of());
        }
        ImportResult imported = read(dir, progress);
        return new DatasetDescription(dir, DatasetStats.of(imported.dataset()), imported.skipped());
    }

    /**
     * Writes a synthetic sensor dataset to {@code out} (Edge Impulse JSON in training/ and testing/); the same seed
     * gives identical files.
     */
    public static GeneratedDataset generate(SyntheticKind kind, Path out, int samplesPerClass, long seed)
            throws IOException {
        if (samplesPerClass < 2) {
            throw new IllegalArgumentException("--samples-per-class must be at least 2 (one per split), got "
                    + samplesPerClass);
        }
        SyntheticSensorDataset generator = kind.generator(samplesPerClass, seed);
        SyntheticSensorDataset.Result result = generator.write(out);
        return new GeneratedDataset(kind, out, generator.labels(), result.training(), result.testing());
    }

    /**
     * Builds labelled test streams (WAV + streams.csv) into {@code out} from one split of the Speech Commands-layout
     * dataset in {@code dataset}, its splits made as {@code fold} says when given.
     */
    public static StreamsSummary writeStreams(Path dataset, StreamOptions options, Optional<ValidationFold> fold,
            Path out, Progress progress) throws IOException {
        ImportResult imported = read(dataset, progress);
        Dataset source = fold.map(f -> f.applyTo(imported.dataset())).orElse(imported.dataset());
        List<StreamSynthesizer.Word> words = StreamSynthesizer.write(source, options, out);
        int keywords = (int) words.stream().filter(w -> options.keywords().contains(w.label())).count();
        return new StreamsSummary(out, options.count(), options.seconds(), words.size(), keywords, options.keywords(),
                out.resolve(StreamSynthesizer.GROUND_TRUTH), imported.skipped());
    }

    /** Draws the spectrogram of a WAV file (mixed down to mono) as a PNG image. */
    public static Path spectrogram(Path wav, Path png) throws IOException {
        SpectrogramImage.defaults().writePng(WavReader.read(wav).signal().toMono(),
                "Spectrogram of " + wav.getFileName(), png);
        return png;
    }
}
