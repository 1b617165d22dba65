package dev.littlebrain.deploy.dsp;

import dev.littlebrain.dsp.io.WavReader;
import dev.littlebrain.tflite.SharedFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * One-second 16 kHz test clips as int16 sample values: the six audio inputs of
 * {@code ../shared/dsp-reference} (speech, tap noise, quiet and clipping-loud chirps) and the first
 * clip of four espeak-kws keywords. Skips the test with a printed reason when {@code ../shared} is absent.
 */
public final class AudioInputs {
    public static final int RATE = 16000;
    public static final int WINDOW = 16000;

    private AudioInputs() {
    }

    public record Clip(String name, float[] samples) {
    }

    public static List<Clip> clips() throws IOException {
        List<Clip> clips = new ArrayList<>();
        Path reference = SharedFolder.require("dsp-reference").resolve("inputs");
        for (String name : List.of("kw_yes", "kw_stop", "unk_marvin", "noise_running_tap", "chirp_100_7000",
                "chirp_100_7000_loud")) {
            clips.add(new Clip(name, read(reference.resolve(name + ".wav"))));
        }
        Path kws = SharedFolder.require("datasets/espeak-kws");
        for (String word : List.of("yes", "no", "up", "go")) {
            Path first;
            try (Stream<Path> s = Files.list(kws.resolve(word))) {
                first = s.filter(p -> p.toString().endsWith(".wav")).sorted().findFirst().orElseThrow();
            }
            clips.add(new Clip(word + "/" + first.getFileName(), read(first)));
        }
        clips.add(new Clip("lsb_silence", lsbSilence()));
        return clips;
    }

    /**
     * Digital silence with one LSB of noise, as real recordings have (a Speech Commands clip whose silent frames
     * hold a single -1 sample found the integer FFT treating such frames as empty): frames of zeros with a lone
     * -1 or +1, frames of zeros and -1s only, and frames of exact zeros.
     */
    static float[] lsbSilence() {
        float[] x = new float[WINDOW];
        java.util.Random random = new java.util.Random(20);
        for (int i = 0; i < WINDOW; i++) {
            if (i < WINDOW / 4) {
                x[i] = i % 997 == 400 ? -1 : i % 1499 == 900 ? 1 : 0;
            } else if (i < WINDOW / 2) {
                x[i] = random.nextInt(8) == 0 ? -1 : 0;
            } else if (i >= 3 * WINDOW / 4) {
                x[i] = random.nextInt(3) - 1;
            }
        }
        return x;
    }

    /** All clips one after another, as one continuous stream. */
    public static float[] concatenated(List<Clip> clips) {
        float[] all = new float[clips.size() * WINDOW];
        for (int i = 0; i < clips.size(); i++) {
            System.arraycopy(clips.get(i).samples(), 0, all, i * WINDOW, WINDOW);
        }
        return all;
    }

    public static float[] read(Path wav) {
        try {
            var signal = WavReader.read(wav).signal().toMono();
            if (signal.sampleRate() != RATE) {
                throw new IllegalStateException(wav + " is not " + RATE + " Hz");
            }
            // Exactly one window: zero-padded or cut, as the project's windows are.
            return Arrays.copyOf(signal.toInt16Values(), WINDOW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
