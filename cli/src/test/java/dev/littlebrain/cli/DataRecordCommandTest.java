package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.cli.audio.MicrophoneSource;
import dev.littlebrain.dsp.io.AudioRequirement;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavEncoding;
import dev.littlebrain.dsp.io.WavReader;
import dev.littlebrain.dsp.io.WavWriter;
import dev.littlebrain.tflite.SharedFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code data record} end to end with real speech played in: clips found, trimmed, numbered, importable. */
class DataRecordCommandTest {
    private static final int RATE = 16000;
    private static final int GAP = (int) (1.5 * RATE);

    /** Where each clip was put in the recording, in samples. */
    private record Recording(Path wav, List<Integer> placed) {
    }

    /**
     * Three real "yes" and three real "no" clips (1 s each, the word anywhere in them, the speaker's room around it)
     * with 1.5 s of a real background recording between them, at the level of the quietest clip's own room: a user's
     * session as one long recording.
     */
    private static Recording session(Path dir) throws Exception {
        Path dataset = SharedFolder.require("datasets/speech-commands-real");
        List<float[]> clips = new ArrayList<>();
        for (String word : List.of("yes", "no")) {
            try (Stream<Path> files = Files.list(dataset.resolve(word))) {
                for (Path f : files.sorted().limit(3).toList()) {
                    clips.add(WavReader.read(f, AudioRequirement.converting(RATE)).toInt16Values());
                }
            }
        }
        float[] noise = WavReader.read(dataset.resolve("_background_noise_/running_tap.wav"),
                AudioRequirement.converting(RATE)).toInt16Values();
        double roomLevel = clips.stream().mapToDouble(DataRecordCommandTest::quietestRms).max().orElseThrow();
        double scale = roomLevel / rms(noise, 0, noise.length);
        float[] all = new float[GAP + clips.size() * (RATE + GAP)];
        for (int i = 0; i < all.length; i++) {
            all[i] = (float) (noise[i % noise.length] * scale);
        }
        List<Integer> placed = new ArrayList<>();
        int at = GAP;
        for (float[] c : clips) {
            System.arraycopy(c, 0, all, at, c.length);
            placed.add(at);
            at += RATE + GAP;
        }
        Path wav = dir.resolve("session.wav");
        WavWriter.write(wav, Signal.fromInt16Values(RATE, all), WavEncoding.PCM_S16);
        return new Recording(wav, placed);
    }

    private static double quietestRms(float[] x) {
        double quietest = Double.MAX_VALUE;
        for (int s = 0; s + RATE / 10 <= x.length; s += RATE / 100) {
            quietest = Math.min(quietest, rms(x, s, s + RATE / 10));
        }
        return quietest;
    }

