package dev.littlebrain.data.importer;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.DatasetException;
import dev.littlebrain.data.ImportResult;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.progress.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Imports a flat folder of CSV / Edge Impulse JSON motion files named the Edge Impulse way,
 * {@code <label>.<anything>.json} (the label is the name up to the first dot). An Edge Impulse
 * export with {@code training/} and {@code testing/} sub-folders is understood too: testing files
 * are the test split, and validation is carved from training by the hash rule.
 */
public final class MotionFileImporter {
    private MotionFileImporter() {
    }

    public static ImportResult importFrom(Path dir, ProgressListener progress) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(dir + ": not a folder of CSV/JSON motion files");
        }
        List<Candidate> candidates = new ArrayList<>();
        Path training = dir.resolve("training");
        Path testing = dir.resolve("testing");
        if (Files.isDirectory(training) || Files.isDirectory(testing)) {
            // Validation comes only from training: 10 % of it, i.e. the rule with no test share.
            addFiles(training, new SpeechCommandsSplitRule(10, 0), null, candidates);
            addFiles(testing, null, Split.TEST, candidates);
        } else {
            addFiles(dir, SpeechCommandsSplitRule.STANDARD, null, candidates);
        }
        BatchInspection inspected = BatchInspection.run(candidates, progress);
        return new ImportResult(new Dataset(dir, inspected.samples(), List.of()), inspected.problems());
    }

    private static void addFiles(Path dir, SpeechCommandsSplitRule rule, Split fixed, List<Candidate> into)
            throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        for (Path file : FolderScan.sorted(dir)) {
            String name = file.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!Files.isRegularFile(file) || name.startsWith(".")
                    || !(lower.endsWith(".csv") || lower.endsWith(".json"))) {
                continue;
            }
            int dot = name.indexOf('.');
            String label = name.substring(0, dot);
            Split split = fixed != null ? fixed : rule.splitOf(name);
            into.add(new Candidate(file, label.isEmpty() ? "unlabelled" : label, split, null));
        }
    }
}
