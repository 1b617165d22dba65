package dev.littlebrain.data.curate;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.augment.RoomReverb;
import dev.littlebrain.data.importer.ContentHash;
import dev.littlebrain.data.output.ReplaceableFolder;
import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.data.streams.StreamSynthesizer;
import dev.littlebrain.dsp.io.AudioRequirement;
import dev.littlebrain.dsp.io.Resampler;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavEncoding;
import dev.littlebrain.dsp.io.WavReader;
import dev.littlebrain.dsp.io.WavWriter;
import dev.littlebrain.files.StagedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Curates a keyword-spotting dataset into a folder the rest of LittleBrain reads:
 * <pre>
 * out/manifest.json
 * out/data/&lt;split&gt;/&lt;label&gt;/&lt;name&gt;.wav      (16-bit PCM mono, one window each)
 * </pre>
 * Choices are planned first ({@link CurationPlanner}), then clips are rendered on all cores
 * (read, conform to rate/mono, pad or trim, mix noise, write 16-bit PCM). The folder is built
 * aside and swapped in when complete. The same dataset, options and seed give byte-identical output.
 */
public final class KwsCurator {
    private KwsCurator() {
    }

    public static CurationResult curate(Dataset dataset, KwsCurationOptions options, Path outputFolder,
                                        ProgressListener progress) throws IOException {
        // Refused before minutes of rendering, not after.
        ReplaceableFolder.require(outputFolder, Optional.of(dataset.root()), Manifest.RECORD);
        AudioRequirement requirement = options.allowResample()
                ? AudioRequirement.converting(options.sampleRate())
                : AudioRequirement.strict(options.sampleRate());
        List<float[]> noise = new ArrayList<>();
        for (Sample recording : dataset.backgroundNoise()) {
            noise.add(WavReader.read(recording.source(), requirement).interleaved());
        }
        int[] noiseLengths = noise.stream().mapToInt(n -> n.length).toArray();
        CurationPlanner planner = new CurationPlanner(dataset, options, noiseLengths);
        List<PlannedClip> plan = planner.plan();
        List<String> warnings = new ArrayList<>(planner.warnings());
        // One progress count per synthesized stream, rendered clip and written window.
        List<StreamWindows.Window> windows = streamWindows(dataset, options, warnings,
                (k, n) -> progress.onProgress(k, n + plan.size()));
        long streamCount = windows.isEmpty() ? 0 : streamCount(options);
        long total = streamCount + plan.size() + windows.size();

        try (StagedFolder staged = StagedFolder.create(outputFolder,
                ReplaceableFolder.guard(outputFolder, Optional.of(dataset.root()), Manifest.RECORD))) {
            AtomicLong done = new AtomicLong(streamCount);
            // Every task has finished when these return or throw, so closing the staging folder races with none.
            List<ManifestEntry> entries = new ArrayList<>(ParallelMap.of(plan, clip -> {
                ManifestEntry e = render(clip, dataset, options, requirement, noise, staged.path());
                progress.onProgress(done.incrementAndGet(), total);
                return e;
            }));
            entries.addAll(ParallelMap.of(windows, w -> {
                ManifestEntry e = writeWindow(w, options, staged.path());
                progress.onProgress(done.incrementAndGet(), total);
                return e;
            }));
            entries.sort(manifestOrder(options.labels()));
            Manifest manifest = new Manifest(Manifest.FORMAT, 1, options.seed(), options.sampleRate(),
                    options.windowSamples(), options.labels(), entries);
            Files.write(staged.path().resolve(Manifest.FILE_NAME), manifest.toJson());
            staged.commit();
            return new CurationResult(outputFolder, manifest, warnings);
        }
    }

    /**
     * The labelled windows of {@link KwsCurationOptions#trainingStreamSeconds()} of training-speaker streams, or
     * none (with a warning saying why) when the classes or recordings they need are missing.
     */
    private static List<StreamWindows.Window> streamWindows(Dataset dataset, KwsCurationOptions options,
            List<String> warnings, ProgressListener progress) throws IOException {
        int count = streamCount(options);
        if (count == 0) {
            return List.of();
        }
        if (!options.includeUnknown() || !options.includeNoise()) {
            warnings.add("training stream windows need the _unknown_ and _noise_ classes; none were cut"
                    + " (--stream-seconds 0 turns them off)");
            return List.of();
        }
        Dataset usable = TrainingStreams.usable(dataset, s -> true, options.sampleRate());
        if (usable.backgroundNoise().isEmpty()) {
            warnings.add("no background recording at " + options.sampleRate() + " Hz mono to build training streams"
                    + " on; no stream windows were cut");
            return List.of();
        }
        List<StreamSynthesizer.Stream> streams = TrainingStreams.synthesize(usable, options.keywords(), count,
                options.sampleRate(), options.seed() * 0x2545F4914F6CDD1DL + 1, progress);
        int window = options.windowSamples();
        return StreamWindows.cut(streams, options.keywords(), window, window / 4, KwsCurationOptions.UNKNOWN,
                KwsCurationOptions.NOISE, new java.util.Random(options.seed() * 0x9E3779B97F4A7C15L + 0x5EEDL));
    }

    /** The number of training streams that make {@link KwsCurationOptions#trainingStreamSeconds()}. */
    private static int streamCount(KwsCurationOptions options) {
        return TrainingStreams.count(options.trainingStreamSeconds());
    }