    private static double rms(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from)) + 1e-3;
    }

    @Test
    void replayedSessionBecomesTrimmedLabelledClipsThatImport(@TempDir Path tmp) throws Exception {
        Recording session = session(tmp);
        Path out = tmp.resolve("recordings");
        CliRun run = CliRun.of("data", "record", "--labels", "yes,no", "--count", "3", "--replay",
                session.wav().toString(), "--out", out.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode summary = new ObjectMapper().readTree(run.out());
        assertEquals(3, summary.get("counts").get("yes").asInt(), run.out());
        assertEquals(3, summary.get("counts").get("no").asInt(), run.out());
        JsonNode clips = summary.get("clips");
        assertEquals(6, clips.size(), run.err());
        for (int k = 0; k < 6; k++) {
            JsonNode c = clips.get(k);
            assertEquals(k < 3 ? "yes" : "no", c.get("label").asText());
            long placedMs = session.placed().get(k) * 1000L / RATE;
            // The word lies somewhere in the 1 s clip put at placedMs; the detector's word must lie there too.
            assertTrue(c.get("onset_ms").asLong() >= placedMs - 50 && c.get("end_ms").asLong() <= placedMs + 1050
                    && c.get("end_ms").asLong() - c.get("onset_ms").asLong() >= 150,
                    "clip " + k + " put at " + placedMs + " ms: " + c);
            Path file = Path.of(c.get("file").asText());
            assertEquals(out.resolve(k < 3 ? "yes" : "no").resolve((k < 3 ? "yes" : "no") + "_000" + (k % 3 + 1)
                    + ".wav"), file);
            float[] clip = WavReader.read(file, AudioRequirement.strict(RATE)).toInt16Values();
            assertEquals(RATE, clip.length, "one window of 1 s");
            assertWordIsCentred(clip, c);
        }
        assertTrue(run.err().contains("6 word(s)"), run.err());

        // A second session adds clips after the first ones and leaves those alone.
        byte[] firstYes = Files.readAllBytes(out.resolve("yes/yes_0001.wav"));
        CliRun again = CliRun.of("data", "record", "--labels", "yes", "--count", "2", "--replay",
                session.wav().toString(), "--out", out.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().startsWith("Recorded 2 clip(s) (yes 2) into " + out), again.out());
        assertTrue(Files.exists(out.resolve("yes/yes_0005.wav")) && !Files.exists(out.resolve("yes/yes_0006.wav")));
        assertTrue(Arrays.equals(firstYes, Files.readAllBytes(out.resolve("yes/yes_0001.wav"))));
        assertTrue(again.err().contains("4 word(s) after the first 2 were left out"), again.err());

        // What was recorded is a dataset: with the bundled other words and noise it curates into a project.
        Path data = tmp.resolve("project/data");
        CliRun imported = CliRun.of("data", "import", out.toString(), "--keywords", "yes,no", "--bundled",
                "--training-copies", "1", "--stream-seconds", "0", "--out", data.toString());
        assertEquals(0, imported.exitCode(), imported.err() + imported.out());
        String manifest = Files.readString(data.resolve("manifest.json"));
        assertTrue(manifest.contains("\"_unknown_\"") && manifest.contains("\"_noise_\""), imported.out());
        assertTrue(manifest.contains("yes_0001.wav"), "the recordings are in the curated data");
    }

    /** The word's middle is the clip's middle (within a frame), unless the recording's start cut the window. */
    private static void assertWordIsCentred(float[] clip, JsonNode c) {
        long onset = c.get("onset_ms").asLong();
        long end = c.get("end_ms").asLong();
        long windowStartMs = (onset + end) / 2 - 500;
        assertTrue(windowStartMs >= 0, "the session starts with 1.5 s of room");
        double middle = rms(clip, RATE * 4 / 10, RATE * 6 / 10);
        double edges = Math.min(rms(clip, 0, RATE / 20), rms(clip, RATE * 19 / 20, RATE));
        assertTrue(middle > 2 * edges, "the word is louder than the window's edges: " + c);
    }

    @Test
    void aFolderOfRecordingsIsReplayedInNameOrder(@TempDir Path tmp) throws Exception {
        Recording session = session(tmp);
        float[] all = WavReader.read(session.wav(), AudioRequirement.strict(RATE)).toInt16Values();
        Path folder = Files.createDirectories(tmp.resolve("takes"));
        int cut = session.placed().get(3) - GAP / 2; // the yes clips in a_, the no clips in b_
        WavWriter.write(folder.resolve("b_no.wav"), Signal.fromInt16Values(RATE, Arrays.copyOfRange(all, cut,
                all.length)), WavEncoding.PCM_S16);
        WavWriter.write(folder.resolve("a_yes.wav"), Signal.fromInt16Values(RATE, Arrays.copyOfRange(all, 0, cut)),
                WavEncoding.PCM_S16);
        Path out = tmp.resolve("rec");
        CliRun run = CliRun.of("data", "record", "--labels", "yes,no", "--count", "3", "--replay", folder.toString(),
                "--out", out.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode clips = new ObjectMapper().readTree(run.out()).get("clips");
        assertEquals(6, clips.size(), run.err());
        assertTrue(clips.get(0).get("source").asText().endsWith("a_yes.wav"));
        assertTrue(clips.get(5).get("source").asText().endsWith("b_no.wav"));
    }

    @Test
    void badInputIsOneLine(@TempDir Path tmp) throws Exception {
        CliRun missing = CliRun.of("data", "record", "--labels", "yes", "--replay", tmp.resolve("nope.wav").toString(),
                "--out", tmp.resolve("r").toString());
        assertEquals(1, missing.exitCode());
        assertEquals(1, missing.err().strip().split("\n").length, missing.err());
        assertTrue(missing.err().contains("nope.wav"), missing.err());
        Path junk = Files.writeString(tmp.resolve("junk.wav"), "not audio");
        CliRun bad = CliRun.of("data", "record", "--labels", "yes", "--replay", junk.toString(),
                "--out", tmp.resolve("r").toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().startsWith("error: ") && bad.err().contains("junk.wav"), bad.err());
        CliRun label = CliRun.of("data", "record", "--labels", "_unknown_", "--replay", junk.toString());
        assertEquals(2, label.exitCode());
        assertTrue(label.err().contains("_unknown_"), label.err());
    }

    @Test
    void noMicrophoneIsAClearError(@TempDir Path tmp) {
        Assumptions.assumeTrue(MicrophoneSource.captureMixers().isEmpty(),
                "skipped: this machine has a capture device, so the no-microphone message cannot be provoked");
        CliRun run = CliRun.of("data", "record", "--labels", "yes", "--out", tmp.resolve("r").toString());
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().startsWith("error: no audio capture device"), run.err());
        assertEquals(1, run.err().strip().split("\n").length, "one line: " + run.err());
        assertTrue(!Files.exists(tmp.resolve("r")), "nothing written");
    }
}
