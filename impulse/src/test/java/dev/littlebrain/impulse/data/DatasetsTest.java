package dev.littlebrain.impulse.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.data.Split;
import dev.littlebrain.data.streams.StreamOptions;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavEncoding;
import dev.littlebrain.dsp.io.WavWriter;
import dev.littlebrain.impulse.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset services that need no project: a dataset described, test streams built from one. */
class DatasetsTest {
    private static final int RATE = 16000;
    private static final List<String> WORDS = List.of("yes", "no", "cat");
    private static final int SPEAKERS = 6;

    @TempDir
    Path tmp;

    @Test
    void aDatasetFolderIsDescribedByClassAndSplit() throws IOException {
        Path dataset = speechCommandsLayout();
        DatasetDescription d = Datasets.describe(dataset, Progress.NONE);
        assertEquals(WORDS.size() * SPEAKERS, d.stats().totalSamples());
        assertEquals(List.of(), d.skipped());
        for (var row : d.stats().rows()) {
            assertEquals(SPEAKERS, row.total(), row.label());
            assertEquals(2, row.validation(), "the two speakers validation_list.txt names: " + row.label());
        }
    }

    @Test
    void streamsCountTheWordsTheirGroundTruthLists() throws IOException {
        Path dataset = speechCommandsLayout();
        Path out = tmp.resolve("streams");
        StreamOptions options = new StreamOptions(List.of("yes", "no"), Split.VALIDATION, 2, 6, 0.7, 4, 25, RATE, 3);
        StreamsSummary s = Datasets.writeStreams(dataset, options, Optional.empty(), out, Progress.NONE);
        List<String[]> truth = Files.readAllLines(s.groundTruth()).stream().skip(1).map(l -> l.split(",")).toList();
        assertEquals(out.resolve("streams.csv"), s.groundTruth());
        assertEquals(2, s.streams());
        assertEquals(truth.size(), s.words());
        assertEquals(truth.stream().filter(t -> !t[3].equals("cat")).count(), s.keywordWords());
        assertTrue(s.words() > 0, "words were placed");
        for (String[] t : truth) {
            assertTrue(Files.isRegularFile(out.resolve(t[0])), "streams.csv names its streams in its folder: " + t[0]);
        }
    }

    /**
     * Speech Commands' layout: a folder per word with {@code <speaker>_nohash_0.wav} clips (a tone per word and
     * speaker), validation_list.txt naming the first two speakers' clips, and a background recording.
     */
    private Path speechCommandsLayout() throws IOException {
        Path dataset = tmp.resolve("dataset");
        List<String> validation = new ArrayList<>();
        for (int w = 0; w < WORDS.size(); w++) {
            Path folder = Files.createDirectories(dataset.resolve(WORDS.get(w)));
            for (int speaker = 0; speaker < SPEAKERS; speaker++) {
                float[] audio = new float[RATE];
                double hz = 300 + 200 * w + 15 * speaker;
                for (int i = RATE / 4; i < 3 * RATE / 4; i++) {
                    audio[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / RATE));
                }
                String name = String.format("%08x_nohash_0.wav", 0xa000 + speaker);
                WavWriter.write(folder.resolve(name), Signal.mono(RATE, audio), WavEncoding.PCM_S16);
                if (speaker < 2) {
                    validation.add(WORDS.get(w) + "/" + name);
                }
            }
        }
        Files.write(dataset.resolve("validation_list.txt"), validation);
        Files.write(dataset.resolve("testing_list.txt"), List.of());
        float[] noise = new float[10 * RATE];
        Random random = new Random(5);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.05 * random.nextGaussian());
        }
        WavWriter.write(Files.createDirectories(dataset.resolve("_background_noise_")).resolve("hiss.wav"),
                Signal.mono(RATE, noise), WavEncoding.PCM_S16);
        return dataset;
    }
}
