package dev.littlebrain.data.curate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.ImportResult;
import dev.littlebrain.data.SharedData;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.importer.ContentHash;
import dev.littlebrain.data.importer.SpeechCommandsImporter;
import dev.littlebrain.data.progress.ProgressListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance test on the shared espeak-kws dataset: yes, no, unknown and noise. */
@Tag("slow")
class EspeakKwsCurationTest {
    private static Path root;
    private static Dataset dataset;

    @TempDir
    Path out;

    @BeforeAll
    static void importOnce() throws IOException {
        root = SharedData.require("datasets/espeak-kws");
        ImportResult imported = SpeechCommandsImporter.importFrom(root, ProgressListener.NONE);
        assertTrue(imported.skipped().isEmpty(), imported.skipped().toString());
        dataset = imported.dataset();
    }

    @Test
    void importReadsTheWholeLayout() {
        assertEquals(1404, dataset.samples().size());
        assertEquals(6, dataset.backgroundNoise().size());
        assertEquals(138, dataset.inSplit(Split.VALIDATION).size());
        assertEquals(138, dataset.inSplit(Split.TEST).size());
        assertEquals(30, dataset.labels().size());
    }

    @Test
    void curationIsBalancedSpeakerDisjointAndDeterministic() throws IOException {
        KwsCurationOptions options = KwsCurationOptions.defaults(List.of("yes", "no")).withSeed(42)
                .withTrainingStreamSeconds(0); // the clips alone; streamWindowsOnlyAddTrainingWindows adds windows
        long start = System.nanoTime();
        CurationResult first = KwsCurator.curate(dataset, options, out.resolve("a"), ProgressListener.NONE);
        System.out.printf("espeak-kws curation (yes,no,unknown,noise): %d clips in %d ms%n",
                first.manifest().samples().size(), (System.nanoTime() - start) / 1_000_000);
        CurationResult second = KwsCurator.curate(dataset, options, out.resolve("b"), ProgressListener.NONE);
        List<ManifestEntry> entries = first.manifest().samples();

        // Balanced: every keyword and _noise_ have the same count in each split; the lists' 136/17/17 per keyword,
        // the 136 training clips rendered 3 times each (default training copies); _unknown_ twice as many (default
        // unknown ratio).
        Map<String, Map<String, Long>> counts = entries.stream().collect(Collectors.groupingBy(ManifestEntry::split,
                TreeMap::new, Collectors.groupingBy(ManifestEntry::label, TreeMap::new, Collectors.counting())));
        assertEquals(Map.of("yes", 408L, "no", 408L, "_unknown_", 816L, "_noise_", 408L), counts.get("train"));
        // _unknown_ draws 816 distinct training words from the ~850 non-keyword training clips.
        assertEquals(816, entries.stream().filter(e -> e.split().equals("train") && e.label().equals("_unknown_"))
                .map(ManifestEntry::source).distinct().count());
        assertEquals(Map.of("yes", 17L, "no", 17L, "_unknown_", 34L, "_noise_", 17L), counts.get("validation"));
        assertEquals(Map.of("yes", 17L, "no", 17L, "_unknown_", 34L, "_noise_", 17L), counts.get("test"));

        // The dataset's lists decide the split.
        Set<String> validation = lines(root.resolve("validation_list.txt"));
        Set<String> testing = lines(root.resolve("testing_list.txt"));
        for (ManifestEntry e : entries) {
            if (!e.label().equals("_noise_")) {
                String expected = validation.contains(e.source()) ? "validation"
                        : testing.contains(e.source()) ? "test" : "train";
                assertEquals(expected, e.split(), e.source());
            }
        }

        // Speaker-disjoint.
        Map<String, String> splitOfSpeaker = new HashMap<>();
        for (ManifestEntry e : entries) {
            if (e.speaker() != null) {
                String previous = splitOfSpeaker.putIfAbsent(e.speaker(), e.split());
                assertTrue(previous == null || previous.equals(e.split()), "speaker " + e.speaker() + " in two splits");
            }
        }

        // Deterministic: identical manifest bytes and identical files.
        assertArrayEquals(Files.readAllBytes(out.resolve("a/manifest.json")),
                Files.readAllBytes(out.resolve("b/manifest.json")));
        assertEquals(fileHashes(out.resolve("a")), fileHashes(out.resolve("b")));
        assertEquals(entries, second.manifest().samples());
        for (ManifestEntry e : entries) {
            assertEquals(e.sha256(), ContentHash.sha256(Files.readAllBytes(out.resolve("a").resolve(e.path()))));
        }
        assertTrue(entries.stream().anyMatch(e -> e.noiseSource() != null), "some clips have noise mixed in");

        // Another seed picks other clips.
        CurationResult other = KwsCurator.curate(dataset, options.withSeed(43), out.resolve("c"),
                ProgressListener.NONE);
        Set<String> sourcesA = entries.stream().filter(e -> e.label().equals("_unknown_"))
                .map(ManifestEntry::source).collect(Collectors.toSet());
        Set<String> sourcesC = other.manifest().samples().stream().filter(e -> e.label().equals("_unknown_"))
                .map(ManifestEntry::source).collect(Collectors.toSet());
        assertNotEquals(sourcesA, sourcesC);
        assertNotEquals(fileHashes(out.resolve("a")), fileHashes(out.resolve("c")));
    }

