package dev.littlebrain.studio;

import static dev.littlebrain.studio.StudioClient.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.dsp.io.AudioRequirement;
import dev.littlebrain.dsp.io.SensorCsv;
import dev.littlebrain.dsp.io.SensorSeries;
import dev.littlebrain.dsp.io.WavReader;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.SensorRecording;
import dev.littlebrain.impulse.training.TrainOptions;
import dev.littlebrain.train.TrainingDevice;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.runtime.stream.Detection;
import dev.littlebrain.runtime.stream.ScoredSlice;
import dev.littlebrain.tflite.SharedFolder;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live classification over real HTTP: the espeak-kws test streams posted as a browser posts its microphone (100 ms
 * chunks of 16-bit PCM) give, slice by slice, the averaged scores and detections the library's own replay of the
 * same file gives; bad chunks and unknown sessions get one line.
 */
class LiveApiTest {
    private static final ObjectMapper JSON = StudioClient.JSON;

    @TempDir
    Path tmp;
    private Studio studio;

    private Project kwsProject() throws IOException {
        return KeywordProject.withConformanceModel(tmp.resolve("kws"), 0.3f);
    }

    @AfterEach
    void stop() throws Exception {
        if (studio != null) {
            studio.close();
        }
    }

    @Test
    void aStreamPostedIn100MsChunksScoresAndDetectsAsTheLibrarysReplay() throws Exception {
        Project project = kwsProject();
        studio = Studio.start(project.layout().dir(), "127.0.0.1", 0);
        Path streams = SharedFolder.require("datasets/espeak-kws").resolve("_streams_");
        int detected = 0;
        for (String name : List.of("stream_01.wav", "stream_02.wav")) {
            Path wav = streams.resolve(name);
            ContinuousConfig config = project.continuousConfig();
            float[] audio = WavReader.read(wav, AudioRequirement.converting(config.sampleRate())).toInt16Values();
            List<ScoredSlice> expectedSlices = new ArrayList<>();
            List<Detection> expected = project.classifier().continuous(config).onScores(expectedSlices::add)
                    .accept(audio);

            JsonNode opened = open();
            assertEquals("audio", opened.get("input").asText());
            assertEquals(16000, opened.get("sample_rate").asInt());
            assertEquals(250, opened.get("slice_ms").asInt());
            assertEquals(0.3f, (float) opened.get("threshold").asDouble());
            String id = opened.get("id").asText();
            List<JsonNode> slices = new ArrayList<>();
            int chunk = config.sampleRate() / 10;
            for (int start = 0; start < audio.length; start += chunk) {
                float[] part = Arrays.copyOfRange(audio, start, Math.min(audio.length, start + chunk));
                HttpResponse<String> r = post("/api/live/" + id + "/audio", pcm(part));
                assertEquals(200, r.statusCode(), r.body());
                JsonNode reply = JSON.readTree(r.body());
                assertEquals((start + part.length) * 1000L / config.sampleRate(), reply.get("received_ms").asLong());
                reply.get("slices").forEach(slices::add);
            }

            assertEquals(expectedSlices.size(), slices.size(), name + ": one slice per model run");
            List<JsonNode> detections = new ArrayList<>();
            for (int i = 0; i < slices.size(); i++) {
                JsonNode s = slices.get(i);
                assertEquals(expectedSlices.get(i).timeMs(), s.get("time_ms").asLong());
                for (int c = 0; c < config.labels().size(); c++) {
                    assertEquals(expectedSlices.get(i).averaged()[c],
                            (float) s.get("scores").get(config.labels().get(c)).asDouble(),
                            name + " at " + s.get("time_ms") + " ms, " + config.labels().get(c));
                }
                if (s.has("detection")) {
                    detections.add(s.get("detection"));
                }
            }
            assertEquals(expected.size(), detections.size(), name + ": " + detections + " vs " + expected);
            for (int i = 0; i < expected.size(); i++) {
                Detection d = expected.get(i);
                assertEquals(d.label(), detections.get(i).get("label").asText());
                assertEquals(d.timeMs(), detections.get(i).get("time_ms").asLong());
                assertEquals(d.score(), (float) detections.get(i).get("score").asDouble());
            }
            detected += detections.size();
            assertEquals(200, delete("/api/live/" + id).statusCode());
        }
        assertTrue(detected > 0, "a 0.3 threshold fires somewhere in 40 s of speech");
    }

