package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.littlebrain.dsp.io.SignalFormatException;
import dev.littlebrain.impulse.Classifier;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Live classification: the browser's microphone through the project's streaming classifier (its int8 model in the
 * bit-exact runtime, its {@code continuous:} settings), or a sensor recording replayed window by window. The page
 * posts a chunk and reads the slices it completed in the reply, so no second channel is needed.
 *
 * <pre>
 * GET    /live                          the page
 * POST   /api/live                      opens a session → 201 {id, input, sample_rate, slice_ms, labels, ...}
 * POST   /api/live/{id}/audio           raw 16-bit little-endian mono PCM at the impulse's rate
 *                                       → {received_ms, slices: [{time_ms, scores: {label: score}, detection?}]}
 * POST   /api/live/{id}/recording?name=walk.csv   a sensor recording (.csv or Edge Impulse .json)
 *                                       → {duration_ms, windows: [{time_ms, end_ms, label, scores}]}
 * DELETE /api/live/{id}                 closes it (idle sessions expire on their own)
 * </pre>
 */
final class LiveApi {
    private static final long MAX_RECORDING_BYTES = 16L * 1024 * 1024;
    /** The page sends a chunk every 100 ms while it runs: a minute of silence means the tab is gone. */
    static final Duration IDLE = Duration.ofSeconds(60);
    /** Each session holds an interpreter and its arena; a few tabs at once is plenty for one person. */
    static final int MAX_SESSIONS = 4;
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9._ -]{1,100}");

    private final Path projectDir;
    private final LiveSessions<LiveSession> sessions;

    LiveApi(Path projectDir) {
        this.projectDir = projectDir;
        this.sessions = new LiveSessions<>(IDLE, MAX_SESSIONS, System::nanoTime);
    }

    /** What the page needs to run a session: its id and the impulse's stream settings. */
    @JsonPropertyOrder({"id", "input", "sample_rate", "window_ms", "slice_ms", "labels", "average", "threshold",
            "thresholds", "suppression_ms", "silent_labels", "max_chunk_bytes", "idle_timeout_s"})
    record Opened(String id, String input, @JsonProperty("sample_rate") double sampleRate,
            @JsonProperty("window_ms") int windowMs, @JsonProperty("slice_ms") double sliceMs, List<String> labels,
            int average, float threshold, Map<String, Float> thresholds,
            @JsonProperty("suppression_ms") long suppressionMs, @JsonProperty("silent_labels") List<String> silentLabels,
            @JsonProperty("max_chunk_bytes") long maxChunkBytes, @JsonProperty("idle_timeout_s") long idleTimeoutS) {
    }

    void register(RouteTable routes) {
        routes.post("/api/live", ex -> ex.json(201, open()))
                .post("/api/live/{id}/audio", ex -> {
                    LiveAudioSession audio = audioSession(ex.parameter("id"));
                    ex.json(audio.accept(ex.body(audio.maxChunkBytes())));
                })
                .post("/api/live/{id}/recording", ex -> {
                    LiveSensorSession sensor = sensorSession(ex.parameter("id"));
                    String name = recordingName(ex.query("name").orElse(""));
                    ex.json(replay(sensor, name, ex.body(MAX_RECORDING_BYTES)));
                })
                .delete("/api/live/{id}", ex -> {
                    String id = ex.parameter("id");
                    if (!sessions.close(id)) {
                        throw unknown(id);
                    }
                    ex.json(Map.of("closed", id));
                });
    }

    private Opened open() throws IOException {
        Project project = Project.open(projectDir);
        Path model = project.layout().int8Model();
        if (!Files.isRegularFile(model)) {
            throw StudioException.conflict("the project has no int8 model yet (" + model.getFileName()
                    + "): train it on the Training page first");
        }
        ImpulseConfig.Input input = project.impulse().input();
        Classifier classifier;
        ContinuousConfig config;
        try {
            classifier = project.classifier();
            config = project.continuousConfig();
        } catch (IllegalArgumentException e) {
            throw StudioException.conflict(e.getMessage());
        }
        boolean audio = input.modality().isAudio();
        LiveSession session = audio ? new LiveAudioSession(classifier, config)
                : new LiveSensorSession(classifier, input, config.sliceSamples());
        String id = sessions.open(session);
        long maxUpload = session instanceof LiveAudioSession a ? a.maxChunkBytes() : MAX_RECORDING_BYTES;
        return new Opened(id, input.type(), input.frequencyHz(), input.windowMs(),
                config.sliceSamples() * 1000.0 / input.frequencyHz(), config.labels(), config.averagedWindows(),
                config.threshold(), config.keywordThresholds(), config.suppressionMs(),
                config.labels().stream().filter(config.silentLabels()::contains).toList(),
                maxUpload, sessions.idle().toSeconds());
    }

    private LiveSession session(String id) {
        return sessions.use(id).orElseThrow(() -> unknown(id));
    }

    private LiveAudioSession audioSession(String id) {
        if (session(id) instanceof LiveAudioSession audio) {
            return audio;
        }
        throw StudioException.conflict("live session " + id + " replays sensor recordings: post one to /api/live/"
                + id + "/recording");
    }

    private LiveSensorSession sensorSession(String id) {
        if (session(id) instanceof LiveSensorSession sensor) {
            return sensor;
        }
        throw StudioException.conflict("live session " + id + " classifies audio: post PCM chunks to /api/live/"
                + id + "/audio");
    }

    private static StudioException unknown(String id) {
        return StudioException.notFound("no live session " + id + " (closed, or idle for over "
                + IDLE.toSeconds() + " s): start again");
    }

    /** The upload's own file name, which the readers go by (.csv or .json) and errors name. */
    private static String recordingName(String given) {
        String name = given.strip();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!PLAIN_NAME.matcher(name).matches() || name.startsWith(".")
                || !(lower.endsWith(".csv") || lower.endsWith(".json"))) {
            throw StudioException.badRequest("name the recording: ?name=FILE.csv or ?name=FILE.json (letters, digits,"
                    + " '.', '_', '-' and spaces), got '" + given + "'");
        }
        return name;
    }

    /** The upload, written to a temporary folder under its own name for the recording readers, then removed. */
    private static LiveSensorSession.Replay replay(LiveSensorSession sensor, String name, byte[] body)
            throws IOException {
        Path dir = Files.createTempDirectory("littlebrain-live");
        Path file = dir.resolve(name);
        try {
            Files.write(file, body);
            return sensor.replay(file);
        } catch (IllegalArgumentException | SignalFormatException e) {
            throw StudioException.badRequest(e.getMessage().replace(file.toString(), name));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
