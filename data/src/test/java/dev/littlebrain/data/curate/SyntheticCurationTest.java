package dev.littlebrain.data.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.DatasetException;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.TestClips;
import dev.littlebrain.data.importer.SpeechCommandsImporter;
import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCurationTest {
    @TempDir
    Path dir;
    private Path source;
    private Dataset dataset;

    @BeforeEach
    void makeDataset() throws IOException {
        source = dir.resolve("src");
        for (String word : List.of("on", "off", "cat", "dog")) {
            Files.createDirectories(source.resolve(word));
            for (int i = 0; i < 12; i++) {
                // Alternating short (0.5 s) and long (1.25 s) clips exercise padding and trimming.
                TestClips.tone(source.resolve(word + "/s" + i + "_nohash_0.wav"), 16000, i % 2 == 0 ? 8000 : 20000,
                        word.hashCode() * 31L + i);
            }
        }
        TestClips.stereo(source.resolve("on/stereo_nohash_0.wav"), 44100, 44100);
        Files.createDirectories(source.resolve("_background_noise_"));
        TestClips.noise(source.resolve("_background_noise_/n.wav"), 16000, 16000 * 20, 7);
        // Splits: speakers s0-s1 validation, s2-s3 test, the rest training.
        Files.writeString(source.resolve("validation_list.txt"), lines("s0", "s1"));
        Files.writeString(source.resolve("testing_list.txt"), lines("s2", "s3"));
        dataset = SpeechCommandsImporter.importFrom(source, ProgressListener.NONE).dataset();
    }

    /** The defaults without stream windows: these tests count and place the rendered clips. */
    private static KwsCurationOptions clipsOnly(List<String> keywords) {
        return KwsCurationOptions.defaults(keywords).withTrainingStreamSeconds(0);
    }

    private static String lines(String... speakers) {
        StringBuilder sb = new StringBuilder();
        for (String w : List.of("on", "off", "cat", "dog")) {
            for (String s : speakers) {
                sb.append(w).append('/').append(s).append("_nohash_0.wav\n");
            }
        }
        return sb.toString();
    }

    @Test
    void padsTrimsAndLeavesOutOtherRatesUnlessAllowed() throws IOException {
        KwsCurationOptions options = clipsOnly(List.of("on", "off"))
                .withNoiseMixing(0, 0, 0, Set.of()).withTrainingAugmentation(1, 0).withUnknownRatio(1);
        CurationResult result = KwsCurator.curate(dataset, options, dir.resolve("out"), ProgressListener.NONE);
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("1 clip(s) are not 16000 Hz mono")),
                result.warnings().toString());
        for (ManifestEntry e : result.manifest().samples()) {
            Signal s = WavReader.read(dir.resolve("out").resolve(e.path())).signal();
            assertEquals(16000, s.frames());
            if (!e.label().equals(KwsCurationOptions.NOISE)) {
                assertTrue(e.sourceOffset() == 4000 || e.sourceOffset() == -2000, "centred: " + e.sourceOffset());
            }
        }
        // 8 training, 2 validation, 2 test clips per keyword; 4 classes.
        assertEquals(4 * 12, result.manifest().samples().size());
        assertEquals(List.of("on", "off", "_unknown_", "_noise_"), result.manifest().labels());

        KwsCurationOptions resampling = options.withAllowResample(true).withPlacement(Placement.RANDOM);
        CurationResult withStereo = KwsCurator.curate(dataset, resampling, dir.resolve("out"), ProgressListener.NONE);
        assertTrue(withStereo.warnings().isEmpty(), withStereo.warnings().toString());
        assertTrue(withStereo.manifest().samples().stream().anyMatch(e -> e.sourceOffset() != 4000
                && e.sourceOffset() != -2000 && !e.label().equals(KwsCurationOptions.NOISE)), "random placement");
        // The folder was replaced as a whole: no staging or old folders left, manifest matches the files.
        try (Stream<Path> entries = Files.list(dir)) {
            assertEquals(List.of("out", "src"), entries.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> wavs = Files.walk(dir.resolve("out"))) {
            assertEquals(withStereo.manifest().samples().size(), wavs.filter(p -> p.toString().endsWith(".wav")).count());
        }
        assertEquals(withStereo.manifest(), Manifest.read(dir.resolve("out")));
        Dataset curated = Manifest.read(dir.resolve("out")).toDataset(dir.resolve("out"));
        assertEquals(withStereo.manifest().samples().size(), curated.samples().size());
    }

    @Test
    void samplesPerClassAndNoiseMixingFollowTheOptions() throws IOException {
        KwsCurationOptions options = clipsOnly(List.of("on")).withSamplesPerClass(6)
                .withNoiseMixing(1.0, 0, 0, EnumSet.of(Split.TRAIN, Split.TEST)).withTrainingAugmentation(1, 0);
        CurationResult result = KwsCurator.curate(dataset, options, dir.resolve("out"), ProgressListener.NONE);
        long on = result.manifest().samples().stream().filter(e -> e.label().equals("on")).count();
        assertEquals(6, on);
        for (ManifestEntry e : result.manifest().samples()) {
            boolean speech = !e.label().equals(KwsCurationOptions.NOISE);
            boolean mixedSplit = !e.split().equals("validation");
            assertEquals(speech && mixedSplit, e.noiseSource() != null, e.toString());
            if (e.noiseSource() != null) {
                assertEquals(1.0, e.noiseGain());
            }
            if (e.label().equals(KwsCurationOptions.NOISE)) {
                // Noise windows come from the split's own region of the recording.
                int start = e.sourceOffset();
                int length = 16000 * 20;
                switch (e.split()) {
                    case "train" -> assertTrue(start + 16000 <= length * 0.8);
                    case "validation" -> assertTrue(start >= length * 0.8 && start + 16000 <= length * 0.9);
                    default -> assertTrue(start >= length * 0.9);
                }
            }
        }
    }

    @Tag("slow")
    @Test
    void unknownRatioScalesTheUnknownClassInEverySplitLeavingTheOthersAlone() throws IOException {
        KwsCurationOptions one = clipsOnly(List.of("on", "off")).withTrainingAugmentation(3, 100)
                .withUnknownRatio(1);
        CurationResult twice = KwsCurator.curate(dataset, one.withUnknownRatio(2), dir.resolve("two"),
                ProgressListener.NONE);
        List<ManifestEntry> base = KwsCurator.curate(dataset, one, dir.resolve("one"), ProgressListener.NONE)
                .manifest().samples();
        List<ManifestEntry> entries = twice.manifest().samples();
        Map<String, Map<String, Long>> counts = entries.stream().collect(Collectors.groupingBy(ManifestEntry::split,
                TreeMap::new, Collectors.groupingBy(ManifestEntry::label, TreeMap::new, Collectors.counting())));
        assertEquals(Map.of("on", 24L, "off", 24L, "_unknown_", 48L, "_noise_", 24L), counts.get("train"));
        assertEquals(Map.of("on", 2L, "off", 2L, "_unknown_", 4L, "_noise_", 2L), counts.get("validation"));
        assertEquals(Map.of("on", 2L, "off", 2L, "_unknown_", 4L, "_noise_", 2L), counts.get("test"));
        // 16 distinct cat/dog training clips for 16 wanted: every one, rendered three times.
        assertEquals(16, entries.stream().filter(e -> e.split().equals("train")
                && e.label().equals(KwsCurationOptions.UNKNOWN)).map(ManifestEntry::source).distinct().count());
        // Every keyword clip and the held-out noise clips are the very clips of ratio 1 (the extra unknown
        // renderings draw from the renderings' generator, which the training noise renderings share).
        java.util.function.Predicate<ManifestEntry> sameAsBefore = e -> !e.label().equals(KwsCurationOptions.UNKNOWN)
                && !(e.split().equals("train") && e.label().equals(KwsCurationOptions.NOISE));
        List<ManifestEntry> kept = entries.stream().filter(sameAsBefore).toList();
        assertEquals(base.stream().filter(sameAsBefore).toList(), kept);
        assertEquals(2 * (24 + 2 + 2) + 2 + 2, kept.size());
        assertThrows(IllegalArgumentException.class, () -> one.withUnknownRatio(0));
    }

    @Test
    void trainingClipsAreRenderedSeveralTimesShiftedAndUnknownDrawsMoreWords() throws IOException {
        KwsCurationOptions options = clipsOnly(List.of("on", "off"))
                .withNoiseMixing(0, 0, 0, Set.of()).withTrainingAugmentation(3, 100).withUnknownRatio(1);
        List<ManifestEntry> entries = KwsCurator.curate(dataset, options, dir.resolve("out"), ProgressListener.NONE)
                .manifest().samples();
        Map<String, Map<String, Long>> counts = entries.stream().collect(Collectors.groupingBy(ManifestEntry::split,
                TreeMap::new, Collectors.groupingBy(ManifestEntry::label, TreeMap::new, Collectors.counting())));
        // 8 training clips per keyword, 3 renderings each; the other classes as many; held-out splits once.
        assertEquals(Map.of("on", 24L, "off", 24L, "_unknown_", 24L, "_noise_", 24L), counts.get("train"));
        assertEquals(Map.of("on", 2L, "off", 2L, "_unknown_", 2L, "_noise_", 2L), counts.get("validation"));
        assertEquals(Map.of("on", 2L, "off", 2L, "_unknown_", 2L, "_noise_", 2L), counts.get("test"));
        Map<String, List<ManifestEntry>> bySource = entries.stream().filter(e -> e.split().equals("train")
                && !e.label().equals(KwsCurationOptions.NOISE)).collect(Collectors.groupingBy(ManifestEntry::source));
        // Unknown: all 16 distinct training words of cat/dog before any second rendering.
        long unknownSources = entries.stream().filter(e -> e.split().equals("train")
                && e.label().equals(KwsCurationOptions.UNKNOWN)).map(ManifestEntry::source).distinct().count();
        assertEquals(16, unknownSources);
        int maxShift = 1600;
        int shifted = 0;
        for (List<ManifestEntry> renderings : bySource.values()) {
            boolean keyword = !renderings.get(0).label().equals(KwsCurationOptions.UNKNOWN);
            assertEquals(keyword ? 3 : renderings.size(), renderings.size());
            assertTrue(renderings.size() <= (keyword ? 3 : 2), renderings.toString());
            assertEquals(renderings.size(), renderings.stream().map(ManifestEntry::path).distinct().count());
            for (ManifestEntry e : renderings) {
                int centred = centredOffset(e);
                assertTrue(Math.abs(e.sourceOffset() - centred) <= maxShift, e.toString());
                shifted += e.sourceOffset() != centred ? 1 : 0;
            }
            if (renderings.size() > 1) {
                assertTrue(renderings.stream().map(ManifestEntry::sha256).distinct().count() > 1,
                        "renderings of one clip differ: " + renderings);
            }
        }
        assertTrue(shifted > 40, shifted + " of 72 training speech clips shifted");
        for (ManifestEntry e : entries) {
            if (!e.split().equals("train") && !e.label().equals(KwsCurationOptions.NOISE)) {
                assertEquals(centredOffset(e), e.sourceOffset(), "held-out clips are not shifted: " + e);
            }
        }
        // Validation and test are the very clips of one unshifted rendering: augmentation never moves the test set.
        List<ManifestEntry> once = KwsCurator.curate(dataset, options.withTrainingAugmentation(1, 0),
                dir.resolve("once"), ProgressListener.NONE).manifest().samples();
        assertEquals(once.stream().filter(e -> !e.split().equals("train")).toList(),
                entries.stream().filter(e -> !e.split().equals("train")).toList());
    }

    @Test
    void extraTrainingRenderingsPlayAtOtherSpeedsAndNothingElseMoves() throws IOException {
        KwsCurationOptions options = clipsOnly(List.of("on", "off"))
                .withNoiseMixing(0, 0, 0, Set.of()).withTrainingAugmentation(3, 0).withUnknownRatio(1)
                .withTrainingSpeedPercent(10);
        Path out = dir.resolve("fast");
        List<ManifestEntry> entries = KwsCurator.curate(dataset, options, out, ProgressListener.NONE).manifest()
                .samples();
        int changed = 0;
        int extras = 0;
        for (ManifestEntry e : entries) {
            boolean extra = e.split().equals("train") && e.path().contains("_copy")
                    && !e.label().equals(KwsCurationOptions.NOISE);
            extras += extra ? 1 : 0;
            if (!extra) {
                assertEquals(null, e.speedPercent(), "first renderings and held-out clips play as recorded: " + e);
                continue;
            }
            if (e.speedPercent() == null) {
                continue;
            }
            changed++;
            int speed = e.speedPercent();
            assertTrue(speed >= 90 && speed <= 110 && speed != 100, e.toString());
            // The clip is the source resampled by speed / 100, centred at its new length.
            float[] recorded = WavReader.read(source.resolve(e.source())).signal().interleaved();
            float[] played = KwsCurator.atSpeed(recorded, speed);
            assertEquals((recorded.length * 100L + speed - 1) / speed, played.length);
            assertEquals((16000 - played.length) / 2, e.sourceOffset(), e.toString());
            float[] written = WavReader.read(out.resolve(e.path())).signal().interleaved();
            for (int i = 0; i < written.length; i++) {
                int from = i - e.sourceOffset();
                float expected = from >= 0 && from < played.length ? played[from] : 0f;
                assertEquals(expected, written[i], 1.0f / 32767 + 1e-6f, e.path() + " sample " + i);
            }
        }
        // 2 x 16 extra keyword renderings and 8 second renderings of unknown words; 1 in 21 draws 100 %.
        assertEquals(40, extras);
        assertTrue(changed >= 34, changed + " of 40 extra speech renderings at another speed");
        // Validation and test are the very clips curated without the speed change.
        List<ManifestEntry> plain = KwsCurator.curate(dataset, options.withTrainingSpeedPercent(0),
                dir.resolve("plain"), ProgressListener.NONE).manifest().samples();
        assertEquals(plain.stream().filter(e -> !e.split().equals("train")).toList(),
                entries.stream().filter(e -> !e.split().equals("train")).toList());
        assertThrows(IllegalArgumentException.class, () -> options.withTrainingSpeedPercent(51));
    }

    @Test
    void roomsAndNoiseAtAnSnrChangeOnlyTheTrainingRenderingsTheyAreAskedFor() throws IOException {
        KwsCurationOptions plain = clipsOnly(List.of("on", "off")).withTrainingAugmentation(3, 0).withUnknownRatio(1)
                .withNoiseMixing(1.0, 0, 0, EnumSet.of(Split.TRAIN));
        KwsCurationOptions options = plain.withAcoustics(TrainingAcoustics.NONE.withReverb(400).withNoiseSnr(5, 5));
        Path out = dir.resolve("room");
        List<ManifestEntry> entries = KwsCurator.curate(dataset, options, out, ProgressListener.NONE).manifest()
                .samples();
        int rooms = 0;
        for (ManifestEntry e : entries) {
            boolean speech = !e.label().equals(KwsCurationOptions.NOISE);
            boolean extra = e.split().equals("train") && e.path().contains("_copy") && speech;
            assertEquals(extra, e.room() != null, "rooms for the extra training renderings only: " + e);
            if (e.room() != null) {
                rooms++;
                assertTrue(e.room().rt60Ms() >= 100 && e.room().rt60Ms() <= 400, e.toString());
                assertTrue(e.room().drrDb() >= 0 && e.room().drrDb() <= 15, e.toString());
            }
            if (e.split().equals("train") && speech && e.noiseSource() != null) {
                assertEquals(5.0, e.noiseSnrDb(), e.toString());
                // The written clip is speech plus noise 5 dB below it: its power is the speech's times 1 + 10^-0.5.
                float[] written = WavReader.read(out.resolve(e.path())).signal().interleaved();
                float[] noise = WavReader.read(source.resolve(e.noiseSource())).signal().interleaved();
                double noisePower = 0;
                for (int i = 0; i < written.length; i++) {
                    double n = noise[e.noiseOffset() + i] * e.noiseGain();
                    noisePower += n * n;
                }
                double total = 0;
                for (float v : written) {
                    total += v * (double) v;
                }
                assertEquals(10 * Math.log10(1 + Math.pow(10, -0.5)), 10 * Math.log10(total / (total - noisePower)),
                        0.6, "speech-to-noise ratio of " + e.path());
            } else {
                assertEquals(null, e.noiseSnrDb(), e.toString());
            }
        }
        assertEquals(40, rooms, "2 x 16 extra keyword renderings and 8 of unknown words");
        List<ManifestEntry> without = KwsCurator.curate(dataset, plain, dir.resolve("plain"), ProgressListener.NONE)
                .manifest().samples();
        assertEquals(without.stream().filter(e -> !e.split().equals("train")).toList(),
                entries.stream().filter(e -> !e.split().equals("train")).toList(), "held-out clips unchanged");
        assertThrows(IllegalArgumentException.class, () -> TrainingAcoustics.NONE.withReverb(50));
        assertThrows(IllegalArgumentException.class, () -> TrainingAcoustics.NONE.withNoiseSnr(20, 0));
    }

    @Test
    void aToneAtTenPercentFasterIsTenPercentHigherAndShorter() {
        int n = 16000;
        float[] tone = new float[n];
        for (int i = 0; i < n; i++) {
            tone[i] = (float) Math.sin(2 * Math.PI * 500 * i / 16000.0);
        }
        float[] fast = KwsCurator.atSpeed(tone, 110);
        assertEquals(14546, fast.length); // ceil(16000 / 1.1)
        // Rising zero crossings away from the edges: 500 Hz becomes 550 Hz.
        int crossings = 0;
        for (int i = 1000; i < 13000; i++) {
            crossings += fast[i - 1] < 0 && fast[i] >= 0 ? 1 : 0;
        }
        assertEquals(550 * 12000 / 16000.0, crossings, 1.0);
        float[] slow = KwsCurator.atSpeed(tone, 90);
        assertEquals(17778, slow.length); // ceil(16000 / 0.9)
    }

    /** Where the centred placement puts a test tone: 0.5 s clips padded by 4000, 1.25 s ones trimmed by 2000. */
    private static int centredOffset(ManifestEntry e) {
        int i = Integer.parseInt(e.source().replaceAll(".*/s(\\d+)_nohash_0\\.wav", "$1"));
        return i % 2 == 0 ? 4000 : -2000;
    }

    @Test
    void unknownKeywordIsAClearError() {
        DatasetException e = assertThrows(DatasetException.class, () -> KwsCurator.curate(dataset,
                KwsCurationOptions.defaults(List.of("banana")), dir.resolve("out"), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("'banana' has no audio clips"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written on error");
    }
}