    @Test
    void badChunksAre400AndUnknownOrClosedSessions404() throws Exception {
        studio = Studio.start(kwsProject().layout().dir(), "127.0.0.1", 0);
        JsonNode opened = open();
        String id = opened.get("id").asText();

        HttpResponse<String> odd = post("/api/live/" + id + "/audio", new byte[3]);
        assertEquals(400, odd.statusCode(), odd.body());
        assertOneLine(odd, "a chunk is 16-bit mono PCM at 16000 Hz: a positive, even number of bytes, got 3");
        HttpResponse<String> empty = post("/api/live/" + id + "/audio", new byte[0]);
        assertEquals(400, empty.statusCode(), empty.body());
        long limit = opened.get("max_chunk_bytes").asLong();
        assertEquals(16000 * 2 * 10, limit, "10 s of audio at most");
        String big = declaredOnly("/api/live/" + id + "/audio", limit + 2);
        assertTrue(big.startsWith("HTTP/1.1 413"), big);
        assertTrue(big.contains("the limit is " + limit), big);
        assertEquals(200, post("/api/live/" + id + "/audio", new byte[3200]).statusCode(),
                "the session goes on after a refused chunk");

        HttpResponse<String> recording = post("/api/live/" + id + "/recording?name=walk.csv", new byte[10]);
        assertEquals(409, recording.statusCode(), recording.body());
        assertOneLine(recording, "classifies audio: post PCM chunks to /api/live/" + id + "/audio");

        HttpResponse<String> unknown = post("/api/live/0123456789abcdef/audio", new byte[3200]);
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertOneLine(unknown, "no live session 0123456789abcdef");
        assertEquals(404, delete("/api/live/0123456789abcdef").statusCode());
        assertEquals(200, delete("/api/live/" + id).statusCode());
        HttpResponse<String> closed = post("/api/live/" + id + "/audio", new byte[3200]);
        assertEquals(404, closed.statusCode(), "a closed session is gone: " + closed.body());
    }

