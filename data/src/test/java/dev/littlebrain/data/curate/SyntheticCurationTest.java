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
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
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
        KwsCurationOptions options = KwsCurationOptions.defaults(List.of("on", "off"))
                .withNoiseMixing(0, 0, 0, Set.of());
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
        KwsCurationOptions options = KwsCurationOptions.defaults(List.of("on")).withSamplesPerClass(6)
                .withNoiseMixing(1.0, 0, 0, EnumSet.of(Split.TRAIN, Split.TEST));
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

    @Test
    void unknownKeywordIsAClearError() {
        DatasetException e = assertThrows(DatasetException.class, () -> KwsCurator.curate(dataset,
                KwsCurationOptions.defaults(List.of("banana")), dir.resolve("out"), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("'banana' has no audio clips"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written on error");
    }
}
