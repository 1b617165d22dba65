package dev.littlebrain.data.curate;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.DatasetException;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.importer.ContentHash;
import dev.littlebrain.data.output.ReplaceableFolder;
import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.data.streams.StreamSynthesizer;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavEncoding;
import dev.littlebrain.dsp.io.WavWriter;
import dev.littlebrain.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Hard-negative mining for a continuous keyword spotter: a trained model listens to fresh streams of the training
 * speakers, and every window that holds only other words yet makes it answer a keyword is added to the curated
 * data as {@code _unknown_}. Randomly drawn unknown windows are mostly easy; the ones a model fires on ("go" heard
 * as "no") are the false accepts it will make on a stream, and training on them is what lowers the false-accept
 * rate (README, Streaming). Only training speakers are used, so validation and test stay unseen.
 *
 * <p>The added windows are written as {@code data/train/_unknown_/mined_NNNN_at_START.wav}; the manifest is
 * rewritten atomically last, so an interrupted run leaves the curated data as it was. Mining again skips windows
 * already in the manifest.
 */
public final class HardNegativeMiner {
    /** The source of a mined window: this prefix and the (unsaved) stream's name. */
    public static final String SOURCE = "mined-stream:";
    /** Streams synthesized and scored together: bounds the audio held in memory. */
    private static final int STREAMS_PER_BATCH = 10;

    /** A model's answer for one window: its scores in the order of the labels given to {@link #mine}. */
    public interface WindowScorer {
        float[] scores(float[] window);
    }

    /**
     * What a run found and added.
     *
     * @param streams    streams listened to
     * @param candidates windows holding only non-keywords that the model scored
     * @param firedAs    candidates per keyword the model answered, in label order
     * @param added      the entries added to the manifest (the strongest false accepts, at most the cap)
     * @param manifest   the manifest as written
     */
    public record Result(int streams, int candidates, Map<String, Integer> firedAs, List<ManifestEntry> added,
            Manifest manifest) {
        /** Seconds of audio listened to. */
        public int seconds() {
            return streams * TrainingStreams.SECONDS;
        }
    }

    /** A candidate window and, once scored, the keyword it fired as and how sure the model was. */
    private record Hit(String stream, int start, String firedAs, float score, float[] audio) {
    }

    /** Strongest first; ties in stream and position order, so a run is reproducible. */
    private static final Comparator<Hit> STRONGEST_FIRST = Comparator.comparing(Hit::score).reversed()
            .thenComparing(Hit::stream).thenComparing(Hit::start);

    private HardNegativeMiner() {
    }

    /**
     * Mines {@code seconds} of training-speaker streams of {@code dataset} (the dataset {@code curatedFolder} was
     * curated from) with {@code scorers} (one per worker thread: a scorer need not be thread-safe) and adds up to
     * {@code maxWindows} of the windows it fires on to {@code curatedFolder}.
     *
     * @param labels the model's output labels; its keywords are those other than {@code _unknown_} and
     *               {@code _noise_}
     * @throws DatasetException when the curated data has no {@code _unknown_} class, no training speaker is found in
     *                          {@code dataset}, or it has no background recording at the curated rate
     */
    public static Result mine(Dataset dataset, Path curatedFolder, List<String> labels, int seconds, int maxWindows,
            Supplier<WindowScorer> scorers, ProgressListener progress) throws IOException {
        if (seconds <= 0 || maxWindows <= 0) {
            throw new IllegalArgumentException("mining needs positive seconds and a positive window cap");
        }
        Manifest manifest = Manifest.read(curatedFolder);
        // Mining only adds files, but into a folder that must be LittleBrain's alone and apart from the source.
        ReplaceableFolder.require(curatedFolder, Optional.of(dataset.root()), Manifest.RECORD);
        if (manifest.isSensor() || !manifest.labels().contains(KwsCurationOptions.UNKNOWN)) {
            throw new DatasetException(curatedFolder + ": mining adds " + KwsCurationOptions.UNKNOWN
                    + " windows, and this curated data has no such class (curate keyword audio with --unknown)");
        }
        List<String> keywords = labels.stream().filter(l -> !l.equals(KwsCurationOptions.UNKNOWN)
                && !l.equals(KwsCurationOptions.NOISE)).toList();
        if (keywords.isEmpty()) {
            throw new IllegalArgumentException("the model's labels " + labels + " name no keyword to mine for");
        }
        Dataset usable = TrainingStreams.usable(dataset, trainingClips(dataset, manifest), manifest.sampleRate());
        if (usable.samples().stream().noneMatch(s -> keywords.contains(s.label()))) {
            throw new DatasetException(dataset.root() + ": none of the curated training clips of " + keywords
                    + " is in this dataset; pass the dataset the project was curated from");
        }
        if (usable.backgroundNoise().isEmpty()) {
            throw new DatasetException(dataset.root() + ": no background recording at " + manifest.sampleRate()
                    + " Hz mono to build streams on");
        }
        int window = manifest.windowSamples();
        int streams = TrainingStreams.count(seconds);
        int candidates = 0;
        List<Hit> hits = new ArrayList<>();
        Map<String, Integer> firedAs = new LinkedHashMap<>();
        keywords.forEach(k -> firedAs.put(k, 0));
        ThreadLocal<WindowScorer> scorer = ThreadLocal.withInitial(scorers);
        for (int first = 0; first < streams; first += STREAMS_PER_BATCH) {
            int count = Math.min(STREAMS_PER_BATCH, streams - first);
            // Seeds apart from curation's, so these are new contexts of the same training clips.
            long seed = manifest.seed() * 0x2545F4914F6CDD1DL + 0x6D696E65L + first;
            List<StreamSynthesizer.Stream> batch = TrainingStreams.synthesize(usable, keywords, count,
                    manifest.sampleRate(), seed, ProgressListener.NONE);
            List<Hit> candidatesOfBatch = candidateWindows(batch, first, keywords, window);
            candidates += candidatesOfBatch.size();
            List<Hit> fired = candidatesOfBatch.parallelStream().map(c -> {
                float[] scores = scorer.get().scores(c.audio());
                if (scores.length != labels.size()) {
                    throw new IllegalArgumentException("the model gives " + scores.length + " scores for "
                            + labels.size() + " labels " + labels);
                }
                int best = argMax(scores);
                String answer = labels.get(best);
                return keywords.contains(answer) ? new Hit(c.stream(), c.start(), answer, scores[best], c.audio())
                        : null;
            }).filter(java.util.Objects::nonNull).toList();
            fired.forEach(h -> firedAs.merge(h.firedAs(), 1, Integer::sum));
            hits.addAll(fired);
            hits.sort(STRONGEST_FIRST);
            if (hits.size() > maxWindows) {
                hits.subList(maxWindows, hits.size()).clear(); // a poor model may fire everywhere: keep the cap only
            }
            progress.onProgress(first + count, streams);
        }
        return write(curatedFolder, manifest, hits, streams, candidates, firedAs);
    }