    @Test
    @Tag("slow") // trains a small motion model: several seconds
    void aSensorRecordingIsReplayedWindowByWindowAsTheLibraryClassifiesIt() throws Exception {
        Project project = TrainedMotionProject.imported(tmp, 10);
        Path raw = tmp.resolve("raw");
        project.train(TrainOptions.DEFAULTS.withEpochs(3).withDevice(TrainingDevice.CPU), Progress.NONE);
        studio = Studio.start(project.layout().dir(), "127.0.0.1", 0);
        ImpulseConfig.Input input = project.impulse().input();
        Path recording = threeTakes(raw, input, tmp.resolve("walk.csv"));
        List<SensorRecording.Window> expected = new ArrayList<>();
        SensorRecording.classify(project.classifier(), input, SensorRecording.read(recording, input),
                project.continuousConfig().sliceSamples(), expected::add);

        JsonNode opened = open();
        assertEquals("accelerometer", opened.get("input").asText());
        String id = opened.get("id").asText();
        HttpResponse<String> r = post("/api/live/" + id + "/recording?name=walk.csv", Files.readAllBytes(recording));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode windows = JSON.readTree(r.body()).get("windows");
        assertEquals(expected.size(), windows.size());
        assertTrue(expected.size() > 1, "a recording longer than a window gives several: " + expected.size());
        List<String> labels = project.classifier().labels();
        for (int i = 0; i < expected.size(); i++) {
            SensorRecording.Window w = expected.get(i);
            assertEquals(w.timeMs(), windows.get(i).get("time_ms").asLong());
            assertEquals(w.endMs(), windows.get(i).get("end_ms").asLong());
            assertEquals(labels.get(w.best()), windows.get(i).get("label").asText());
            for (int c = 0; c < labels.size(); c++) {
                assertEquals(w.scores()[c], (float) windows.get(i).get("scores").get(labels.get(c)).asDouble());
            }
        }

        HttpResponse<String> twoAxes = post("/api/live/" + id + "/recording?name=two.csv",
                "timestamp,accX,accY\n0,1,2\n16,1,2\n32,1,2\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, twoAxes.statusCode(), twoAxes.body());
        assertOneLine(twoAxes, "two.csv has the axes [accX, accY], the impulse takes [accX, accY, accZ]");
        HttpResponse<String> unnamed = post("/api/live/" + id + "/recording?name=../x.txt", new byte[10]);
        assertEquals(400, unnamed.statusCode(), unnamed.body());
        assertOneLine(unnamed, "name the recording: ?name=FILE.csv or ?name=FILE.json");
        HttpResponse<String> audio = post("/api/live/" + id + "/audio", new byte[3200]);
        assertEquals(409, audio.statusCode(), audio.body());
        assertOneLine(audio, "replays sensor recordings: post one to /api/live/" + id + "/recording");
    }

    /** Three of the generated takes one after another, as one CSV recording several windows long. */
    private static Path threeTakes(Path raw, ImpulseConfig.Input input, Path out) throws IOException {
        List<Path> takes;
        try (Stream<Path> files = Files.walk(raw)) {
            takes = files.filter(f -> f.toString().endsWith(".csv") || f.toString().endsWith(".json")).sorted()
                    .limit(3).toList();
        }
        assertEquals(3, takes.size(), "the generated dataset has recordings");
        List<float[]> parts = new ArrayList<>();
        SensorSeries first = null;
        for (Path take : takes) {
            SensorSeries s = SensorRecording.read(take, input);
            first = first == null ? s : first;
            parts.add(s.interleaved());
        }
        int length = parts.stream().mapToInt(p -> p.length).sum();
        float[] joined = new float[length];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, joined, at, p.length);
            at += p.length;
        }
        SensorCsv.write(out, new SensorSeries("", first.axes(), first.units(), first.intervalMs(), joined));
        return out;
    }

    @Test
    void aProjectWithoutAModelIs409() throws Exception {
        Project project = Project.create(tmp.resolve("empty"), "kws");
        studio = Studio.start(project.layout().dir(), "127.0.0.1", 0);
        HttpResponse<String> r = post("/api/live", new byte[0]);
        assertEquals(409, r.statusCode(), r.body());
        assertOneLine(r, "the project has no int8 model yet");
    }

    @Test
    void thePageIsServedWithLiveInTheNavigation() throws Exception {
        studio = Studio.start(kwsProject().layout().dir(), "127.0.0.1", 0);
        HttpResponse<String> page = new StudioClient(studio).get("/live");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<nav data-page=\"live\">"), "studio.js marks the page in the nav");
        assertTrue(new String(StudioPages.resource("studio.js"), StandardCharsets.UTF_8).contains("['live', 'Live']"),
                "every page's nav links to Live");
    }

    // ---- HTTP ----

    private JsonNode open() throws Exception {
        HttpResponse<String> r = post("/api/live", new byte[0]);
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static byte[] pcm(float[] int16Values) {
        ByteBuffer b = ByteBuffer.allocate(int16Values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : int16Values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    private HttpResponse<String> post(String path, byte[] body) throws Exception {
        return new StudioClient(studio).postBytes(path, body);
    }

    private HttpResponse<String> delete(String path) throws Exception {
        return new StudioClient(studio).delete(path);
    }

    /**
     * The reply to a post that declares {@code length} bytes and sends none of them: the server must refuse on the
     * declared length alone (a client still writing a refused body would see its connection reset instead).
     */
    private String declaredOnly(String path, long length) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", studio.port())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + studio.port() + "\r\n"
                    + AccessGuard.HEADER + ": " + studio.token() + "\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
