package dev.littlebrain.data.curate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.DatasetException;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.TestClips;
import dev.littlebrain.data.importer.ContentHash;
import dev.littlebrain.data.importer.SpeechCommandsImporter;
import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.dsp.io.WavReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardNegativeMinerTest {
    private static final List<String> WORDS = List.of("on", "off", "cat", "dog");
    private static final List<String> LABELS = List.of("on", "off", "_unknown_", "_noise_");
    private static final int UNKNOWN = 2;

    @TempDir
    Path dir;
    private Dataset dataset;
    private Path curated;

    @BeforeEach
    void curate() throws IOException {
        Path source = dir.resolve("src");
        for (String word : WORDS) {
            Files.createDirectories(source.resolve(word));
            for (int i = 0; i < 12; i++) {
                TestClips.tone(source.resolve(word + "/s" + i + "_nohash_0.wav"), 16000, 6000 + 500 * (i % 4),
                        word.hashCode() * 31L + i);
            }
        }
        Files.createDirectories(source.resolve("_background_noise_"));
        TestClips.noise(source.resolve("_background_noise_/n.wav"), 16000, 16000 * 30, 7);
        // Speakers s0-s1 validation, s2-s3 test, s4-s11 training.
        Files.writeString(source.resolve("validation_list.txt"), lines("s0", "s1"));
        Files.writeString(source.resolve("testing_list.txt"), lines("s2", "s3"));
        dataset = SpeechCommandsImporter.importFrom(source, ProgressListener.NONE).dataset();
        curated = dir.resolve("curated");
        KwsCurator.curate(dataset, KwsCurationOptions.defaults(List.of("on", "off")).withTrainingStreamSeconds(0),
                curated, ProgressListener.NONE);
    }

    private static String lines(String... speakers) {
        StringBuilder sb = new StringBuilder();
        for (String w : WORDS) {
            for (String s : speakers) {
                sb.append(w).append('/').append(s).append("_nohash_0.wav\n");
            }
        }
        return sb.toString();
    }

    /** A stand-in model: answers "on" with the window's RMS as its score when that passes {@code level}. */
    private static HardNegativeMiner.WindowScorer firesOnLoudWindows(double level, List<Double> seen) {
        return window -> {
            double rms = rms(window);
            synchronized (seen) {
                seen.add(rms);
            }
            float[] scores = new float[LABELS.size()];
            if (rms > level) {
                scores[0] = (float) rms;
            } else {
                scores[UNKNOWN] = 1f;
            }
            return scores;
        };
    }

    private static double rms(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v * v;
        }
        return Math.sqrt(sum / x.length);
    }

    @Test
    void addsTheStrongestFalseAcceptsAsUnknownTrainingWindowsAndKeepsEverythingElse() throws IOException {
        Manifest before = Manifest.read(curated);
        List<Double> seen = Collections.synchronizedList(new ArrayList<>());
        // A first look at the windows' levels (a model that never fires changes nothing), so that the model below
        // fires on about half of them: more than the cap, which must then pick.
        List<Double> probe = Collections.synchronizedList(new ArrayList<>());
        HardNegativeMiner.mine(dataset, curated, LABELS, 100, 1_000_000,
                () -> firesOnLoudWindows(Double.MAX_VALUE, probe), ProgressListener.NONE);
        List<Double> sorted = new ArrayList<>(probe);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        int cap = 5;

        HardNegativeMiner.Result r = HardNegativeMiner.mine(dataset, curated, LABELS, 100, cap,
                () -> firesOnLoudWindows(median, seen), ProgressListener.NONE);

        assertEquals(5, r.streams());
        assertTrue(r.candidates() > 10, "windows of other words were scored: " + r.candidates());
        assertEquals(r.candidates(), seen.size(), "each candidate window is scored once");
        int fired = r.firedAs().get("on");
        assertEquals(seen.stream().filter(v -> v > median).count(), fired);
        assertEquals(0, r.firedAs().get("off"));
        assertTrue(fired > cap, "fired " + fired);
        assertEquals(cap, r.added().size());

        // The added windows are the loudest of those it fired on (the strongest scores).
        List<Double> firedLevels = new ArrayList<>(seen.stream().filter(v -> v > median).toList());
        firedLevels.sort(Collections.reverseOrder());
        double weakestKept = firedLevels.get(cap - 1);
        for (ManifestEntry e : r.added()) {
            assertEquals("_unknown_", e.label());
            assertEquals("train", e.split());
            assertTrue(e.source().startsWith(HardNegativeMiner.SOURCE), e.source());
            assertTrue(e.path().startsWith("data/train/_unknown_/mined_"), e.path());
            Path file = curated.resolve(e.path());
            assertEquals(e.sha256(), ContentHash.sha256(Files.readAllBytes(file)));
            float[] audio = WavReader.read(file).signal().toMono().interleaved();
            assertEquals(16000, audio.length);
            assertTrue(rms(audio) >= weakestKept - 1e-4, rms(audio) + " vs " + weakestKept);
        }

        // Everything that was there is still there; the manifest on disk is the one returned.
        Manifest after = Manifest.read(curated);
        assertEquals(r.manifest(), after);
        assertEquals(before.samples().size() + cap, after.samples().size());
        assertTrue(after.samples().containsAll(before.samples()));
        assertEquals(before.labels(), after.labels());

        // Mining again with the same model finds the same windows and adds none twice.
        HardNegativeMiner.Result again = HardNegativeMiner.mine(dataset, curated, LABELS, 100, cap,
                () -> firesOnLoudWindows(median, new ArrayList<>()), ProgressListener.NONE);
        assertTrue(again.added().isEmpty(), again.added().toString());
        assertEquals(after, Manifest.read(curated));
    }

    @Test
    void aModelThatNeverFiresLeavesTheDataUntouched() throws IOException {
        byte[] manifest = Files.readAllBytes(curated.resolve(Manifest.FILE_NAME));
        HardNegativeMiner.Result r = HardNegativeMiner.mine(dataset, curated, LABELS, 40, 100,
                () -> firesOnLoudWindows(Double.MAX_VALUE, new ArrayList<>()), ProgressListener.NONE);
        assertTrue(r.candidates() > 0);
        assertTrue(r.added().isEmpty());
        assertArrayEquals(manifest, Files.readAllBytes(curated.resolve(Manifest.FILE_NAME)));
        assertFalse(Files.exists(curated.resolve("data/train/_unknown_").resolve("mined_0001_at_0.wav")));
    }

    @Test
    void onlyTrainingSpeakersFeedTheStreams() throws IOException {
        Predicate<Sample> training = HardNegativeMiner.trainingClips(dataset, Manifest.read(curated));
        for (Sample s : dataset.samples()) {
            int speaker = Integer.parseInt(s.speakerId().substring(1));
            assertEquals(speaker >= 4, training.test(s), s.source().toString());
        }
    }

    @Test
    void refusesDataWithoutAnUnknownClassAndScoresOfTheWrongLength() throws IOException {
        // The same data curated without an _unknown_ class.
        Manifest full = Manifest.read(curated);
        Path keywordsOnly = Files.createDirectories(dir.resolve("keywords-only"));
        new Manifest(full.format(), full.version(), full.seed(), full.sampleRate(), full.windowSamples(),
                List.of("on", "off", "_noise_"), full.samples().stream().filter(e -> !e.label().equals("_unknown_"))
                        .toList()).write(keywordsOnly.resolve(Manifest.FILE_NAME));
        DatasetException noUnknown = assertThrows(DatasetException.class, () -> HardNegativeMiner.mine(dataset,
                keywordsOnly, List.of("on", "off", "_noise_"), 40, 10,
                () -> w -> new float[3], ProgressListener.NONE));
        assertTrue(noUnknown.getMessage().contains("_unknown_"), noUnknown.getMessage());

        IllegalArgumentException wrongLength = assertThrows(IllegalArgumentException.class,
                () -> HardNegativeMiner.mine(dataset, curated, LABELS, 40, 10, () -> w -> new float[2],
                        ProgressListener.NONE));
        assertTrue(wrongLength.getMessage().contains("2 scores for 4 labels"), wrongLength.getMessage());
    }
}
