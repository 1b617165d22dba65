package dev.littlebrain.impulse.record;

import dev.littlebrain.dsp.speech.WordDetector;

/**
 * Cuts the project's window around a detected word: the word centred, with the recording's own sound around it (the
 * room the model will hear, not digital silence), zeros only beyond the recording's ends. A word longer than the
 * window — two words run together, or a long noise — keeps its loudest window-long stretch.
 */
public final class WordWindow {
    private WordWindow() {
    }

    /** Start (in samples of {@code samples}, may be negative) of the window that holds {@code word}. */
    public static int start(float[] samples, WordDetector.Word word, int window) {
        if (word.length() <= window) {
            return word.centre() - window / 2;
        }
        return loudestStart(samples, word, window);
    }

    /** The window starting at {@code start}, zero where it reaches past the recording. */
    public static float[] cut(float[] samples, int start, int window) {
        float[] out = new float[window];
        for (int i = 0; i < window; i++) {
            int from = start + i;
            if (from >= 0 && from < samples.length) {
                out[i] = samples[from];
            }
        }
        return out;
    }

    /** The start of the window-long stretch of {@code word} with the most energy (a running sum, one pass). */
    private static int loudestStart(float[] samples, WordDetector.Word word, int window) {
        double sum = 0;
        for (int i = word.onset(); i < word.onset() + window; i++) {
            sum += (double) samples[i] * samples[i];
        }
        double best = sum;
        int bestStart = word.onset();
        for (int s = word.onset() + 1; s + window <= word.end(); s++) {
            sum += (double) samples[s + window - 1] * samples[s + window - 1]
                    - (double) samples[s - 1] * samples[s - 1];
            if (sum > best) {
                best = sum;
                bestStart = s;
            }
        }
        return bestStart;
    }
}