    /** The windows of {@code batch}, every quarter window, that hold only words other than {@code keywords}. */
    private static List<Hit> candidateWindows(List<StreamSynthesizer.Stream> batch, int firstIndex,
            List<String> keywords, int window) {
        List<Hit> out = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            StreamSynthesizer.Stream s = batch.get(i);
            String name = String.format(java.util.Locale.ROOT, "mined_%04d", firstIndex + i + 1);
            for (int start = 0; start + window <= s.audio().length; start += window / 4) {
                String label = StreamWindows.label(s.words(), start, start + window, keywords,
                        KwsCurationOptions.UNKNOWN, KwsCurationOptions.NOISE);
                if (KwsCurationOptions.UNKNOWN.equals(label)) {
                    out.add(new Hit(name, start, null, 0f, java.util.Arrays.copyOfRange(s.audio(), start,
                            start + window)));
                }
            }
        }
        return out;
    }

    /** Whether a clip of the dataset belongs to a speaker (or is a clip) the curated training split holds. */
    static java.util.function.Predicate<Sample> trainingClips(Dataset dataset, Manifest manifest) {
        Set<String> speakers = new HashSet<>();
        Set<String> heldOut = new HashSet<>();
        Set<String> sources = new HashSet<>();
        for (ManifestEntry e : manifest.samples()) {
            boolean train = Split.TRAIN.id().equals(e.split());
            if (e.speaker() != null) {
                (train ? speakers : heldOut).add(e.speaker());
            }
            if (train && e.source() != null) {
                sources.add(e.source());
            }
        }
        speakers.removeAll(heldOut); // a speaker in validation or test never feeds training audio
        return s -> s.hasSpeaker() ? speakers.contains(s.speakerId())
                : sources.contains(dataset.root().relativize(s.source()).toString().replace('\\', '/'));
    }

    private static Result write(Path folder, Manifest manifest, List<Hit> hits, int streams, int candidates,
            Map<String, Integer> firedAs) throws IOException {
        Set<String> present = new HashSet<>();
        manifest.samples().forEach(e -> present.add(e.path()));
        List<ManifestEntry> added = new ArrayList<>();
        try {
            added.addAll(hits.parallelStream().map(h -> {
                String path = "data/" + Split.TRAIN.id() + "/" + KwsCurationOptions.UNKNOWN + "/" + h.stream() + "_at_"
                        + h.start() + ".wav";
                if (present.contains(path)) {
                    return null;
                }
                byte[] wav = WavWriter.encode(Signal.mono(manifest.sampleRate(), h.audio()), WavEncoding.PCM_S16);
                try {
                    Path file = folder.resolve(path);
                    Files.createDirectories(file.getParent());
                    // Whole or absent: a killed run leaves no half window beside the manifest it never updated.
                    AtomicFiles.write(file, wav);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return new ManifestEntry(path, KwsCurationOptions.UNKNOWN, Split.TRAIN.id(), ContentHash.sha256(wav),
                        SOURCE + h.stream(), null, null, h.start(), null, null, null, null);
            }).filter(java.util.Objects::nonNull).toList());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (added.isEmpty()) {
            return new Result(streams, candidates, firedAs, added, manifest);
        }
        List<ManifestEntry> entries = new ArrayList<>(manifest.samples());
        entries.addAll(added);
        entries.sort(KwsCurator.manifestOrder(manifest.labels()));
        Manifest updated = new Manifest(manifest.format(), manifest.version(), manifest.seed(), manifest.sampleRate(),
                manifest.windowSamples(), manifest.labels(), entries);
        updated.write(folder.resolve(Manifest.FILE_NAME));
        return new Result(streams, candidates, firedAs, added, updated);
    }

    private static int argMax(float[] scores) {
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            best = scores[c] > scores[best] ? c : best;
        }
        return best;
    }
}
