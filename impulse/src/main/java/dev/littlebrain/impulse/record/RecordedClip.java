package dev.littlebrain.impulse.record;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.littlebrain.dsp.speech.WordDetector;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A clip of one's own voice written by {@code data record}: its label and file, where the word was in the source
 * (ms), and which source (the microphone or a replayed file).
 */
@JsonPropertyOrder({"label", "file", "source", "onset_ms", "end_ms"})
public record RecordedClip(String label, Path file, String source,
        @JsonProperty("onset_ms") long onsetMs, @JsonProperty("end_ms") long endMs) {

    /** Cuts the window around {@code word} out of {@code audio} and writes it as the next clip of {@code label}. */
    public static RecordedClip keep(String label, WordDetector.Word word, float[] audio, int rate, int window,
            String source, ClipFolder folder) throws IOException {
        int start = WordWindow.start(audio, word, window);
        Path file = folder.write(label, WordWindow.cut(audio, start, window));
        return new RecordedClip(label, file, source, word.onset() * 1000L / rate, word.end() * 1000L / rate);
    }
}
