package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.curate.Manifest;
import dev.littlebrain.tflite.SharedFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {

    @Tag("slow")
    @Test
    void importsAndCuratesEspeakKws(@TempDir Path tmp) throws Exception {
        Path dataset = SharedFolder.require("datasets/espeak-kws");
        Path out = tmp.resolve("data");
        CliRun run = CliRun.of("data", "import", dataset.toString(), "--keywords", "yes,no", "--unknown", "--noise",
                "--stream-seconds", "0", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(out.resolve("manifest.json")));
        // 136 training clips per keyword rendered 3 times (default) + 17 validation + 17 test = 442 per class,
        // _unknown_ twice that (default unknown ratio 2).
        for (String label : new String[] {"yes", "no", "_noise_"}) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(label + " ") && l.contains("442")), run.out());
        }
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("_unknown_ ") && l.contains("884")), run.out());
        CliRun stats = CliRun.of("data", "stats", out.toString());
        assertEquals(0, stats.exitCode(), stats.err());
        assertTrue(stats.out().contains("2210"), stats.out());
        // One rendering per training clip and unknown ratio 1: the dataset's own 136 + 17 + 17 per class.
        CliRun once = CliRun.of("data", "curate", dataset.toString(), "--keywords", "yes,no", "--unknown", "--noise",
                "--training-copies", "1", "--shift-ms", "0", "--unknown-ratio", "1", "--stream-seconds", "0", "--out",
                tmp.resolve("once").toString());
        assertEquals(0, once.exitCode(), once.err());
        CliRun onceStats = CliRun.of("data", "stats", tmp.resolve("once").toString());
        assertTrue(onceStats.out().contains("680"), onceStats.out());
    }

    /**
     * {@code --validation-fold K/N} on import and on {@code data streams}: the curated validation clips and the
     * streams' words come from the same held-out training speakers, none from the curated training split, the
     * dataset's own validation speakers or its test speakers.
     */
    @Tag("slow")
    @Test
    void validationFoldsHoldOutTrainingSpeakersForImportAndStreams(@TempDir Path tmp) throws Exception {
        Path dataset = SharedFolder.require("datasets/espeak-kws");
        Path out = tmp.resolve("fold");
        CliRun run = CliRun.of("data", "import", dataset.toString(), "--keywords", "yes,no", "--unknown", "--noise",
                "--training-copies", "1", "--unknown-ratio", "1", "--validation-fold", "2/4", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        Set<String> ownValidation = speakersIn(dataset.resolve("validation_list.txt"));
        Set<String> test = speakersIn(dataset.resolve("testing_list.txt"));
        Dataset curated = Manifest.read(out).toDataset(out);
        Set<String> heldOut = speakers(curated, Split.VALIDATION);
        Set<String> training = speakers(curated, Split.TRAIN);
        assertTrue(heldOut.size() >= 20, "about a quarter of the 192 training speakers: " + heldOut.size());
        for (Set<String> other : List.of(ownValidation, test, training)) {
            assertTrue(heldOut.stream().noneMatch(other::contains), heldOut + " vs " + other);
        }
        assertTrue(test.containsAll(speakers(curated, Split.TEST)), "the test split keeps the test speakers");

        Path streams = tmp.resolve("streams");
        CliRun made = CliRun.of("data", "streams", dataset.toString(), "--keywords", "yes,no", "--count", "2",
                "--validation-fold", "2/4", "--out", streams.toString());
        assertEquals(0, made.exitCode(), made.err());
        Set<String> streamSpeakers = Files.readAllLines(streams.resolve("streams_detail.csv")).stream().skip(1)
                .map(l -> l.split(",")[4]).collect(Collectors.toSet());
        assertTrue(streamSpeakers.size() >= 10, streamSpeakers.toString());
        for (Set<String> other : List.of(ownValidation, test, training)) {
            assertTrue(streamSpeakers.stream().noneMatch(other::contains), streamSpeakers + " vs " + other);
        }

        CliRun bad = CliRun.of("data", "streams", dataset.toString(), "--keywords", "yes", "--validation-fold", "5/4",
                "--out", tmp.resolve("bad").toString());
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("--validation-fold 5/4"), bad.err());
        CliRun malformed = CliRun.of("data", "import", dataset.toString(), "--keywords", "yes", "--validation-fold",
                "one of four", "--out", tmp.resolve("bad2").toString());
        assertTrue(malformed.exitCode() != 0 && malformed.err().contains("takes K/N"), malformed.err());
        assertTrue(Files.notExists(tmp.resolve("bad2")), "nothing written on a bad fold");
    }

    private static Set<String> speakersIn(Path list) throws java.io.IOException {
        return Files.readAllLines(list).stream().filter(l -> !l.isBlank())
                .map(l -> Path.of(l).getFileName().toString().split("_nohash_")[0]).collect(Collectors.toSet());
    }

    private static Set<String> speakers(Dataset d, Split split) {
        return d.inSplit(split).stream().filter(Sample::hasSpeaker).map(Sample::speakerId).collect(Collectors.toSet());
    }

    /**
     * Issue 18: {@code --out} used to be deleted and replaced whatever it held — a thesis, the project, the
     * source dataset itself. Now each is refused with one line naming the folder, and nothing is touched.
     */
    @Test
    void importReplacesOnlyAFolderItWrote(@TempDir Path tmp) throws Exception {
        Path raw = tmp.resolve("motion-raw");
        assertEquals(0, CliRun.of("data", "generate", "motion", "--out", raw.toString(), "--samples-per-class", "2")
                .exitCode());
        long rawFiles = countFiles(raw);
        Path d = Files.createDirectories(tmp.resolve("d"));
        Files.writeString(d.resolve("thesis.txt"), "x");
        Path project = tmp.resolve("my-project");
        assertEquals(0, CliRun.of("init", "motion", project.toString()).exitCode());
        for (Path out : List.of(d, project, raw, raw.resolve("training"), tmp)) {
            CliRun run = CliRun.of("data", "import", raw.toString(), "--out", out.toString());
            assertEquals(1, run.exitCode(), out + ": " + run.out());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().contains(out.toString()) && !run.err().contains("Exception"), run.err());
        }
        assertTrue(run(d).contains("thesis.txt"));
        assertEquals("x", Files.readString(d.resolve("thesis.txt")));
        assertTrue(Files.exists(project.resolve("impulse.yaml")));
        assertEquals(rawFiles, countFiles(raw));

        Path data = project.resolve("data");
        assertEquals(0, CliRun.of("data", "import", raw.toString(), "--out", data.toString()).exitCode());
        CliRun again = CliRun.of("data", "import", raw.toString(), "--out", data.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("Imported 8 sensor samples"), again.out());
        assertFalse(again.out().contains("shorter"), again.out());

        // Issue 18: a 4-row recording was counted as a 2 s sample and padded without a word.
        Files.writeString(raw.resolve("training/wave.cut.csv"), "timestamp,accX,accY,accZ\n0,1,2,3\n16,1,2,3\n"
                + "32,1,2,3\n48,1,2,3\n");
        CliRun cut = CliRun.of("data", "import", raw.toString(), "--out", data.toString());
        assertEquals(0, cut.exitCode(), cut.err());
        assertTrue(cut.out().contains("warning: 1 sample(s) are shorter than the 2.00 s window")
                && cut.out().contains("train/wave/wave.cut.csv (0.06 s)"), cut.out());
        assertTrue(cut.out().lines().anyMatch(l -> l.startsWith("total ") && l.contains("0:00:16")), cut.out());
    }

    private static String run(Path out) {
        return CliRun.of("data", "import", out.resolveSibling("motion-raw").toString(), "--out", out.toString()).err();
    }

    private static long countFiles(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void curateWithoutKeywordsIsBadUsage(@TempDir Path tmp) {
        assertEquals(2, CliRun.of("data", "curate", tmp.toString()).exitCode());
    }

    @Test
    void mineNeedsATrainedModelAndPositiveLimits(@TempDir Path tmp) throws Exception {
        Path p = tmp.resolve("P");
        assertEquals(0, CliRun.of("init", "kws", p.toString()).exitCode());
        CliRun untrained = CliRun.of("data", "mine", tmp.toString(), "--project", p.toString());
        assertEquals(1, untrained.exitCode());
        assertTrue(untrained.err().contains("model_int8.tflite") && untrained.err().contains("littlebrain train"),
                untrained.err());
        CliRun zero = CliRun.of("data", "mine", tmp.toString(), "--project", p.toString(), "--stream-seconds", "0");
        assertEquals(2, zero.exitCode());
        assertTrue(zero.err().contains("--stream-seconds"), zero.err());
    }

    @Test
    void missingDatasetIsAClearError(@TempDir Path tmp) {
        CliRun run = CliRun.of("data", "import", tmp.resolve("nope").toString(), "--keywords", "yes");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("nope"), run.err());
    }

    @Test
    void spectrogramPng(@TempDir Path tmp) throws Exception {
        Path wav = SharedFolder.require("dsp-reference").resolve("inputs/kw_yes.wav");
        Path png = tmp.resolve("s.png");
        CliRun run = CliRun.of("data", "spectrogram", wav.toString(), "--out", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(javax.imageio.ImageIO.read(png.toFile()).getWidth() > 10);
    }

    /** An import that finds nothing is an error naming the folder, not "Imported 0 samples". */
    @Test
    void anEmptyDatasetIsAnErrorAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("recordings"));
        Files.writeString(empty.resolve("notes.txt"), "not a sample");
        Path out = tmp.resolve("data");
        CliRun run = CliRun.of("data", "import", empty.toString(), "--out", out.toString());
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().contains(empty + ": no samples to import"), run.err());
        assertFalse(run.out().contains("Imported 0"), run.out());
        assertFalse(Files.exists(out), "nothing written");
    }
}
