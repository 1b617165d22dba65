package dev.littlebrain.impulse.audio;

import dev.littlebrain.dsp.io.AudioRequirement;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavReader;
import java.io.IOException;
import java.nio.file.Path;

/** A WAV recording as a classifier takes it: mono, at the impulse's rate where it has one. */
public final class AudioFiles {
    private AudioFiles() {
    }

    /** The recording at {@code file}, downmixed to mono at its own rate. */
    public static Signal read(Path file) throws IOException {
        return WavReader.read(file).signal().toMono();
    }

    /**
     * The recording at {@code file}, resampled to {@code sampleRate} and downmixed when it differs, as a microphone at
     * that rate would have heard it.
     */
    public static Signal read(Path file, int sampleRate) throws IOException {
        return WavReader.read(file, AudioRequirement.converting(sampleRate));
    }
}