    private static ManifestEntry writeWindow(StreamWindows.Window w, KwsCurationOptions options, Path folder)
            throws IOException {
        String name = w.stream().name().replace(".wav", "") + "_at_" + w.start() + ".wav";
        String path = "data/" + Split.TRAIN.id() + "/" + w.label() + "/" + name;
        byte[] wav = WavWriter.encode(Signal.mono(options.sampleRate(), w.audio(options.windowSamples())),
                WavEncoding.PCM_S16);
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, wav);
        return new ManifestEntry(path, w.label(), Split.TRAIN.id(), ContentHash.sha256(wav),
                TRAINING_STREAM_SOURCE + w.stream().name(), null, null, w.start(), null, null, null, null);
    }

    /** The {@code source} of a stream window: this prefix and the (unsaved) stream's name. */
    public static final String TRAINING_STREAM_SOURCE = "training-stream:";

    /** The order of a curated manifest's entries: by split, then label (in class order), then path. */
    static Comparator<ManifestEntry> manifestOrder(List<String> labels) {
        return Comparator.comparing(ManifestEntry::split, Comparator.comparingInt(s -> Split.fromId(s).ordinal()))
                .thenComparing(e -> labels.indexOf(e.label())).thenComparing(ManifestEntry::path);
    }

    private static ManifestEntry render(PlannedClip clip, Dataset dataset, KwsCurationOptions options,
                                        AudioRequirement requirement, List<float[]> noise, Path folder)
            throws IOException {
        int window = options.windowSamples();
        float[] out = new float[window];
        String noiseSource = null;
        double noiseGain = clip.noiseGain();
        if (clip.isNoiseClip()) {
            float[] recording = noise.get(dataset.backgroundNoise().indexOf(clip.source()));
            for (int i = 0; i < window && clip.sourceOffset() + i < recording.length; i++) {
                out[i] = (float) (recording[clip.sourceOffset() + i] * clip.noiseGain());
            }
        } else {
            float[] speech = WavReader.read(clip.source().source(), requirement).interleaved();
            if (clip.speedPercent() != 100) {
                speech = atSpeed(speech, clip.speedPercent());
            }
            for (int i = 0; i < window; i++) {
                int from = i - clip.sourceOffset();
                if (from >= 0 && from < speech.length) {
                    out[i] = speech[from];
                }
            }
            if (clip.room() != null) {
                out = RoomReverb.apply(out, clip.room(), options.sampleRate());
            }
            if (clip.noiseIndex() >= 0) {
                float[] recording = noise.get(clip.noiseIndex());
                noiseGain = Double.isNaN(clip.noiseSnrDb()) ? clip.noiseGain()
                        : gainForSnr(out, recording, clip.noiseOffset(), clip.noiseSnrDb());
                for (int i = 0; i < window && clip.noiseOffset() + i < recording.length; i++) {
                    out[i] += (float) (recording[clip.noiseOffset() + i] * noiseGain);
                }
                noiseSource = relative(dataset, dataset.backgroundNoise().get(clip.noiseIndex()).source());
            }
        }
        byte[] wav = WavWriter.encode(Signal.mono(options.sampleRate(), out), WavEncoding.PCM_S16); // clips to int16
        Path file = folder.resolve(clip.outputPath());
        Files.createDirectories(file.getParent());
        Files.write(file, wav);
        Sample source = clip.source();
        boolean mixed = clip.noiseIndex() >= 0;
        return new ManifestEntry(clip.outputPath(), clip.label(), clip.split().id(), ContentHash.sha256(wav),
                relative(dataset, source.source()), source.sha256(), source.speakerId(), clip.sourceOffset(),
                noiseSource, mixed ? clip.noiseOffset() : null,
                mixed || clip.isNoiseClip() ? round6(noiseGain) : null,
                clip.speedPercent() == 100 ? null : clip.speedPercent(), null,
                mixed && !Double.isNaN(clip.noiseSnrDb()) ? round6(clip.noiseSnrDb()) : null,
                clip.room() == null ? null : new ManifestEntry.Room((int) Math.round(clip.room().rt60S() * 1000),
                        round6(clip.room().drrDb()), clip.room().seed()));
    }

    /**
     * The gain that puts the noise cut at {@code snrDb} below the placed clip (RMS against RMS over the window); 0 when
     * the cut is silent. A clip of silence gets no noise: there is nothing to measure it against.
     */
    static double gainForSnr(float[] speech, float[] recording, int offset, double snrDb) {
        double s = 0;
        double n = 0;
        for (int i = 0; i < speech.length; i++) {
            s += speech[i] * (double) speech[i];
            float v = offset + i < recording.length ? recording[offset + i] : 0;
            n += v * (double) v;
        }
        return n == 0 ? 0 : Math.sqrt(s / n) / Math.pow(10, snrDb / 20);
    }

    /**
     * The clip played at {@code percent} % of its speed: read as if recorded at percent/100 times its rate and
     * resampled back (band-limited, so speeding up does not alias), which scales duration by 100/percent and every
     * frequency by percent/100.
     */
    static float[] atSpeed(float[] speech, int percent) {
        return SPEED.computeIfAbsent(percent, p -> Resampler.between(p, 100)).process(speech);
    }

    private static final java.util.concurrent.ConcurrentHashMap<Integer, Resampler> SPEED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static String relative(Dataset dataset, Path file) {
        Path root = dataset.root().toAbsolutePath();
        Path absolute = file.toAbsolutePath();
        // Material from elsewhere (data import --bundled) may sit on another drive, where no relative path leads.
        return (java.util.Objects.equals(root.getRoot(), absolute.getRoot()) ? root.relativize(absolute) : absolute)
                .toString().replace('\\', '/');
    }
}
