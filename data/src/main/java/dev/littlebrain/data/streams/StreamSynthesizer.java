package dev.littlebrain.data.streams;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.DatasetException;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.SampleKind;
import dev.littlebrain.data.output.FolderRecord;
import dev.littlebrain.data.output.ReplaceableFolder;
import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.dsp.io.AudioRequirement;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavEncoding;
import dev.littlebrain.dsp.io.WavReader;
import dev.littlebrain.dsp.io.WavWriter;
import dev.littlebrain.dsp.speech.WordDetector;
import dev.littlebrain.files.StagedFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds labelled test streams from one split of a keyword dataset, in the layout of espeak-kws's
 * {@code _streams_} (WAV files, a {@code streams.csv} of {@code file,start_ms,end_ms,label} and a {@code streams_detail.csv}
 * adding each word's speaker and SNR), so that the
 * post-processing of continuous keyword spotting (threshold, averaging, slices) can be chosen on streams made of
 * validation speakers and the real test streams stay a test set.
 *
 * <p>Each stream is a bed of two background recordings (the second 3–6 dB lower), cut from the region of each
 * recording that curation reserves for the split (80–90 % for validation, 90–100 % for test) and looped with
 * crossfades, with isolated words inserted: keywords with probability {@link StreamOptions#keywordShare()},
 * other words otherwise, each word's trimmed utterance (the clip without its leading and trailing silence)
 * scaled to an SNR drawn uniformly in the options' range, 0.8–1.8 s of bed between words, none in the first
 * 0.6 s or the last 0.5 s. Keyword and other clips are drawn without replacement, reshuffled when used up.
 * A stream whose peak passes 0.95 of full scale is scaled down as a whole (SNRs unchanged). Same dataset,
 * options and seed give byte-identical files.
 */
public final class StreamSynthesizer {
    /** Written next to the streams; the format of espeak-kws's ground truth. */
    public static final String GROUND_TRUTH = "streams.csv";
    /** The same rows with each word's speaker and SNR, as espeak-kws's {@code streams_detail.csv}. */
    public static final String DETAIL = "streams_detail.csv";
    private static final double LEAD_SECONDS = 0.6;
    private static final double TAIL_SECONDS = 0.5;
    private static final double MIN_GAP_SECONDS = 0.8;
    private static final double MAX_GAP_SECONDS = 1.8;
    private static final double CROSSFADE_SECONDS = 0.05;
    private static final double PEAK_LIMIT = 0.95;

    private final Dataset dataset;
    private final StreamOptions options;
    private final AudioRequirement requirement;
    private final Random random;
    private final WordDetector detector;

    private StreamSynthesizer(Dataset dataset, StreamOptions options) {
        this.dataset = dataset;
        this.options = options;
        this.detector = new WordDetector(options.sampleRate());
        this.requirement = AudioRequirement.strict(options.sampleRate());
        this.random = new Random(options.seed());
    }

    /**
     * One inserted word: its stream, where its clip is there in samples, what it is, the clip it came from, its SNR,
     * and where in the stream the clip's speech is ({@code [speechStart, speechEnd)}). A recorded clip is a second of
     * its room with the word somewhere in it: the ground truth is the clip, but what a window hears of the word is
     * its speech.
     */
    public record Word(String file, long start, long end, String label, Sample source, double snrDb,
                       long speechStart, long speechEnd) {
        /** A word whose clip is all speech. */
        public Word(String file, long start, long end, String label, Sample source, double snrDb) {
            this(file, start, end, label, source, snrDb, start, end);
        }
    }

    /**
     * Writes {@code options.count()} streams, their ground truth and {@link #RECORD}'s list into {@code outDir}, a
     * new folder or one this class wrote before (replaced as a whole once complete; see {@link StagedFolder}),
     * and returns the words inserted.
     */
    public static List<Word> write(Dataset dataset, StreamOptions options, Path outDir) throws IOException {
        return new StreamSynthesizer(dataset, options).write(outDir);
    }

    /** The list of files a streams folder was written with, which proves that LittleBrain wrote it. */
    public static final FolderRecord RECORD = new FolderRecord() {
        @Override
        public String fileName() {
            return ".littlebrain-streams";
        }

        @Override
        public Optional<Set<String>> listedFiles(Path folder) throws IOException {
            Path list = folder.resolve(fileName());
            if (!Files.isRegularFile(list)) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllLines(list, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).collect(Collectors.toUnmodifiableSet()));
        }
    };

    /** One synthesized stream: its file name, its samples and the words inserted in it. */
    public record Stream(String name, float[] audio, List<Word> words) {
    }

    /**
     * The streams {@link #write} would write, in memory (e.g. to cut training windows from them), reporting each
     * finished stream to {@code progress} (done of {@code options.count()}).
     */
    public static List<Stream> synthesize(Dataset dataset, StreamOptions options, ProgressListener progress)
            throws IOException {
        return new StreamSynthesizer(dataset, options).synthesize(progress);
    }

    private List<Word> write(Path outDir) throws IOException {
        // Refused before the streams are synthesized, not after.
        ReplaceableFolder.require(outDir, Optional.of(dataset.root()), RECORD);
        List<Stream> streams = synthesize(ProgressListener.NONE);
        try (StagedFolder staged = StagedFolder.create(outDir,
                ReplaceableFolder.guard(outDir, Optional.of(dataset.root()), RECORD))) {
            Path dir = staged.path();
            List<Word> words = new ArrayList<>();
            StringBuilder csv = new StringBuilder("file,start_ms,end_ms,label\n");
            StringBuilder detail = new StringBuilder("file,start_ms,end_ms,label,speaker,snr_db\n");
            StringBuilder list = new StringBuilder("# written by littlebrain data streams; the folder is replaced"
                    + " as a whole when streams are written there again\n" + GROUND_TRUTH + "\n" + DETAIL + "\n");
            for (Stream stream : streams) {
                Files.write(dir.resolve(stream.name()),
                        WavWriter.encode(Signal.mono(options.sampleRate(), stream.audio()), WavEncoding.PCM_S16));
                list.append(stream.name()).append('\n');
                for (Word w : stream.words()) {
                    String row = stream.name() + "," + millis(w.start()) + "," + millis(w.end()) + "," + w.label();
                    csv.append(row).append('\n');
                    detail.append(row).append(',').append(w.source().hasSpeaker() ? w.source().speakerId() : "")
                            .append(',').append(String.format(Locale.ROOT, "%.1f", w.snrDb())).append('\n');
                }
                words.addAll(stream.words());
            }
            Files.writeString(dir.resolve(GROUND_TRUTH), csv, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(DETAIL), detail, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(RECORD.fileName()), list, StandardCharsets.UTF_8);
            staged.commit();
            return words;
        }
    }

    private List<Stream> synthesize(ProgressListener progress) throws IOException {
        List<Sample> keywords = new ArrayList<>();
        List<Sample> others = new ArrayList<>();
        for (Sample s : dataset.samples()) {
            if (s.kind() == SampleKind.AUDIO && s.split() == options.split()) {
                (options.keywords().contains(s.label()) ? keywords : others).add(s);
            }
        }
        keywords.sort(Comparator.comparing(Sample::source));
        others.sort(Comparator.comparing(Sample::source));
        if (keywords.isEmpty()) {
            throw new DatasetException(dataset.root() + ": no clips of " + options.keywords() + " in the "
                    + options.split().id() + " split to build streams from");
        }
        if (dataset.backgroundNoise().isEmpty()) {
            throw new DatasetException(dataset.root() + ": streams need background recordings (_background_noise_)");
        }
        List<float[]> noise = new ArrayList<>();
        for (Sample recording : dataset.backgroundNoise()) {
            noise.add(region(WavReader.read(recording.source(), requirement).interleaved()));
        }
        Deck keywordDeck = new Deck(keywords);
        Deck otherDeck = new Deck(others.isEmpty() ? keywords : others);
        List<Stream> streams = new ArrayList<>();
        for (int k = 1; k <= options.count(); k++) {
            String name = String.format(Locale.ROOT, "stream_%02d.wav", k);
            List<Word> inserted = new ArrayList<>();
            float[] audio = stream(name, noise, keywordDeck, otherDeck, others.isEmpty(), inserted);
            streams.add(new Stream(name, audio, List.copyOf(inserted)));
            progress.onProgress(k, options.count());
        }
        return streams;
    }

    private float[] stream(String name, List<float[]> noise, Deck keywordDeck, Deck otherDeck, boolean keywordsOnly,
                           List<Word> inserted) throws IOException {
        int rate = options.sampleRate();
        int length = (int) Math.round(options.seconds() * rate);
        float[] bed = bed(noise, length);
        double bedRms = rms(bed, 0, bed.length);
        float[] out = bed.clone();
        long at = Math.round(LEAD_SECONDS * rate);
        long limit = length - Math.round(TAIL_SECONDS * rate);
        while (true) {
            boolean keyword = keywordsOnly || random.nextDouble() < options.keywordShare();
            Sample clip = (keyword ? keywordDeck : otherDeck).next(random);
            float[] recorded = WavReader.read(clip.source(), requirement).interleaved();
            float[] utterance = trimmed(recorded);
            int[] speech = speech(recorded, utterance.length);
            double snrDb = options.minSnrDb() + random.nextDouble() * (options.maxSnrDb() - options.minSnrDb());
            long gap = Math.round((MIN_GAP_SECONDS + random.nextDouble() * (MAX_GAP_SECONDS - MIN_GAP_SECONDS)) * rate);
            if (utterance.length == 0 || at + utterance.length > limit) {
                break;
            }
            double gain = bedRms * Math.pow(10, snrDb / 20) / rms(utterance, 0, utterance.length);
            for (int i = 0; i < utterance.length; i++) {
                out[(int) at + i] += (float) (utterance[i] * gain);
            }
            inserted.add(new Word(name, at, at + utterance.length, clip.label(), clip, snrDb, at + speech[0],
                    at + speech[1]));
            at += utterance.length + gap;
        }
        float peak = 0;
        for (float v : out) {
            peak = Math.max(peak, Math.abs(v));
        }
        if (peak > PEAK_LIMIT) {
            float scale = (float) (PEAK_LIMIT / peak);
            for (int i = 0; i < out.length; i++) {
                out[i] *= scale;
            }
        }
        return out;
    }

    /** Two recordings, the second 3–6 dB lower, each looped over {@code length} samples. */
    private float[] bed(List<float[]> noise, int length) {
        int first = random.nextInt(noise.size());
        int second = noise.size() > 1 ? (first + 1 + random.nextInt(noise.size() - 1)) % noise.size() : first;
        float[] a = looped(noise.get(first), length);
        float[] b = looped(noise.get(second), length);
        double gain = Math.pow(10, -(3 + 3 * random.nextDouble()) / 20);
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            out[i] = (float) (a[i] + gain * b[i]);
        }
        return out;
    }

    /** {@code source} repeated from a random start to fill {@code length}, seams crossfaded with a raised cosine. */
    private float[] looped(float[] source, int length) {
        int fade = Math.min((int) (CROSSFADE_SECONDS * options.sampleRate()), source.length / 4);
        int seam = source.length - fade;
        float[] out = new float[length];
        int j = random.nextInt(seam);
        for (int i = 0; i < length; i++) {
            if (j >= seam) {
                // The last `fade` samples of this pass fade out while the first ones of the next fade in.
                int k = j - seam;
                double w = 0.5 * (1 + Math.cos(Math.PI * (k + 1) / (fade + 1)));
                out[i] = (float) (w * source[j] + (1 - w) * source[k]);
            } else {
                out[i] = source[j];
            }
            j++;
            if (j == source.length) {
                j = fade;
            }
        }
        return out;
    }

    /** The part of a background recording reserved for the split, as curation cuts it. */
    private float[] region(float[] recording) {
        double from = switch (options.split()) {
            case TRAIN -> 0.0;
            case VALIDATION -> 0.8;
            case TEST -> 0.9;
        };
        double to = switch (options.split()) {
            case TRAIN -> 0.8;
            case VALIDATION -> 0.9;
            case TEST -> 1.0;
        };
        int a = (int) (recording.length * from);
        int b = (int) (recording.length * to);
        return b - a >= options.sampleRate() ? java.util.Arrays.copyOfRange(recording, a, b) : recording;
    }

    /**
     * Where the speech of {@code recorded} lies in its {@link #trimmed} copy of {@code length} samples. A clip padded
     * with digital silence (a synthesized one: 10 ms or more of exact zeros at an end) is trimmed to its speech
     * already, so all of it is speech. A recorded clip has its room around the word: its speech runs from the first
     * word's onset to the last word's end that {@link WordDetector} hears against the clip's own background; the
     * whole clip when it hears none.
     */
    private int[] speech(float[] recorded, int length) {
        int padding = options.sampleRate() / 100;
        int lead = 0;
        while (lead < recorded.length && recorded[lead] == 0) {
            lead++;
        }
        if (lead >= padding || recorded.length - lead - length >= padding) {
            return new int[] {0, length};
        }
        float[] int16 = new float[recorded.length];
        for (int i = 0; i < recorded.length; i++) {
            int16[i] = recorded[i] * 32768f;
        }
        List<WordDetector.Word> words = detector.find(int16);
        if (words.isEmpty()) {
            return new int[] {0, length};
        }
        int from = Math.max(0, Math.min(length, words.get(0).onset() - lead));
        int to = Math.max(from, Math.min(length, words.get(words.size() - 1).end() - lead));
        return to > from ? new int[] {from, to} : new int[] {0, length};
    }

    /** The clip without its leading and trailing digital silence (exact zeros). */
    static float[] trimmed(float[] clip) {
        int from = 0;
        while (from < clip.length && clip[from] == 0) {
            from++;
        }
        int to = clip.length;
        while (to > from && clip[to - 1] == 0) {
            to--;
        }
        return java.util.Arrays.copyOfRange(clip, from, to);
    }

    private static double rms(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }

    private long millis(long samples) {
        return Math.round(samples * 1000.0 / options.sampleRate());
    }

    /** Clips dealt in a shuffled order, reshuffled when all have been dealt. */
    private static final class Deck {
        private final List<Sample> clips;
        private List<Sample> order = List.of();
        private int next;

        Deck(List<Sample> clips) {
            this.clips = List.copyOf(clips);
        }

        Sample next(Random random) {
            if (next >= order.size()) {
                List<Sample> shuffled = new ArrayList<>(clips);
                Collections.shuffle(shuffled, random);
                order = shuffled;
                next = 0;
            }
            return order.get(next++);
        }
    }
}
