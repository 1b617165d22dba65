package dev.littlebrain.data;

import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavEncoding;
import dev.littlebrain.dsp.io.WavWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/** Small synthetic WAV files for tests. */
public final class TestClips {
    private TestClips() {
    }

    /** A mono 16-bit tone burst of {@code frames} samples, different for every seed. */
    public static Path tone(Path file, int rate, int frames, long seed) throws IOException {
        Random r = new Random(seed);
        double hz = 200 + r.nextInt(2000);
        float[] s = new float[frames];
        for (int i = 0; i < frames; i++) {
            s[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        WavWriter.write(file, Signal.mono(rate, s), WavEncoding.PCM_S16);
        return file;
    }

    /** White noise, mono 16-bit. */
    public static Path noise(Path file, int rate, int frames, long seed) throws IOException {
        Random r = new Random(seed);
        float[] s = new float[frames];
        for (int i = 0; i < frames; i++) {
            s[i] = (float) (r.nextGaussian() * 0.05);
        }
        WavWriter.write(file, Signal.mono(rate, s), WavEncoding.PCM_S16);
        return file;
    }

    /** A stereo 16-bit file. */
    public static Path stereo(Path file, int rate, int frames) throws IOException {
        float[] s = new float[frames * 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.2 * Math.sin(i * 0.05));
        }
        WavWriter.write(file, new Signal(rate, 2, s), WavEncoding.PCM_S16);
        return file;
    }
}
