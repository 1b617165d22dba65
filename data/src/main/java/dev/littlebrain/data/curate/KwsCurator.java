package dev.littlebrain.data.curate;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.importer.ContentHash;
import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.dsp.io.AudioRequirement;
import dev.littlebrain.dsp.io.Resampler;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavEncoding;
import dev.littlebrain.dsp.io.WavReader;
import dev.littlebrain.dsp.io.WavWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

        try (StagedFolder staged = StagedFolder.create(outputFolder)) {
            AtomicLong done = new AtomicLong();
            List<ManifestEntry> entries;
            try {
                entries = plan.parallelStream().map(clip -> {
                    try {
                        ManifestEntry e = render(clip, dataset, options, requirement, noise, staged.path());
                        progress.onProgress(done.incrementAndGet(), plan.size());
                        return e;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            entries = new ArrayList<>(entries);
            entries.sort(Comparator.comparing(ManifestEntry::split, Comparator.comparingInt(KwsCurator::splitOrder))
                    .thenComparing(e -> options.labels().indexOf(e.label())).thenComparing(ManifestEntry::path));
            Manifest manifest = new Manifest(Manifest.FORMAT, 1, options.seed(), options.sampleRate(),
                    options.windowSamples(), options.labels(), entries);
            Files.write(staged.path().resolve(Manifest.FILE_NAME), manifest.toJson());
            staged.commit();
            return new CurationResult(outputFolder, manifest, warnings);
        }
    }

    private static int splitOrder(String split) {
        return Split.fromId(split).ordinal();
    }

    private static ManifestEntry render(PlannedClip clip, Dataset dataset, KwsCurationOptions options,
                                        AudioRequirement requirement, List<float[]> noise, Path folder)
            throws IOException {
        int window = options.windowSamples();
        float[] out = new float[window];
        String noiseSource = null;
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
            if (clip.noiseIndex() >= 0) {
                float[] recording = noise.get(clip.noiseIndex());
                for (int i = 0; i < window && clip.noiseOffset() + i < recording.length; i++) {
                    out[i] += (float) (recording[clip.noiseOffset() + i] * clip.noiseGain());
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
                mixed || clip.isNoiseClip() ? round6(clip.noiseGain()) : null,
                clip.speedPercent() == 100 ? null : clip.speedPercent());
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
        return dataset.root().relativize(file).toString().replace('\\', '/');
    }
}