    /**
     * The default curation adds windows cut from synthesized training-speaker streams: training split only, no
     * speaker (a window can hold several), labels from the words inside, and every clip exactly as without them.
     */
    @Test
    void streamWindowsOnlyAddTrainingWindows() throws IOException {
        KwsCurationOptions options = KwsCurationOptions.defaults(List.of("yes", "no")).withSeed(42);
        assertEquals(KwsCurationOptions.DEFAULT_TRAINING_STREAM_SECONDS, options.trainingStreamSeconds());
        List<ManifestEntry> with = KwsCurator.curate(dataset, options, out.resolve("w"), ProgressListener.NONE)
                .manifest().samples();
        List<ManifestEntry> without = KwsCurator.curate(dataset, options.withTrainingStreamSeconds(0),
                out.resolve("wo"), ProgressListener.NONE).manifest().samples();
        List<ManifestEntry> windows = with.stream()
                .filter(e -> e.source().startsWith(KwsCurator.TRAINING_STREAM_SOURCE)).toList();
        assertEquals(without, with.stream().filter(e -> !windows.contains(e)).toList(), "the clips are unchanged");
        Map<String, Long> counts = windows.stream().collect(Collectors.groupingBy(ManifestEntry::label,
                TreeMap::new, Collectors.counting()));
        System.out.println("stream windows from " + options.trainingStreamSeconds() + " s: " + counts);
        long keywordWindows = counts.getOrDefault("yes", 0L) + counts.getOrDefault("no", 0L);
        // 60 streams of 20 s, half the words keywords, each wholly inside 2-3 windows of 1 s every 250 ms.
        assertTrue(counts.getOrDefault("yes", 0L) > 150 && counts.getOrDefault("no", 0L) > 150, counts.toString());
        assertEquals(Math.min(keywordWindows, counts.get("_unknown_")), counts.get("_unknown_"));
        assertEquals(keywordWindows / 4, counts.get("_noise_"));
        for (ManifestEntry e : windows) {
            assertEquals("train", e.split());
            assertNull(e.speaker());
            assertEquals(e.sha256(), ContentHash.sha256(Files.readAllBytes(out.resolve("w").resolve(e.path()))));
        }
        // No training speaker's clip is in another split, so the windows hold training voices only: the streams
        // are built from the training split (StreamSynthesizer takes the options' split).
        assertTrue(windows.stream().allMatch(e -> e.path().startsWith("data/train/")));
    }

    private static Set<String> lines(Path file) throws IOException {
        return new HashSet<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private static Map<String, String> fileHashes(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            Map<String, String> hashes = new TreeMap<>();
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                hashes.put(folder.relativize(f).toString(), ContentHash.sha256(Files.readAllBytes(f)));
            }
            return hashes;
        }
    }
}
