package dev.littlebrain.studio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.data.curate.KwsCurationOptions;
import dev.littlebrain.data.curate.Manifest;
import dev.littlebrain.data.stats.DatasetStats;
import dev.littlebrain.dsp.io.EdgeImpulseJson;
import dev.littlebrain.dsp.io.SensorCsv;
import dev.littlebrain.dsp.io.SensorSeries;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavEncoding;
import dev.littlebrain.dsp.io.WavReader;
import dev.littlebrain.dsp.io.WavWriter;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.data.Datasets;
import dev.littlebrain.impulse.data.ImportPlan;
import dev.littlebrain.impulse.data.SyntheticKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The samples API over real HTTP on a generated motion project and a small curated audio project: what it lists is
 * what {@code data stats} counts; relabel, move, delete and undo change the files and the counts the command line
 * sees; paths that leave the data folder, oversized and malformed uploads are refused with one line; a recording is
 * trimmed to the second around its word.
 */
class SamplesApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    static Path tmp;
    private static Studio motion;
    private static Studio audio;
    private static Path motionDir;
    private static Path audioDir;

    @BeforeAll
    static void start() throws Exception {
        Project gestures = Project.create(tmp.resolve("gestures"), "motion");
        Datasets.generate(SyntheticKind.MOTION, tmp.resolve("raw-motion"), 6, 1);
        gestures.importData(tmp.resolve("raw-motion"), ImportPlan.asIs(), Progress.NONE);
        motionDir = gestures.layout().dir();
        motion = Studio.start(motionDir, "127.0.0.1", 0);

        Project kws = Project.create(tmp.resolve("kws"), "kws");
        kws.importData(toneWords(tmp.resolve("raw-audio")), ImportPlan.keywordSpotting(toneCuration()), Progress.NONE);
        audioDir = kws.layout().dir();
        audio = Studio.start(audioDir, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        motion.close();
        audio.close();
    }

    @Test
    void pagesListEverySampleOnceAndTheFiltersCountWhatDataStatsCounts() throws Exception {
        DatasetStats stats = stats(motionDir);
        JsonNode all = getJson(motion, "/api/samples?limit=500");
        assertEquals("sensor", all.get("kind").asText());
        assertEquals(stats.totalSamples(), all.get("total").asInt());
        List<String> ids = new ArrayList<>();
        for (int offset = 0; offset < stats.totalSamples(); offset += 7) {
            JsonNode page = getJson(motion, "/api/samples?offset=" + offset + "&limit=7");
            assertTrue(page.get("samples").size() <= 7);
            page.get("samples").forEach(s -> ids.add(s.get("id").asText()));
        }
        assertEquals(stats.totalSamples(), ids.size());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no sample on two pages");
        for (DatasetStats.ClassStats row : stats.rows()) {
            assertEquals(row.total(), getJson(motion, "/api/samples?label=" + row.label()).get("total").asInt());
            assertEquals(row.test(), getJson(motion, "/api/samples?split=test&label=" + row.label()).get("total")
                    .asInt(), row.label());
        }
        JsonNode first = all.get("samples").get(0);
        assertTrue(Files.isRegularFile(motionDir.resolve("data").resolve(first.get("id").asText())));
        assertEquals(3, first.get("axes").size());
        assertEquals(62.5, first.get("sample_rate_hz").asDouble());
        assertEquals(400, get(motion, "/api/samples?split=training").statusCode());
        assertEquals(400, get(motion, "/api/samples?limit=many").statusCode());
    }

    @Test
    void audioIsServedAsItsBytesAndPreviewsAreSmall() throws Exception {
        JsonNode row = getJson(audio, "/api/samples?limit=1&label=yes").get("samples").get(0);
        String id = row.get("id").asText();
        assertEquals(1.0, row.get("duration_s").asDouble(), 1e-9);
        HttpResponse<byte[]> wav = HTTP.send(request(audio, "/api/samples/" + id + "/audio").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, wav.statusCode());
        assertEquals("audio/wav", wav.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(Files.readAllBytes(audioDir.resolve("data").resolve(id)), wav.body());

        JsonNode preview = getJson(audio, "/api/samples/" + id + "/preview");
        assertEquals(SamplePreview.COLUMNS, preview.at("/envelope/0/min").size());
        JsonNode spectrogram = preview.get("spectrogram");
        assertEquals(spectrogram.get("frames").asInt() * spectrogram.get("bins").asInt(),
                spectrogram.get("levels").size());
        // The tone of a "yes" clip (400-620 Hz) is the loudest band: bins of 250 Hz, so bin 1 or 2.
        int loudestBin = -1;
        int loudest = -1;
        for (int i = 0; i < spectrogram.get("levels").size(); i++) {
            if (spectrogram.get("levels").get(i).asInt() > loudest) {
                loudest = spectrogram.get("levels").get(i).asInt();
                loudestBin = i % spectrogram.get("bins").asInt();
            }
        }
        assertTrue(loudestBin >= 1 && loudestBin <= 2, "loudest bin " + loudestBin);

        String sensorId = getJson(motion, "/api/samples?limit=1").at("/samples/0/id").asText();
        JsonNode sensor = getJson(motion, "/api/samples/" + sensorId + "/preview");
        assertEquals(3, sensor.get("envelope").size());
        assertTrue(sensor.get("spectrogram").isNull());
        assertOneLine(get(motion, "/api/samples/" + sensorId + "/audio"), 400, "no audio");
        assertOneLine(get(motion, "/api/samples/train/wave/nothing.json/preview"), 404, "no such sample");
    }

    @Test
    void relabellingAndMovingChangeTheFilesAndTheCountsTheCommandLineSees() throws Exception {
        String id = getJson(motion, "/api/samples?label=wave&split=train&limit=1").at("/samples/0/id").asText();
        Path before = motionDir.resolve("data").resolve(id);
        byte[] bytes = Files.readAllBytes(before);
        DatasetStats.ClassStats waveBefore = row(stats(motionDir), "wave");
        DatasetStats.ClassStats circleBefore = row(stats(motionDir), "circle");

        HttpResponse<String> r = send(motion, "PUT", "/api/samples/" + id, "{\"label\": \"circle\", \"split\": \"test\"}");
        assertEquals(200, r.statusCode(), r.body());
        String newId = JSON.readTree(r.body()).get("id").asText();
        assertEquals("test/circle/" + before.getFileName(), newId);
        assertFalse(Files.exists(before));
        assertArrayEquals(bytes, Files.readAllBytes(motionDir.resolve("data").resolve(newId)));
        assertEquals(waveBefore.train() - 1, row(stats(motionDir), "wave").train());
        assertEquals(circleBefore.test() + 1, row(stats(motionDir), "circle").test());

        // Only the split: the label stays.
        r = send(motion, "PUT", "/api/samples/" + newId, "{\"split\": \"validation\"}");
        assertEquals("validation/circle/" + before.getFileName(), JSON.readTree(r.body()).get("id").asText());
        assertEquals(circleBefore.validation() + 1, row(stats(motionDir), "circle").validation());
        Project.open(motionDir).project().features(dev.littlebrain.data.progress.ProgressListener.NONE);

        assertOneLine(send(motion, "PUT", "/api/samples/" + newId, "{\"label\": \"../x\"}"), 404, "no such sample");
        String movedId = "validation/circle/" + before.getFileName();
        assertOneLine(send(motion, "PUT", "/api/samples/" + movedId, "{\"label\": \"../x\"}"), 400, "not a usable label");
        assertOneLine(send(motion, "PUT", "/api/samples/" + movedId, "{\"split\": \"later\"}"), 400, "unknown split");
        assertOneLine(send(motion, "PUT", "/api/samples/" + movedId, "{label"), 400, "not the JSON expected");
    }

    @Test
    void aDeletedSampleGoesToTheTrashAndUndoRestoresItByteForByte() throws Exception {
        String id = getJson(motion, "/api/samples?label=updown&split=train&limit=1").at("/samples/0/id").asText();
        Path file = motionDir.resolve("data").resolve(id);
        byte[] bytes = Files.readAllBytes(file);
        byte[] manifest = Files.readAllBytes(motionDir.resolve("data/manifest.json"));
        int total = stats(motionDir).totalSamples();

        HttpResponse<String> r = send(motion, "DELETE", "/api/samples/" + id, null);
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(Files.exists(file));
        assertEquals(total - 1, stats(motionDir).totalSamples());
        assertEquals(1, getJson(motion, "/api/samples").get("trashed").asInt());
        try (var kept = Files.walk(motionDir.resolve(".trash"))) {
            assertTrue(kept.anyMatch(p -> p.getFileName().equals(file.getFileName())), "kept in the trash");
        }

        r = send(motion, "POST", "/api/samples/undo", null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(id, JSON.readTree(r.body()).get("id").asText());
        assertArrayEquals(bytes, Files.readAllBytes(file));
        assertArrayEquals(manifest, Files.readAllBytes(motionDir.resolve("data/manifest.json")),
                "the manifest is as it was: same entry, same place");
        assertEquals(total, stats(motionDir).totalSamples());
        assertOneLine(send(motion, "POST", "/api/samples/undo", null), 409, "nothing to undo");
    }

    @Test
    void aCropReplacesTheSampleWithItsSpanAndOneUndoBringsTheOriginalBack() throws Exception {
        // 2.5 s of a rising ramp: every sample value says where it was, so the crop's values say where it cut.
        float[] ramp = new float[40000];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (i % 20000 - 10000) / 32768f;
        }
        HttpResponse<String> r = upload(audio, "label=yes&split=train&name=long.wav", wav(ramp));
        assertEquals(201, r.statusCode(), r.body());
        String id = JSON.readTree(r.body()).get("id").asText();
        Path file = audioDir.resolve("data").resolve(id);
        byte[] original = Files.readAllBytes(file);
        byte[] manifest = Files.readAllBytes(audioDir.resolve("data/manifest.json"));
        int trashed = getJson(audio, "/api/samples").get("trashed").asInt();
        int yes = row(stats(audioDir), "yes").train();

        String[][] refused = {
            {"{\"start_ms\": 800, \"end_ms\": 800}", "long.wav: a crop needs 0 <= start < end, got 800-800 ms"},
            {"{\"start_ms\": -1, \"end_ms\": 1200}", "a crop needs 0 <= start < end"},
            {"{\"start_ms\": 1000, \"end_ms\": 2600}", "the crop 1000-2600 ms leaves the sample, which is 2500 ms"},
            {"{\"start_ms\": 1000, \"end_ms\": 1500}", "a crop of 500 ms is shorter than the impulse's 1000 ms"
                + " window"},
            {"{\"start_ms\": 1000}", "say which span to keep"},
            {"{start", "not the JSON expected"},
        };
        for (String[] c : refused) {
            assertOneLine(send(audio, "POST", "/api/samples/" + id + "/crop", c[0]), 400, c[1]);
        }
        assertOneLine(send(audio, "POST", "/api/samples/train/yes/none.wav/crop", refused[0][0]), 404,
                "no such sample");
        assertTrue(rawStatusLine("POST", "/api/samples/../../impulse.yaml/crop").matches("HTTP/1.1 4\\d\\d .*"));
        assertArrayEquals(original, Files.readAllBytes(file), "a refused crop changes nothing");
        assertArrayEquals(manifest, Files.readAllBytes(audioDir.resolve("data/manifest.json")));
        assertEquals(trashed, getJson(audio, "/api/samples").get("trashed").asInt());

        r = send(audio, "POST", "/api/samples/" + id + "/crop", "{\"start_ms\": 500, \"end_ms\": 1700}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode crop = JSON.readTree(r.body());
        String cropId = crop.get("id").asText();
        assertEquals(id.replace("long.wav", "long_crop.wav"), cropId, "beside the original, same label and split");
        assertEquals("yes", crop.get("label").asText());
        assertEquals("train", crop.get("split").asText());
        assertEquals(1.2, crop.get("duration_s").asDouble(), 1e-9);
        float[] kept = WavReader.read(audioDir.resolve("data").resolve(cropId)).signal().toInt16Values();
        float[] expected = WavReader.decode(original, "long.wav").signal().slice(8000, 27200).toInt16Values();
        assertArrayEquals(expected, kept, "the span, sample for sample, still 16-bit PCM");
        assertFalse(Files.exists(file), "the original left data/");
        assertEquals(trashed + 1, getJson(audio, "/api/samples").get("trashed").asInt(), "into the trash");
        assertEquals(yes, row(stats(audioDir), "yes").train(), "the crop takes the original's place");

        r = send(audio, "POST", "/api/samples/undo", null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(id, JSON.readTree(r.body()).get("id").asText());
        assertArrayEquals(original, Files.readAllBytes(file));
        assertFalse(Files.exists(audioDir.resolve("data").resolve(cropId)), "the crop went with the undo");
        assertArrayEquals(manifest, Files.readAllBytes(audioDir.resolve("data/manifest.json")),
                "the manifest is as it was before the crop");
        assertEquals(trashed, getJson(audio, "/api/samples").get("trashed").asInt());
    }

    @Test
    void aSensorRecordingIsCroppedInItsOwnFormat() throws Exception {
        // Two 2 s takes one after the other: 4 s, cropped back to the 2 s window in the middle.
        List<String> ids = new ArrayList<>();
        getJson(motion, "/api/samples?label=idle&split=train&limit=2").get("samples")
                .forEach(row -> ids.add(row.get("id").asText()));
        SensorSeries a = EdgeImpulseJson.read(motionDir.resolve("data").resolve(ids.get(0)));
        SensorSeries b = EdgeImpulseJson.read(motionDir.resolve("data").resolve(ids.get(1)));
        float[] joined = java.util.Arrays.copyOf(a.interleaved(), a.interleaved().length + b.interleaved().length);
        System.arraycopy(b.interleaved(), 0, joined, a.interleaved().length, b.interleaved().length);
        SensorSeries twice = new SensorSeries(a.deviceType(), a.axes(), a.units(), a.intervalMs(), joined);
        HttpResponse<String> r = upload(motion, "label=idle&split=test&name=twice.csv",
                SensorCsv.format(twice).getBytes(StandardCharsets.UTF_8));
        assertEquals(201, r.statusCode(), r.body());
        String id = JSON.readTree(r.body()).get("id").asText();

        long quarter = Math.round(twice.durationMs() / 4);
        r = send(motion, "POST", "/api/samples/" + id + "/crop", "{\"start_ms\": " + quarter + ", \"end_ms\": "
                + (quarter + 2000) + "}");
        assertEquals(200, r.statusCode(), r.body());
        String cropId = JSON.readTree(r.body()).get("id").asText();
        assertEquals("test/idle/twice_crop.csv", cropId);
        SensorSeries kept = SensorCsv.read(motionDir.resolve("data").resolve(cropId));
        assertEquals(a.axes(), kept.axes());
        assertEquals(a.intervalMs(), kept.intervalMs(), 1e-6);
        int from = (int) Math.round(quarter / a.intervalMs());
        assertEquals(from, (int) Math.round(quarter * twice.frequencyHz() / 1000.0));
        for (int axis = 0; axis < a.axes().size(); axis++) {
            float[] whole = twice.axis(axis);
            assertArrayEquals(java.util.Arrays.copyOfRange(whole, from, from + kept.frames()), kept.axis(axis),
                    "axis " + a.axes().get(axis));
        }
        assertEquals(200, send(motion, "POST", "/api/samples/undo", null).statusCode());
        assertTrue(Files.isRegularFile(motionDir.resolve("data").resolve(id)));
    }

    @Test
    void pathsOutOfTheDataFolderAreRefused() throws Exception {
        Path outside = Files.writeString(tmp.resolve("outside.json"), "{\"secret\": true}");
        Files.createSymbolicLink(motionDir.resolve("data/escape"), tmp);
        for (String path : List.of("/api/samples/../../impulse.yaml/audio", "/api/samples/%2e%2e/impulse.yaml/preview",
                "/api/samples/%2E%2E/%2E%2E/outside.json/preview", "/api/samples/..%2F..%2Foutside.json/preview",
                "/api/samples//etc/passwd/audio", "/api/samples/escape/outside.json/preview")) {
            String status = rawStatusLine("GET", path);
            assertTrue(status.matches("HTTP/1.1 4\\d\\d .*"), path + " -> " + status);
            assertTrue(rawStatusLine("DELETE", path.replaceAll("/(audio|preview)$", "")).matches("HTTP/1.1 4\\d\\d .*"),
                    path);
        }
        assertOneLine(get(motion, "/api/samples/escape/outside.json/preview"), 400, "not a path inside");
        String refusedByJetty = rawResponse("GET", "/api/samples/%2e%2e/impulse.yaml/preview");
        assertTrue(refusedByJetty.startsWith("HTTP/1.1 400 "), refusedByJetty);
        String error = JSON.readTree(refusedByJetty.substring(refusedByJetty.indexOf("\r\n\r\n") + 4)).get("error")
                .asText();
        assertTrue(error.startsWith("Ambiguous URI") && error.lines().count() == 1, error);
        assertTrue(Files.exists(outside));
        Files.delete(motionDir.resolve("data/escape"));
    }

    @Test
    void uploadsAreCheckedWithTheImportersReadersAndNeverOverwrite() throws Exception {
        String id = getJson(motion, "/api/samples?label=idle&limit=1").at("/samples/0/id").asText();
        String csv = SensorCsv.format(EdgeImpulseJson.read(motionDir.resolve("data").resolve(id)));
        int idle = row(stats(motionDir), "idle").validation();

        HttpResponse<String> r = upload(motion, "label=idle&split=validation&name=mine.csv", csv.getBytes());
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("validation/idle/mine.csv", JSON.readTree(r.body()).get("id").asText());
        r = upload(motion, "label=idle&split=validation&name=mine.csv", csv.getBytes());
        assertEquals("validation/idle/mine_2.csv", JSON.readTree(r.body()).get("id").asText(), "numbered, not replaced");
        assertEquals(csv, Files.readString(motionDir.resolve("data/validation/idle/mine.csv")));
        assertEquals(idle + 2, row(stats(motionDir), "idle").validation());

        String nan = csv.replaceFirst("\n([^,\n]+),[^,\n]+,", "\n$1,NaN,");
        assertOneLine(upload(motion, "label=idle&name=bad.csv", nan.getBytes()), 400, "bad.csv: line 2");
        assertOneLine(upload(motion, "label=idle&name=tone.wav", wav(new float[16000])), 400,
                "tone.wav: is audio, but this project's input is");
        assertOneLine(upload(motion, "label=idle&name=../up.csv", csv.getBytes()), 400, "not a usable file name");
        assertOneLine(upload(motion, "name=x.csv", csv.getBytes()), 400, "needs ?label=");
        byte[] clip = wav(new float[16000]);
        assertOneLine(upload(audio, "label=yes&name=cut.wav", java.util.Arrays.copyOf(clip, 30)), 400, "cut.wav");
        assertEquals(idle + 2, row(stats(motionDir), "idle").validation(), "nothing refused was added");

        // Over the limit: refused on its Content-Length, before 20 MB are read.
        try (Socket socket = new Socket("127.0.0.1", motion.port())) {
            String head = "POST /api/samples/upload?label=idle&name=big.csv HTTP/1.1\r\nHost: localhost:" + motion.port()
                    + "\r\n" + AccessGuard.HEADER + ": " + motion.token() + "\r\nContent-Length: "
                    + (SamplesApi.UPLOAD_LIMIT_BYTES + 1) + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(response.startsWith("HTTP/1.1 413 "), response);
            assertTrue(response.contains("the limit is " + SamplesApi.UPLOAD_LIMIT_BYTES), response);
        }
    }

    @Test
    void aRecordingIsTrimmedToTheSecondAroundItsWord() throws Exception {
        // 2.5 s of a quiet room with a 0.4 s "word" from 1.2 s: the clip kept is 1 s with the word in its middle.
        int rate = 16000;
        float[] take = new float[rate * 5 / 2];
        Random noise = new Random(3);
        for (int i = 0; i < take.length; i++) {
            take[i] = (float) (noise.nextGaussian() * 0.001);
        }
        int onset = rate * 12 / 10;
        for (int i = onset; i < onset + rate * 4 / 10; i++) {
            take[i] += (float) (0.4 * Math.sin(2 * Math.PI * 500 * i / rate));
        }
        int before = row(stats(audioDir), "yes").train();
        HttpResponse<String> r = upload(audio, "label=yes&split=train&name=take.wav&trim=true", wav(take));
        assertEquals(201, r.statusCode(), r.body());
        JsonNode row = JSON.readTree(r.body());
        assertEquals(1.0, row.get("duration_s").asDouble(), 1e-9);
        float[] clip = WavReader.read(audioDir.resolve("data").resolve(row.get("id").asText())).signal().interleaved();
        assertEquals(rate, clip.length);
        double energy = 0;
        double centre = 0;
        for (int i = 0; i < clip.length; i++) {
            energy += clip[i] * clip[i];
            centre += i * (double) clip[i] * clip[i];
        }
        assertEquals(0.5, centre / energy / rate, 0.03, "the word's energy is centred in the clip");
        assertEquals(before + 1, row(stats(audioDir), "yes").train());

        float[] silence = new float[rate * 2];
        assertOneLine(upload(audio, "label=yes&name=quiet.wav&trim=true", wav(silence)), 400, "quiet.wav: no word heard");
    }

    // ---- the projects ----

    /** Tone "words" of 12 speakers in the Speech Commands layout: a curated yes/no project in seconds. */
    private static Path toneWords(Path raw) throws IOException {
        for (String word : List.of("yes", "no")) {
            Files.createDirectories(raw.resolve(word));
            for (int speaker = 0; speaker < 12; speaker++) {
                float[] clip = new float[16000];
                double hz = (word.equals("yes") ? 400 : 700) + 20 * speaker;
                for (int i = 4000; i < 12000; i++) {
                    clip[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / 16000));
                }
                WavWriter.write(raw.resolve(word).resolve(String.format("%08x_nohash_0.wav", 0x1000 + speaker)),
                        Signal.mono(16000, clip), WavEncoding.PCM_S16);
            }
        }
        return raw;
    }

    private static KwsCurationOptions toneCuration() {
        KwsCurationOptions d = KwsCurationOptions.defaults(List.of("yes", "no"));
        return d.withClasses(false, false)
                .withNoiseMixing(d.noiseProbability(), d.noiseMinGainDb(), d.noiseMaxGainDb(), Set.of())
                .withTrainingAugmentation(1, 0)
                .withTrainingStreamSeconds(0);
    }

    private static byte[] wav(float[] samples) {
        return WavWriter.encode(Signal.mono(16000, samples), WavEncoding.PCM_S16);
    }

    private static DatasetStats stats(Path project) throws IOException {
        Manifest.read(project.resolve("data")); // the manifest must stay readable after every edit
        return Datasets.describe(project.resolve("data"), Progress.NONE).stats();
    }

    private static DatasetStats.ClassStats row(DatasetStats stats, String label) {
        return stats.rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
    }

    // ---- HTTP ----

    private static HttpRequest.Builder request(Studio studio, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + studio.port() + path))
                .header(AccessGuard.HEADER, studio.token());
    }

    private static HttpResponse<String> get(Studio studio, String path) throws Exception {
        return HTTP.send(request(studio, path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode getJson(Studio studio, String path) throws Exception {
        HttpResponse<String> r = get(studio, path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> send(Studio studio, String method, String path, String body) throws Exception {
        return HTTP.send(request(studio, path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> upload(Studio studio, String query, byte[] body) throws Exception {
        return HTTP.send(request(studio, "/api/samples/upload?" + query)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertOneLine(HttpResponse<String> r, int status, String part) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        String error = JSON.readTree(r.body()).get("error").asText();
        assertTrue(error.contains(part), error);
        assertEquals(1, error.lines().count(), error);
    }

    private static String rawStatusLine(String method, String path) throws IOException {
        String response = rawResponse(method, path);
        return response.substring(0, response.indexOf("\r\n"));
    }

    /** One request written by hand: HttpClient would tidy a path with '..' before sending it. */
    private static String rawResponse(String method, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", motion.port())) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost:" + motion.port() + "\r\n" + AccessGuard.HEADER
                    + ": " + motion.token() + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
