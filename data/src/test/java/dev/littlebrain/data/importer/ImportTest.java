package dev.littlebrain.data.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.data.DatasetException;
import dev.littlebrain.data.ImportProblem;
import dev.littlebrain.data.ImportResult;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.SampleKind;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.TestClips;
import dev.littlebrain.dsp.io.EdgeImpulseJson;
import dev.littlebrain.dsp.io.SensorSeries;
import dev.littlebrain.data.progress.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportTest {
    @TempDir
    Path root;

    /** Issue 18: an all-NaN float WAV and a WAV cut off after 500 of 16,000 samples were imported silently. */
    @Test
    void nanAndTruncatedClipsAreSkippedAndNamed() throws IOException {
        Files.createDirectories(root.resolve("yes"));
        TestClips.tone(root.resolve("yes/good_nohash_0.wav"), 16000, 16000, 1);
        float[] nan = new float[16000];
        java.util.Arrays.fill(nan, Float.NaN);
        Files.write(root.resolve("yes/nan_nohash_0.wav"), dev.littlebrain.dsp.io.WavWriter.encode(
                dev.littlebrain.dsp.io.Signal.mono(16000, nan), dev.littlebrain.dsp.io.WavEncoding.FLOAT32));
        byte[] whole = Files.readAllBytes(root.resolve("yes/good_nohash_0.wav"));
        Files.write(root.resolve("yes/cut_nohash_0.wav"), java.util.Arrays.copyOf(whole, whole.length - 2 * 15500));

        ImportResult result = FolderPerLabelImporter.importFrom(root, ProgressListener.NONE);

        assertEquals(List.of("good_nohash_0.wav"), result.dataset().samples().stream()
                .map(s -> s.source().getFileName().toString()).toList());
        Map<String, String> problems = result.skipped().stream().collect(Collectors.toMap(
                p -> p.file().getFileName().toString(), ImportProblem::reason));
        assertTrue(problems.get("nan_nohash_0.wav").contains("NaN"), problems.toString());
        assertTrue(problems.get("cut_nohash_0.wav").contains("truncated")
                && problems.get("cut_nohash_0.wav").contains("holds 500"), problems.toString());
    }

    @Test
    void batchImportReportsBadFilesAndKeepsAllGoodOnes() throws IOException {
        Files.createDirectories(root.resolve("yes"));
        Files.createDirectories(root.resolve("wave"));
        for (int i = 0; i < 5; i++) {
            TestClips.tone(root.resolve("yes/spk" + i + "_nohash_0.wav"), 16000, 1600, i);
        }
        TestClips.stereo(root.resolve("yes/stereo44k_nohash_0.wav"), 44100, 4410); // valid, just another format
        Files.write(root.resolve("yes/corrupt_nohash_0.wav"), new byte[] {'R', 'I', 'F', 'F', 1, 2, 3, 4, 'W'});
        Files.write(root.resolve("yes/empty_nohash_0.wav"), new byte[0]);
        Files.writeString(root.resolve("wave/a.csv"), "timestamp,accX,accY\n0,1,2\n10,1.5,2.5\n");
        Files.writeString(root.resolve("wave/missing.csv"), "timestamp,accX,accY\n0,1,2\n10,,2.5\n");
        EdgeImpulseJson.write(root.resolve("wave/b.json"), new SensorSeries("", List.of("accX", "accY"),
                List.of("m/s2", "m/s2"), 10, new float[] {1, 2, 3, 4}));
        Files.writeString(root.resolve("wave/notes.txt"), "ignored: not a sample file");

        List<Long> progress = new ArrayList<>();
        ImportResult result = FolderPerLabelImporter.importFrom(root, (done, total) -> {
            synchronized (progress) {
                progress.add(done * 1000 + total);
            }
        });

        Map<String, String> problems = result.skipped().stream().collect(Collectors.toMap(
                p -> p.file().getFileName().toString(), ImportProblem::reason));
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get("corrupt_nohash_0.wav").contains("too short"), problems.toString());
        assertTrue(problems.get("empty_nohash_0.wav").contains("empty"), problems.toString());
        assertTrue(problems.get("missing.csv").contains("line 3: missing value in column accX"), problems.toString());
        assertTrue(result.skipped().get(0).toString().contains(root.toString()), "problems name the file");

        List<Sample> samples = result.dataset().samples();
        assertEquals(8, samples.size());
        assertEquals(6, samples.stream().filter(s -> s.kind() == SampleKind.AUDIO).count());
        Sample csv = samples.stream().filter(s -> s.source().endsWith("a.csv")).findFirst().orElseThrow();
        assertEquals(List.of("accX", "accY"), csv.axes());
        assertEquals(100.0, csv.sampleRateHz());
        assertEquals("wave", csv.label());
        Sample first = samples.stream().filter(s -> s.source().endsWith("spk0_nohash_0.wav")).findFirst().orElseThrow();
        assertEquals(ContentHash.sha256(Files.readAllBytes(first.source())), first.sha256());
        assertEquals("spk0", first.speakerId());
        assertEquals(SpeechCommandsSplitRule.STANDARD.splitOf("spk0_nohash_0.wav"), first.split());
        assertTrue(progress.contains(11_011L), "progress reached 11 of 11: " + progress);
    }

    @Test
    void speechCommandsListsDecideTheSplit() throws IOException {
        Files.createDirectories(root.resolve("go"));
        Files.createDirectories(root.resolve("_background_noise_"));
        Files.createDirectories(root.resolve("_streams_"));
        for (String s : List.of("a", "b", "c")) {
            TestClips.tone(root.resolve("go/" + s + "_nohash_0.wav"), 16000, 160, s.hashCode());
        }
        TestClips.noise(root.resolve("_background_noise_/hum.wav"), 16000, 16000, 1);
        TestClips.noise(root.resolve("_streams_/s.wav"), 16000, 160, 1);
        Files.writeString(root.resolve("validation_list.txt"), "go/b_nohash_0.wav\n");
        Files.writeString(root.resolve("testing_list.txt"), "go/c_nohash_0.wav\n");
        ImportResult result = SpeechCommandsImporter.importFrom(root, ProgressListener.NONE);
        assertEquals(List.of(Split.TRAIN, Split.VALIDATION, Split.TEST),
                result.dataset().samples().stream().map(Sample::split).toList());
        assertEquals(1, result.dataset().backgroundNoise().size());
        assertEquals(List.of("go"), result.dataset().labels());
    }

    @Test
    void motionFilesTakeTheirLabelFromTheName() throws IOException {
        Files.createDirectories(root.resolve("training"));
        Files.createDirectories(root.resolve("testing"));
        Files.writeString(root.resolve("training/idle.1.csv"), "t,x\n0,0\n16,0.1\n");
        Files.writeString(root.resolve("training/wave.s2.csv"), "t,x\n0,1\n16,2\n");
        Files.writeString(root.resolve("testing/wave.s9.csv"), "t,x\n0,1\n16,2\n");
        ImportResult result = MotionFileImporter.importFrom(root, ProgressListener.NONE);
        List<Sample> samples = result.dataset().samples();
        assertEquals(List.of("idle", "wave", "wave"), samples.stream().map(Sample::label).toList());
        assertEquals(Split.TEST, samples.get(2).split());
        assertTrue(samples.get(0).split() != Split.TEST);
        assertEquals(62.5, samples.get(0).sampleRateHz());
    }

    @Test
    void missingFolderIsAClearError() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> SpeechCommandsImporter.importFrom(root.resolve("nope"), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("not a folder"), e.getMessage());
    }
}
