package dev.littlebrain.impulse.audio;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A WAV recording played into the live pipeline as if a microphone produced it: converted to the
 * model's rate and to mono, delivered either as fast as it is asked for or paced at real time.
 */
public final class WavReplaySource implements AudioSource {
    private final float[] samples;
    private final int sampleRate;
    private final boolean realTime;
    private final String description;
    private int position;
    private long startNanos = -1;

    private WavReplaySource(float[] samples, int sampleRate, boolean realTime, String description) {
        this.samples = samples;
        this.sampleRate = sampleRate;
        this.realTime = realTime;
        this.description = description;
    }

    /** The recording at {@code file}, resampled to {@code sampleRate} and downmixed when it differs. */
    public static WavReplaySource open(Path file, int sampleRate, boolean realTime) throws IOException {
        float[] values = AudioFiles.read(file, sampleRate).toInt16Values();
        return new WavReplaySource(values, sampleRate, realTime, file + (realTime ? " (replayed in real time)"
                : " (replayed)"));
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int read(float[] buffer) throws IOException {
        if (position >= samples.length) {
            return -1;
        }
        int n = Math.min(buffer.length, samples.length - position);
        if (realTime) {
            waitUntilPlayed(position + n);
        }
        System.arraycopy(samples, position, buffer, 0, n);
        position += n;
        return n;
    }

    /** Sleeps until a microphone would have delivered {@code sampleCount} samples since the first read. */
    private void waitUntilPlayed(long sampleCount) throws IOException {
        if (startNanos < 0) {
            startNanos = System.nanoTime();
        }
        long due = startNanos + sampleCount * 1_000_000_000L / sampleRate;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("replay interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        position = samples.length;
    }
}
