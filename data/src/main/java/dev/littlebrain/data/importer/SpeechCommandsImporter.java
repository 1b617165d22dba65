package dev.littlebrain.data.importer;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.ImportProblem;
import dev.littlebrain.data.ImportResult;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.progress.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Imports a Google Speech Commands style folder: one folder of WAV clips per word,
 * {@code <speaker>_nohash_<n>.wav} names, {@code _background_noise_}, and
 * {@code validation_list.txt} / {@code testing_list.txt} (files in neither are training). Without
 * the lists, the Speech Commands hash rule assigns splits.
 */
public final class SpeechCommandsImporter {
    private SpeechCommandsImporter() {
    }

    public static ImportResult importFrom(Path root, ProgressListener progress) throws IOException {
        return importFolder(root, file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"),
                progress);
    }

    static ImportResult importFolder(Path root, Predicate<Path> accept, ProgressListener progress)
            throws IOException {
        FolderScan scan = FolderScan.scan(root, accept, SpeechCommandsSplitRule.STANDARD);
        List<Candidate> all = new ArrayList<>(scan.samples);
        all.addAll(scan.noise);
        BatchInspection inspected = BatchInspection.run(all, progress);
        List<Sample> samples = new ArrayList<>();
        List<Sample> noise = new ArrayList<>();
        for (Sample s : inspected.samples()) {
            (s.label().equals(FolderScan.NOISE_FOLDER) ? noise : samples).add(s);
        }
        List<ImportProblem> problems = new ArrayList<>(inspected.problems());
        return new ImportResult(new Dataset(root, samples, noise), problems);
    }
}
