package dev.littlebrain.impulse.features;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.curate.Manifest;
import dev.littlebrain.data.features.FeatureCache;
import dev.littlebrain.data.features.FeatureSet;
import dev.littlebrain.data.features.SampleLoader;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.FeatureShape;
import dev.littlebrain.dsp.blocks.SignalSpec;
import dev.littlebrain.dsp.io.AudioRequirement;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code features} did: the block, how many samples and of what shape, how many were computed and how many
 * came from the cache, how long it took and where the cache is.
 *
 * @param seconds wall-clock time of the whole computation, cache look-ups included
 * @param cache the feature cache folder, absolute
 */
@JsonPropertyOrder({"block", "samples", "frames", "coefficients", "computed", "from_cache", "seconds", "cache"})
public record FeatureSummary(String block, int samples, int frames, int coefficients, int computed,
        @JsonProperty("from_cache") int fromCache, double seconds,
        Path cache) {

    /**
     * Computes (or reads from the cache) the features of every sample of the project, reporting each computed
     * sample to {@code progress} under the stage "features"; a cancelled run keeps what it cached.
     */
    public static FeatureSummary compute(ImpulseProject project, Progress progress) throws IOException {
        long start = System.nanoTime();
        progress.stage("features");
        ImpulseProject.Features f = project.features(progress.listener());
        double seconds = (System.nanoTime() - start) / 1e9;
        return new FeatureSummary(f.block().name(), f.set().features().size(), f.shape().frames(),
                f.shape().coefficients(), f.set().computed(), f.set().reused(), seconds,
                project.cache().toAbsolutePath().normalize());
    }

    /**
     * Outside a project: computes (or reads from {@code cache}) the features of every sample of the curated audio
     * dataset in {@code data} with the DSP block {@code block} and its {@code parameters} (Edge Impulse names).
     */
    public static FeatureSummary computeForDataset(Path data, String block, Map<String, String> parameters, Path cache,
            Progress progress) throws IOException {
        Manifest manifest = Manifest.read(data);
        Dataset dataset = manifest.toDataset(data);
        DspBlock dsp = DspBlocks.create(block.toLowerCase(Locale.ROOT).replace('_', '-'),
                SignalSpec.audio(manifest.sampleRate()), parameters);
        FeatureShape shape = dsp.outputShape(manifest.windowSamples());
        long start = System.nanoTime();
        progress.stage("features");
        FeatureSet set = new FeatureCache(cache).features(dataset.samples(),
                new ImpulseProject.BlockExtractor(dsp, manifest.windowSamples(), true),
                SampleLoader.standard(AudioRequirement.strict(manifest.sampleRate())), progress.listener());
        double seconds = (System.nanoTime() - start) / 1e9;
        return new FeatureSummary(dsp.name(), set.features().size(), shape.frames(), shape.coefficients(),
                set.computed(), set.reused(), seconds, cache.toAbsolutePath().normalize());
    }
}
