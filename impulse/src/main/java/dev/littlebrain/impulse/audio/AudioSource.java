package dev.littlebrain.impulse.audio;

import java.io.IOException;
import java.util.Arrays;

/**
 * Mono audio arriving over time, as int16 sample values (the scale Edge Impulse's DSP blocks take):
 * a microphone, or a recording replayed as if it were one.
 */
public interface AudioSource extends AutoCloseable {

    /** Samples per second. */
    int sampleRate();

    /** Where the audio comes from, for the user. */
    String description();

    /**
     * Fills {@code buffer} from the start with the next samples, blocking until some are there;
     * returns how many were written, or -1 when the source has ended.
     */
    int read(float[] buffer) throws IOException;

    /** Exactly {@code n} samples, read a tenth of a second at a time; fewer only when the source ends first. */
    default float[] readFully(int n) throws IOException {
        float[] audio = new float[n];
        float[] buffer = new float[Math.min(n, sampleRate() / 10)];
        int have = 0;
        while (have < n) {
            float[] chunk = n - have >= buffer.length ? buffer : new float[n - have];
            int got = read(chunk);
            if (got < 0) {
                return Arrays.copyOf(audio, have);
            }
            System.arraycopy(chunk, 0, audio, have, got);
            have += got;
        }
        return audio;
    }

    @Override
    void close() throws IOException;
}
