package dev.littlebrain.data.importer;

import dev.littlebrain.data.DatasetException;
import dev.littlebrain.data.Split;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Walks a folder-per-label dataset: one folder per label, {@code _background_noise_} for noise,
 * other {@code _name_} folders ignored, and the Speech Commands list files deciding the split
 * when present (files in neither list are training), else the Speech Commands hash rule.
 */
final class FolderScan {
    static final String NOISE_FOLDER = "_background_noise_";
    static final String VALIDATION_LIST = "validation_list.txt";
    static final String TESTING_LIST = "testing_list.txt";

    final List<Candidate> samples = new ArrayList<>();
    final List<Candidate> noise = new ArrayList<>();
    final boolean usedLists;

    private FolderScan(boolean usedLists) {
        this.usedLists = usedLists;
    }

    static FolderScan scan(Path root, Predicate<Path> accept, SpeechCommandsSplitRule rule) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root + ": not a folder; expected one sub-folder per label");
        }
        Map<String, Split> listed = new HashMap<>();
        boolean lists = readList(root.resolve(VALIDATION_LIST), Split.VALIDATION, listed)
                | readList(root.resolve(TESTING_LIST), Split.TEST, listed);
        FolderScan scan = new FolderScan(lists);
        for (Path dir : sorted(root)) {
            String name = dir.getFileName().toString();
            if (!Files.isDirectory(dir) || name.startsWith(".")) {
                continue;
            }
            boolean isNoise = name.equals(NOISE_FOLDER);
            if (!isNoise && name.startsWith("_") && name.endsWith("_")) {
                continue; // e.g. _streams_: not labelled examples
            }
            for (Path file : sorted(dir)) {
                if (!Files.isRegularFile(file) || !accept.test(file)) {
                    continue;
                }
                String relative = name + "/" + file.getFileName();
                String fileName = file.getFileName().toString();
                if (isNoise) {
                    scan.noise.add(new Candidate(file, NOISE_FOLDER, Split.TRAIN, null));
                    continue;
                }
                Split split = lists ? listed.getOrDefault(relative, Split.TRAIN) : rule.splitOf(fileName);
                scan.samples.add(new Candidate(file, name, split, SpeechCommandsSplitRule.speakerOf(fileName)));
            }
        }
        return scan;
    }

    static List<Path> sorted(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            // Sorting by name makes imports independent of the file system's listing order.
            return entries.sorted().toList();
        }
    }

    private static boolean readList(Path list, Split split, Map<String, Split> into) throws IOException {
        if (!Files.isRegularFile(list)) {
            return false;
        }
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            String entry = line.trim().replace('\\', '/');
            if (!entry.isEmpty()) {
                into.put(entry, split);
            }
        }
        return true;
    }
}
