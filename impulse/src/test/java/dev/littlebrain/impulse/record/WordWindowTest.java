package dev.littlebrain.impulse.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.dsp.speech.RoomNoise;
import dev.littlebrain.dsp.speech.WordDetector;
import org.junit.jupiter.api.Test;

class WordWindowTest {
    private static final int RATE = 16000;

    private static float[] room(double seconds, double sigma, long seed) {
        return RoomNoise.of(RATE, seconds, sigma, seed);
    }

    /** A 180 Hz voice from {@code at} for {@code seconds} with 30 ms ramps at both ends. */
    private static void say(float[] x, double at, double seconds, double amplitude) {
        int start = (int) (at * RATE);
        int n = (int) (seconds * RATE);
        int ramp = (int) (0.03 * RATE);
        for (int t = 0; t < n; t++) {
            double envelope = Math.min(1, Math.min(t, n - t) / (double) ramp);
            x[start + t] += (float) (amplitude * envelope * Math.sin(2 * Math.PI * 180 * t / RATE));
        }
    }

    @Test
    void windowCentresAShortWordAndKeepsTheLoudestPartOfALongOne() {
        float[] x = room(5, 40, 5);
        say(x, 1.0, 0.4, 4000);
        WordDetector.Word shortWord = new WordDetector(RATE).find(x).get(0);
        int start = WordWindow.start(x, shortWord, RATE);
        assertEquals(shortWord.centre() - RATE / 2, start);
        float[] cut = WordWindow.cut(x, -100, RATE);
        assertEquals(0f, cut[99]);
        assertEquals(x[0], cut[100]);

        float[] y = room(5, 40, 6);
        say(y, 1.0, 2.0, 1000);
        say(y, 2.5, 0.3, 8000); // the loud part of a 2 s noise
        WordDetector.Word longWord = new WordDetector(RATE).find(y).get(0);
        int s = WordWindow.start(y, longWord, RATE);
        assertTrue(s <= (int) (2.5 * RATE) && s + RATE >= (int) (2.8 * RATE), "window " + s + " holds 2.5-2.8 s");
    }
}
