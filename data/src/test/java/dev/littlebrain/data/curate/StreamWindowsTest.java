package dev.littlebrain.data.curate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.data.streams.StreamSynthesizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StreamWindowsTest {
    private static final List<String> KEYWORDS = List.of("yes", "no");
    private static final String UNKNOWN = KwsCurationOptions.UNKNOWN;
    private static final String NOISE = KwsCurationOptions.NOISE;

    private static StreamSynthesizer.Word word(String label, long start, long end) {
        return new StreamSynthesizer.Word("s.wav", start, end, label, null, 10);
    }

    @Test
    void aWindowIsLabelledByTheWordsWhollyInsideIt() {
        List<StreamSynthesizer.Word> words = List.of(word("yes", 100, 300), word("cat", 500, 700),
                word("no", 1200, 1400), word("go", 1450, 1600));
        assertEquals("yes", StreamWindows.label(words, 0, 400, KEYWORDS, UNKNOWN, NOISE));
        assertEquals(UNKNOWN, StreamWindows.label(words, 400, 800, KEYWORDS, UNKNOWN, NOISE));
        assertEquals(NOISE, StreamWindows.label(words, 800, 1150, KEYWORDS, UNKNOWN, NOISE));
        assertEquals(NOISE, StreamWindows.label(words, 300, 500, KEYWORDS, UNKNOWN, NOISE), "ends touch, no overlap");
        assertNull(StreamWindows.label(words, 200, 600, KEYWORDS, UNKNOWN, NOISE), "the keyword is cut");
        assertNull(StreamWindows.label(words, 600, 1000, KEYWORDS, UNKNOWN, NOISE), "the other word is cut");
        assertNull(StreamWindows.label(words, 0, 800, KEYWORDS, UNKNOWN, NOISE), "a keyword beside another word");
        assertNull(StreamWindows.label(words, 1100, 1700, KEYWORDS, UNKNOWN, NOISE), "a keyword beside 'go'");
        assertEquals(UNKNOWN, StreamWindows.label(List.of(word("cat", 0, 100), word("dog", 200, 300)), 0, 400,
                KEYWORDS, UNKNOWN, NOISE), "several other words");
        assertNull(StreamWindows.label(List.of(word("yes", 0, 100), word("no", 200, 300)), 0, 400, KEYWORDS, UNKNOWN,
                NOISE), "two keywords");
    }

    /** A recorded clip's second is mostly room: the window is labelled by the speech inside it, not by the clip. */
    @Test
    void theSpeechOfARecordedClipDecidesNotItsSecond() {
        List<StreamSynthesizer.Word> words = List.of(
                new StreamSynthesizer.Word("s.wav", 1000, 2000, "no", null, 10, 1400, 1700),
                new StreamSynthesizer.Word("s.wav", 2500, 3500, "down", null, 10, 2900, 3200));
        assertEquals("no", StreamWindows.label(words, 1250, 2250, KEYWORDS, UNKNOWN, NOISE),
                "the clip is cut, its speech is whole");
        assertEquals(UNKNOWN, StreamWindows.label(words, 2750, 3750, KEYWORDS, UNKNOWN, NOISE));
        assertEquals(NOISE, StreamWindows.label(words, 1800, 2800, KEYWORDS, UNKNOWN, NOISE),
                "two clips' rooms and neither word");
        assertNull(StreamWindows.label(words, 1500, 2500, KEYWORDS, UNKNOWN, NOISE), "the keyword's speech is cut");
        assertNull(StreamWindows.label(words, 1300, 3300, KEYWORDS, UNKNOWN, NOISE), "a keyword beside another word");
    }

    @Test
    void keepsEveryKeywordWindowAndCapsTheOthers() {
        // One 8 000-sample stream, windows of 1 000 every 250: a keyword, a long gap, another word, a long gap.
        float[] audio = new float[8000];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = i;
        }
        List<StreamSynthesizer.Word> words = List.of(word("yes", 1100, 1400), word("cat", 5100, 5400));
        StreamSynthesizer.Stream stream = new StreamSynthesizer.Stream("s.wav", audio, words);
        List<StreamWindows.Window> all = StreamWindows.cut(List.of(stream), KEYWORDS, 1000, 250, UNKNOWN, NOISE,
                new Random(1));
        Map<String, Long> counts = all.stream().collect(Collectors.groupingBy(StreamWindows.Window::label,
                Collectors.counting()));
        // "yes" is wholly inside the windows starting at 500, 750, 1000; "cat" in those at 4500, 4750, 5000.
        assertEquals(3L, counts.get("yes"));
        assertEquals(3L, counts.get(UNKNOWN), "as many other-word windows as keyword windows, here all of them");
        assertEquals(0L, counts.getOrDefault(NOISE, 0L), "a quarter of 3 rounds down to none");
        for (StreamWindows.Window w : all) {
            float[] samples = w.audio(1000);
            assertEquals(w.start(), (int) samples[0], "the window's samples are the stream's from its start");
            assertArrayEquals(java.util.Arrays.copyOfRange(audio, w.start(), w.start() + 1000), samples);
        }

        // With many keyword windows, noise windows are capped at a quarter of them.
        List<StreamSynthesizer.Stream> many = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            many.add(new StreamSynthesizer.Stream("s" + k + ".wav", new float[16000],
                    List.of(word("no", 1100, 1300), word("cat", 9100, 9300))));
        }
        Map<String, Long> capped = StreamWindows.cut(many, KEYWORDS, 1000, 250, UNKNOWN, NOISE, new Random(2))
                .stream().collect(Collectors.groupingBy(StreamWindows.Window::label, Collectors.counting()));
        assertEquals(24L, capped.get("no"), "3 windows hold each 'no' wholly");
        assertEquals(24L, capped.get(UNKNOWN));
        assertEquals(6L, capped.get(NOISE), "a quarter of the keyword windows, of the many noise-only ones");
        assertEquals(54L, capped.values().stream().mapToLong(Long::longValue).sum());
    }
}
