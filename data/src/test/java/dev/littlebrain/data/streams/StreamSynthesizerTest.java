package dev.littlebrain.data.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.DatasetException;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.TestClips;
import dev.littlebrain.data.importer.SpeechCommandsImporter;
import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavEncoding;
import dev.littlebrain.dsp.io.WavReader;
import dev.littlebrain.dsp.io.WavWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamSynthesizerTest {
    static final int RATE = 16000;
    static final List<String> WORDS = List.of("on", "off", "cat", "dog");

    @TempDir
    Path dir;
    private Path source;
    private Dataset dataset;
    /** Length of each clip's burst, by file name: what the stream must contain once trimmed. */
    private final Map<String, Integer> burst = new HashMap<>();

    @BeforeEach
    void makeDataset() throws IOException {
        source = dir.resolve("src");
        Random random = new Random(5);
        for (String word : WORDS) {
            Files.createDirectories(source.resolve(word));
            for (int i = 0; i < 6; i++) {
                // 1 s clips as in Speech Commands: a 0.25-0.5 s burst at a random offset, exact zeros around it.
                float[] clip = new float[RATE];
                int length = RATE / 4 + random.nextInt(RATE / 4);
                int offset = random.nextInt(RATE - length);
                double f = 300 + 150 * WORDS.indexOf(word) + 20 * i;
                for (int t = 0; t < length; t++) {
                    clip[offset + t] = (float) ((0.1 + 0.05 * i) * Math.sin(2 * Math.PI * f * t / RATE)
                            + 0.01 * (random.nextDouble() - 0.5) + 1e-3);
                }
                String name = word + "/s" + i + "_nohash_0.wav";
                WavWriter.write(source.resolve(name), Signal.mono(RATE, clip), WavEncoding.PCM_S16);
                burst.put(name, length);
            }
        }
        Files.createDirectories(source.resolve("_background_noise_"));
        TestClips.noise(source.resolve("_background_noise_/white.wav"), RATE, RATE * 20, 7);
        TestClips.noise(source.resolve("_background_noise_/other.wav"), RATE, RATE * 20, 8);
        // Speakers s0-s1 validation, s2-s3 test, the rest training.
        Files.writeString(source.resolve("validation_list.txt"), list("s0", "s1"));
        Files.writeString(source.resolve("testing_list.txt"), list("s2", "s3"));
        dataset = SpeechCommandsImporter.importFrom(source, ProgressListener.NONE).dataset();
    }

    private static String list(String... speakers) {
        StringBuilder sb = new StringBuilder();
        for (String w : WORDS) {
            for (String s : speakers) {
                sb.append(w).append('/').append(s).append("_nohash_0.wav\n");
            }
        }
        return sb.toString();
    }

    private static StreamOptions options(long seed) {
        return new StreamOptions(List.of("on", "off"), Split.VALIDATION, 3, 10, 0.5, 5, 15, RATE, seed);
    }

    @Test
    void wordsOfTheSplitAtTheirPlacesWithTheChosenSnr() throws IOException {
        Path out = dir.resolve("streams");
        List<StreamSynthesizer.Word> words = StreamSynthesizer.write(dataset, options(3), out);
        assertTrue(words.size() >= 3 * 4, "a 10 s stream holds at least 4 words: " + words.size());
        List<String> csv = Files.readAllLines(out.resolve(StreamSynthesizer.GROUND_TRUTH));
        assertEquals("file,start_ms,end_ms,label", csv.get(0));
        assertEquals(words.size(), csv.size() - 1);
        List<String> detail = Files.readAllLines(out.resolve(StreamSynthesizer.DETAIL));
        assertEquals("file,start_ms,end_ms,label,speaker,snr_db", detail.get(0));
        int keywords = 0;
        for (int k = 0; k < words.size(); k++) {
            StreamSynthesizer.Word w = words.get(k);
            assertEquals(w.file() + "," + Math.round(w.start() / 16.0) + "," + Math.round(w.end() / 16.0) + ","
                    + w.label(), csv.get(k + 1));
            assertEquals(csv.get(k + 1) + "," + w.source().speakerId() + ","
                    + String.format(java.util.Locale.ROOT, "%.1f", w.snrDb()), detail.get(k + 1));
            assertTrue(w.snrDb() >= 5 && w.snrDb() <= 15, w.toString());
            assertEquals(Split.VALIDATION, w.source().split(), "only validation speakers: " + w);
            assertEquals(w.label(), w.source().label());
            String name = source.relativize(w.source().source()).toString().replace('\\', '/');
            assertEquals((long) burst.get(name), w.end() - w.start(), "the clip without its silence: " + name);
            assertEquals(w.start(), w.speechStart(), "a clip padded with zeros is all speech once trimmed");
            assertEquals(w.end(), w.speechEnd());
            keywords += List.of("on", "off").contains(w.label()) ? 1 : 0;
        }
        assertTrue(keywords > 0 && keywords < words.size(), "keywords and other words: " + keywords);

        for (String file : List.of("stream_01.wav", "stream_02.wav", "stream_03.wav")) {
            float[] audio = WavReader.read(out.resolve(file)).signal().toMono().interleaved();
            assertEquals(10 * RATE, audio.length);
            List<StreamSynthesizer.Word> in = words.stream().filter(w -> w.file().equals(file)).toList();
            assertTrue(in.get(0).start() >= 0.6 * RATE, "nothing in the first 0.6 s");
            assertTrue(in.get(in.size() - 1).end() <= 9.5 * RATE, "nothing in the last 0.5 s");
            for (int k = 1; k < in.size(); k++) {
                long gap = in.get(k).start() - in.get(k - 1).end();
                assertTrue(gap >= 0.8 * RATE - 1 && gap <= 1.8 * RATE + 1, "0.8-1.8 s between words: " + gap);
            }
            // The bed's power from the gaps, each word's excess power over it: the SNR drawn in 5..15 dB.
            double bed = 0;
            long bedSamples = 0;
            for (int k = 1; k < in.size(); k++) {
                bed += energy(audio, in.get(k - 1).end(), in.get(k).start());
                bedSamples += in.get(k).start() - in.get(k - 1).end();
            }
            double bedPower = bed / bedSamples;
            for (StreamSynthesizer.Word w : in) {
                double wordPower = energy(audio, w.start(), w.end()) / (w.end() - w.start());
                double snr = 10 * Math.log10((wordPower - bedPower) / bedPower);
                assertTrue(snr > 4 && snr < 16, file + " " + w + ": SNR " + snr);
            }
        }
    }

    /**
     * A recorded clip is a second of its room with the word somewhere in it: the clip's span is the ground truth,
     * the word's speech (found against the clip's own background) is where a window hears it. A clip padded with
     * exact zeros is trimmed to its speech, so there the two agree (checked above).
     */
    @Test
    void aRecordedClipsSpeechIsFoundInsideItsSecond() throws IOException {
        Path room = dir.resolve("room");
        Random random = new Random(9);
        Map<String, int[]> bursts = new HashMap<>();
        for (String word : WORDS) {
            Files.createDirectories(room.resolve(word));
            for (int i = 0; i < 6; i++) {
                float[] clip = new float[RATE];
                for (int t = 0; t < RATE; t++) {
                    clip[t] = (float) (0.002 * random.nextGaussian()); // the room, about 40 dB below the word
                }
                int length = RATE / 4 + random.nextInt(RATE / 4);
                int offset = 800 + random.nextInt(RATE - length - 1600);
                double f = 300 + 150 * WORDS.indexOf(word) + 20 * i;
                for (int t = 0; t < length; t++) {
                    clip[offset + t] += (float) (0.2 * Math.sin(2 * Math.PI * f * t / RATE));
                }
                String name = word + "/s" + i + "_nohash_0.wav";
                WavWriter.write(room.resolve(name), Signal.mono(RATE, clip), WavEncoding.PCM_S16);
                bursts.put(name, new int[] {offset, offset + length});
            }
        }
        Files.createDirectories(room.resolve("_background_noise_"));
        TestClips.noise(room.resolve("_background_noise_/white.wav"), RATE, RATE * 20, 7);
        Files.writeString(room.resolve("validation_list.txt"), list("s0", "s1"));
        Files.writeString(room.resolve("testing_list.txt"), list("s2", "s3"));
        Dataset recorded = SpeechCommandsImporter.importFrom(room, ProgressListener.NONE).dataset();

        List<StreamSynthesizer.Word> words = StreamSynthesizer.write(recorded, options(3), dir.resolve("rs"));
        int frame = RATE / 100;
        for (StreamSynthesizer.Word w : words) {
            String name = room.relativize(w.source().source()).toString().replace('\\', '/');
            int[] burst = bursts.get(name);
            assertEquals(RATE, w.end() - w.start(), "the whole recorded second is the ground truth: " + w);
            assertEquals(w.start() + burst[0], w.speechStart(), 2 * frame, "speech onset of " + name);
            assertEquals(w.start() + burst[1], w.speechEnd(), 2 * frame, "speech end of " + name);
        }
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherStreams() throws IOException {
        StreamSynthesizer.write(dataset, options(3), dir.resolve("a"));
        StreamSynthesizer.write(dataset, options(3), dir.resolve("b"));
        StreamSynthesizer.write(dataset, options(4), dir.resolve("c"));
        for (String f : List.of("stream_01.wav", "stream_03.wav", StreamSynthesizer.GROUND_TRUTH)) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)));
        }
        assertFalse(Files.readString(dir.resolve("a/streams.csv")).equals(Files.readString(dir.resolve("c/streams.csv"))));
    }

    /** Streams used to be written into any folder, replacing whatever had their names: a user's own streams.csv. */
    @Test
    void writesOnlyANewFolderOrStreamsItWroteItself() throws IOException {
        Path own = dir.resolve("recorded");
        Files.createDirectories(own);
        Files.writeString(own.resolve(StreamSynthesizer.GROUND_TRUTH), "file,start_ms,end_ms,label\nmine.wav,1,2,on\n");
        DatasetException e = assertThrows(DatasetException.class,
                () -> StreamSynthesizer.write(dataset, options(3), own));
        assertTrue(e.getMessage().contains(own.toString()), e.getMessage());
        assertTrue(Files.readString(own.resolve(StreamSynthesizer.GROUND_TRUTH)).contains("mine.wav"));

        Path inSource = source.resolve("_streams_");
        assertThrows(DatasetException.class, () -> StreamSynthesizer.write(dataset, options(3), inSource));
        assertFalse(Files.exists(inSource));

        Path made = dir.resolve("val");
        StreamSynthesizer.write(dataset, options(3), made);
        StreamSynthesizer.write(dataset, options(4), made);
        assertTrue(Files.exists(made.resolve("stream_03.wav")));
    }

    @Test
    void missingKeywordsOrNoiseAreClearErrors() throws IOException {
        StreamOptions unknownWord = new StreamOptions(List.of("zebra"), Split.VALIDATION, 1, 10, 0.5, 5, 15, RATE, 1);
        DatasetException e = assertThrows(DatasetException.class,
                () -> StreamSynthesizer.write(dataset, unknownWord, dir.resolve("x")));
        assertTrue(e.getMessage().contains("zebra") && e.getMessage().contains("validation"), e.getMessage());
        Dataset quiet = new Dataset(dataset.root(), dataset.samples(), List.of());
        DatasetException noNoise = assertThrows(DatasetException.class,
                () -> StreamSynthesizer.write(quiet, options(1), dir.resolve("y")));
        assertTrue(noNoise.getMessage().contains("_background_noise_"), noNoise.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new StreamOptions(List.of("on"), Split.VALIDATION, 1, 10, 0.5, 20, 5, RATE, 1));
    }

    private static double energy(float[] x, long from, long to) {
        double sum = 0;
        for (long i = from; i < to; i++) {
            sum += (double) x[(int) i] * x[(int) i];
        }
        return sum;
    }
}
