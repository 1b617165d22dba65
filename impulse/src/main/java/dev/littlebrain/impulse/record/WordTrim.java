package dev.littlebrain.impulse.record;

import dev.littlebrain.dsp.speech.WordDetector;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A recording trimmed to its word, as {@code data record} trims each microphone take: the longest word the
 * {@link WordDetector} hears, with the project's window cut around it by {@link WordWindow}. The studio trims the
 * browser's recordings with it, so a clip recorded there is the clip the command line would have kept.
 *
 * @param window    the window's samples (int16 scale), exactly the project's window long
 * @param word      where the word was in the recording
 * @param start     where the window starts in the recording (negative: it reaches before the recording)
 */
public record WordTrim(float[] window, WordDetector.Word word, int start) {

    /** The window around the longest word of {@code audio} (int16 scale); empty when no word is heard. */
    public static Optional<WordTrim> of(float[] audio, int sampleRate, int windowSamples) {
        List<WordDetector.Word> words = new WordDetector(sampleRate).find(audio);
        return words.stream().max(Comparator.comparingInt(WordDetector.Word::length)).map(word -> {
            int start = WordWindow.start(audio, word, windowSamples);
            return new WordTrim(WordWindow.cut(audio, start, windowSamples), word, start);
        });
    }
}
