package dev.littlebrain.impulse.audio;

import java.io.IOException;

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

    @Override
    void close() throws IOException;
}
