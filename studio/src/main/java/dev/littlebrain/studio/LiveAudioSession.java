package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.littlebrain.impulse.Classification;
import dev.littlebrain.impulse.Classifier;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.runtime.stream.Detection;
import dev.littlebrain.runtime.stream.ScoredSlice;
import dev.littlebrain.runtime.stream.StreamingClassifier;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A browser's live audio stream: the project's streaming classifier (the same slicing, averaging, thresholds and
 * suppression as {@code listen} and the generated C) fed with the chunks of 16-bit PCM the page sends, each answered
 * with the slices it completed. A session holds its own interpreter; chunks of one session are taken one at a time.
 */
final class LiveAudioSession implements LiveSession {
    /** A chunk longer than this is not a live chunk (the page sends about 100 ms). */
    private static final int MAX_CHUNK_SECONDS = 10;

    private final StreamingClassifier stream;
    private final ContinuousConfig config;
    private final List<ScoredSlice> completed = new ArrayList<>();
    private long samplesReceived;

    LiveAudioSession(Classifier classifier, ContinuousConfig config) {
        this.config = config;
        this.stream = classifier.continuous(config).onScores(completed::add);
    }

    /** The largest chunk taken: {@value #MAX_CHUNK_SECONDS} s of audio. */
    long maxChunkBytes() {
        return config.sampleRate() * 2L * MAX_CHUNK_SECONDS;
    }

    /** One model run: the averaged scores per label at the end of its slice, and the detection it made, if any. */
    @JsonPropertyOrder({"time_ms", "scores", "detection"})
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Slice(@JsonProperty("time_ms") long timeMs, Map<String, Float> scores,
            Optional<Classification.Detected> detection) {
    }

    /** What one chunk completed, and how much audio the session has received in all. */
    @JsonPropertyOrder({"received_ms", "slices"})
    record ChunkResult(@JsonProperty("received_ms") long receivedMs, List<Slice> slices) {
    }

    /**
     * Classifies one chunk of little-endian 16-bit mono PCM at the impulse's rate (the values the DSP blocks take,
     * as {@code listen} reads a microphone).
     *
     * @throws StudioException 400 when the chunk is empty or not whole 16-bit samples
     */
    synchronized ChunkResult accept(byte[] pcm) {
        if (pcm.length == 0 || pcm.length % 2 != 0) {
            throw StudioException.badRequest("a chunk is 16-bit mono PCM at " + config.sampleRate()
                    + " Hz: a positive, even number of bytes, got " + pcm.length);
        }
        float[] samples = new float[pcm.length / 2];
        ByteBuffer le = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = le.getShort();
        }
        samplesReceived += samples.length;
        completed.clear();
        List<Detection> detections = stream.accept(samples);
        List<Slice> slices = new ArrayList<>(completed.size());
        for (ScoredSlice s : completed) {
            // A detection is stamped with the end of the slice whose averaged scores made it.
            Optional<Classification.Detected> fired = detections.stream().filter(d -> d.timeMs() == s.timeMs())
                    .findFirst().map(Classification.Detected::of);
            slices.add(new Slice(s.timeMs(), byLabel(s.averaged()), fired));
        }
        return new ChunkResult(samplesReceived * 1000 / config.sampleRate(), slices);
    }

    private Map<String, Float> byLabel(float[] scores) {
        Map<String, Float> m = new LinkedHashMap<>();
        for (int c = 0; c < scores.length; c++) {
            m.put(config.labels().get(c), scores[c]);
        }
        return m;
    }
}
