package dev.littlebrain.dsp.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordDetectorTest {
    private static final int RATE = 16000;

    private static float[] room(double seconds, double sigma, long seed) {
        return RoomNoise.of(RATE, seconds, sigma, seed);
    }

    /**
     * A word-like sound from {@code at} for {@code seconds}: a 180 Hz voice with harmonics under a syllable envelope
     * that rises over 30 ms (a soft onset) and falls over 60 ms; a gap of silence at {@code gapAt} for
     * {@code gapSeconds} (a stop consonant) when gapSeconds > 0.
     */
    private static void say(float[] x, double at, double seconds, double amplitude, double gapAt, double gapSeconds) {
        int start = (int) (at * RATE);
        int n = (int) (seconds * RATE);
        for (int i = 0; i < n; i++) {
            double t = i / (double) RATE;
            if (gapSeconds > 0 && t >= gapAt && t < gapAt + gapSeconds) {
                continue;
            }
            double env = Math.min(1, Math.min(t / 0.03, (seconds - t) / 0.06));
            double v = 0;
            for (int h = 1; h <= 5; h++) {
                v += Math.sin(2 * Math.PI * 180 * h * t) / h;
            }
            x[start + i] += (float) (amplitude * env * v);
        }
    }

    @Test
    void findsEachWordWithItsOnsetAndEnd() {
        float[] x = room(8, 40, 1);
        double[][] words = {{1.0, 0.45}, {3.2, 0.6}, {5.5, 0.35}};
        for (double[] w : words) {
            say(x, w[0], w[1], 4000, 0, 0);
        }
        List<WordDetector.Word> found = new WordDetector(RATE).find(x);
        assertEquals(words.length, found.size(), found.toString());
        for (int i = 0; i < words.length; i++) {
            double onset = found.get(i).onset() / (double) RATE;
            double end = found.get(i).end() / (double) RATE;
            assertEquals(words[i][0], onset, 0.03, "onset of word " + i + ": " + found);
            assertEquals(words[i][0] + words[i][1], end, 0.06, "end of word " + i + ": " + found);
        }
    }

    @Test
    void aQuietWordInANoisyRoomIsMeasuredAgainstThatRoom() {
        float[] x = room(6, 600, 2); // a loud room: ~56 dB of int16
        say(x, 2.0, 0.5, 9000, 0, 0);  // about 20 dB above it
        List<WordDetector.Word> found = new WordDetector(RATE).find(x);
        assertEquals(1, found.size(), found.toString());
        assertEquals(2.0, found.get(0).onset() / (double) RATE, 0.05);
    }

    @Test
    void aPauseInsideAWordDoesNotSplitIt() {
        float[] x = room(4, 40, 3);
        say(x, 1.0, 0.7, 4000, 0.3, 0.12); // "six": a stop consonant's silence in the middle
        List<WordDetector.Word> found = new WordDetector(RATE).find(x);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).length() > 0.6 * RATE, found.toString());
    }

    @Test
    void roomNoiseAloneHasNoWords() {
        assertEquals(List.of(), new WordDetector(RATE).find(room(3, 300, 4)));
        assertEquals(List.of(), new WordDetector(RATE).find(new float[RATE * 2]));
        assertEquals(List.of(), new WordDetector(RATE).find(new float[10]));
    }
}
