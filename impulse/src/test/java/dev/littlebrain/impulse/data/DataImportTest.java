package dev.littlebrain.impulse.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.littlebrain.data.DatasetException;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.curate.KwsCurationOptions;
import dev.littlebrain.data.curate.Manifest;
import dev.littlebrain.data.curate.ManifestEntry;
import dev.littlebrain.files.Json;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavEncoding;
import dev.littlebrain.dsp.io.WavWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data import as a library call: what the summary says is what lies in the project's data/ afterwards. */
class DataImportTest {
    @TempDir
    Path tmp;

    @Test
    void generatedMotionSamplesAreCopiedAndTheSummaryCountsTheFilesWritten() throws IOException {
        Path raw = tmp.resolve("raw");
        GeneratedDataset generated = Datasets.generate(SyntheticKind.MOTION, raw, 4, 7);
        assertEquals(generated.samples(), jsonFiles(raw).size(), "the generator's counts are its files");
        assertEquals(generated.training(), jsonFiles(raw.resolve("training")).size());

        Project project = Project.create(tmp.resolve("p"), "motion");
        ImportSummary summary = project.importData(raw, ImportPlan.asIs(), Progress.NONE);

        Path data = project.layout().data();
        Manifest manifest = Manifest.read(data);
        assertEquals(ImportSummary.Outcome.COPIED, summary.outcome());
        assertEquals(data, summary.folder());
        assertEquals(generated.samples(), summary.samples());
        assertEquals(manifest.samples().size(), summary.samples());
        assertEquals(summary.samples(), summary.stats().totalSamples());
        assertEquals(manifest.samples().size(), filesUnder(data).size() - 1, "one file per sample, and the manifest");
        assertEquals(3, summary.axes().size(), "three accelerometer axes");
        assertEquals(62.5, summary.samplingHz());
        assertEquals(countsByLabel(manifest), summary.stats().rows().stream().collect(
                Collectors.toMap(r -> r.label(), r -> r.total(), (a, b) -> a, TreeMap::new)));
        assertEquals(List.of(), summary.skipped());

        // As JSON, folders are plain paths (what a CLI --json or an HTTP API would show).
        JsonNode json = Json.mapper().valueToTree(summary);
        assertEquals(data.toString(), json.get("folder").asText());
        assertEquals(summary.samples(), json.get("samples").asInt());
    }

    @Test
    void aFolderWithFilesLittleBrainDidNotWriteIsLeftAlone() throws IOException {
        Path raw = tmp.resolve("raw");
        Datasets.generate(SyntheticKind.GLOVE, raw, 2, 1);
        Project project = Project.create(tmp.resolve("p"), "glove");
        Path data = project.layout().data();
        Files.createDirectories(data);
        Path mine = Files.writeString(data.resolve("notes.txt"), "my notes");
        DatasetException refused = assertThrows(DatasetException.class,
                () -> project.importData(raw, ImportPlan.asIs(), Progress.NONE));
        assertTrue(refused.getMessage().contains("notes.txt"), refused.getMessage());
        assertEquals("my notes", Files.readString(mine));
        assertEquals(List.of(mine), filesUnder(data));
    }

    @Test
    void aFolderWithoutSamplesNamesWhatItSkippedAndWritesNothing() throws IOException {
        Path raw = Files.createDirectories(tmp.resolve("raw/yes"));
        Files.writeString(raw.resolve("broken.wav"), "not a wav");
        Project project = Project.create(tmp.resolve("p"), "kws");
        NothingToImportException e = assertThrows(NothingToImportException.class,
                () -> project.importData(tmp.resolve("raw"), ImportPlan.asIs(), Progress.NONE));
        assertEquals(1, e.skipped().size());
        assertEquals(raw.resolve("broken.wav"), e.skipped().get(0).file());
        assertTrue(e.getMessage().startsWith(tmp.resolve("raw") + ": no samples to import"), e.getMessage());
        assertTrue(Files.notExists(project.layout().data()));
    }

    /** Generated clips curated for "yes" and "no": every clip the summary counts is a file in data/. */
    @Test
    void curatedKeywordClipsAreTheFilesTheSummaryCounts() throws IOException {
        Path raw = tmp.resolve("raw");
        for (String word : List.of("yes", "no")) {
            Files.createDirectories(raw.resolve(word));
            for (int speaker = 0; speaker < 12; speaker++) {
                // A tone per word and speaker, half a second in a 16 kHz clip: the layout of Speech Commands.
                float[] audio = new float[16000];
                double hz = (word.equals("yes") ? 400 : 700) + 20 * speaker;
                for (int i = 4000; i < 12000; i++) {
                    audio[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / 16000));
                }
                WavWriter.write(raw.resolve(word).resolve(String.format("%08x_nohash_0.wav", 0x1000 + speaker)),
                        Signal.mono(16000, audio), WavEncoding.PCM_S16);
            }
        }
        KwsCurationOptions d = KwsCurationOptions.defaults(List.of("yes", "no"));
        KwsCurationOptions options = d.withClasses(false, false)
                .withNoiseMixing(d.noiseProbability(), d.noiseMinGainDb(), d.noiseMaxGainDb(), Set.of())
                .withTrainingAugmentation(1, 0)
                .withTrainingStreamSeconds(0);
        Project project = Project.create(tmp.resolve("p"), "kws");
        ImportSummary summary = project.importData(raw, ImportPlan.keywordSpotting(options), Progress.NONE);

        Manifest manifest = Manifest.read(project.layout().data());
        assertEquals(ImportSummary.Outcome.CURATED, summary.outcome());
        assertEquals(24, summary.samples(), "one rendering of each of the 24 clips");
        assertEquals(manifest.samples().size(), summary.samples());
        long wavs = filesUnder(project.layout().data()).stream()
                .filter(f -> f.getFileName().toString().endsWith(".wav")).count();
        assertEquals(summary.samples(), wavs);
        int perSplit = 0;
        for (Split s : Split.values()) {
            perSplit += (int) manifest.samples().stream().filter(e -> e.split().equals(s.id())).count();
        }
        assertEquals(summary.samples(), perSplit);
        assertEquals(countsByLabel(manifest), summary.stats().rows().stream().collect(
                Collectors.toMap(r -> r.label(), r -> r.total(), (a, b) -> a, TreeMap::new)));
    }

    @Test
    void foldsAndKindsAreCheckedWithMessagesNamingTheOption() {
        assertEquals(new ValidationFold(2, 4), ValidationFold.parse(" 2/4 "));
        assertEquals("--validation-fold takes K/N, e.g. 1/4, got 'two'",
                assertThrows(IllegalArgumentException.class, () -> ValidationFold.parse("two")).getMessage());
        assertEquals("--validation-fold 5/4: need N >= 2 and 1 <= K <= N",
                assertThrows(IllegalArgumentException.class, () -> ValidationFold.parse("5/4")).getMessage());
        assertEquals(SyntheticKind.GLOVE, SyntheticKind.fromId("glove"));
        assertEquals("unknown dataset kind 'images'; supported: motion, glove",
                assertThrows(IllegalArgumentException.class, () -> SyntheticKind.fromId("images")).getMessage());
    }

    private static Map<String, Integer> countsByLabel(Manifest manifest) {
        Map<String, Integer> counts = new TreeMap<>();
        for (ManifestEntry e : manifest.samples()) {
            counts.merge(e.label(), 1, Integer::sum);
        }
        return counts;
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        return filesUnder(dir).stream().filter(f -> f.getFileName().toString().endsWith(".json")).toList();
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
