package dev.littlebrain.impulse;

import dev.littlebrain.data.Dataset;
import dev.littlebrain.data.Sample;
import dev.littlebrain.data.curate.Manifest;
import dev.littlebrain.data.features.FeatureCache;
import dev.littlebrain.data.features.FeatureExtractor;
import dev.littlebrain.data.features.FeatureSet;
import dev.littlebrain.data.features.SampleLoader;
import dev.littlebrain.data.progress.ProgressListener;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.FeatureShape;
import dev.littlebrain.dsp.io.AudioRequirement;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.files.StagedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A project folder and its impulse; {@link ProjectLayout} says where its data, feature cache, models and reports
 * are.
 */
public record ImpulseProject(Path dir, ImpulseConfig config) {

    /** The project at {@code dir} (null: the current directory), or empty when it has no impulse.yaml. */
    public static Optional<ImpulseProject> find(Path dir) throws IOException {
        Path d = dir == null ? Path.of("") : dir;
        Path file = new ProjectLayout(d).config();
        if (!Files.isRegularFile(file)) {
            if (dir != null) {
                throw new IllegalArgumentException("--project " + dir + ": no " + ImpulseConfig.FILE_NAME
                        + " there (create one with 'littlebrain init kws " + dir + "')");
            }
            return Optional.empty();
        }
        // A data import killed between the two renames of its swap left data/ beside itself: put it back before
        // anything reads the project (a living import's folders are left alone).
        StagedFolder.finishKilledSwaps(new ProjectLayout(d).data());
        return Optional.of(new ImpulseProject(d, ImpulseConfig.read(file)));
    }

    /** The project at {@code dir} (null: the current directory), which must exist. */
    public static ImpulseProject require(Path dir) throws IOException {
        return find(dir).orElseThrow(() -> new IllegalArgumentException("no " + ImpulseConfig.FILE_NAME
                + " in the current directory; pass --project DIR or run 'littlebrain init kws DIR'"));
    }

    /** Where the project's files are. */
    public ProjectLayout layout() {
        return new ProjectLayout(dir);
    }

    public Path data() {
        return layout().data();
    }

    /** The feature cache. */
    public Path cache() {
        return layout().featureCache();
    }

    public Path models() {
        return layout().models();
    }

    public Path reports() {
        return layout().reports();
    }

    /** The record of how the project's model was trained, when there is one. */
    public Optional<TrainingRecord> trainingRecord() throws IOException {
        return TrainingRecord.readIfPresent(layout().trainingRecord());
    }

    /**
     * The labels of the project's model, in output order: those its training record lists; for a model copied in
     * without one, those impulse.yaml lists (train gives the outputs that order); empty when neither says.
     */
    public Optional<List<String>> modelLabels() throws IOException {
        Optional<TrainingRecord> record = trainingRecord();
        if (record.isPresent()) {
            return Optional.of(record.get().trainedLabels().orElseThrow(() -> new IllegalArgumentException(
                    layout().trainingRecord() + " has no 'labels' list; run 'littlebrain train' again")));
        }
        return config.labels().isEmpty() ? Optional.empty() : Optional.of(config.labels());
    }

    /** {@link #modelLabels()}, which must be known. */
    public List<String> trainedLabels() throws IOException {
        return modelLabels().orElseThrow(() -> new IllegalArgumentException(layout().trainingRecord()
                + " is missing; run 'littlebrain train' first"));
    }

    public DspBlock block() {
        return DspBlocks.create(config.dsp().block(), config.input().signal(), config.dsp().parameters());
    }

    /**
     * The curated data with its features (cached; missing ones computed), in manifest sample order.
     *
     * @param progress told of each sample whose features are computed
     */
    public Features features(ProgressListener progress) throws IOException {
        Manifest manifest = Manifest.read(data());
        Dataset dataset = manifest.toDataset(data());
        if (Math.abs(manifest.samplingHz() - config.input().frequencyHz()) > 1e-6) {
            throw new IllegalArgumentException("impulse.yaml input.frequency_hz is " + config.input().frequencyHz()
                    + " but the data in " + data() + " is sampled at " + manifest.samplingHz() + " Hz");
        }
        boolean sensorInput = !config.input().modality().isAudio();
        if (manifest.isSensor() != sensorInput) {
            throw new IllegalArgumentException("impulse.yaml input.type is " + config.input().type() + " but "
                    + data() + " holds " + (manifest.isSensor() ? "sensor files" : "audio clips"));
        }
        if (manifest.isSensor() && manifest.axes().size() != config.input().axes().size()) {
            throw new IllegalArgumentException("impulse.yaml input.axes is " + config.input().axes() + " but the data in "
                    + data() + " has the axes " + manifest.axes());
        }
        DspBlock dsp = block();
        int window = windowSamples();
        FeatureShape shape = dsp.outputShape(window);
        FeatureSet set = new FeatureCache(cache()).features(dataset.samples(), new BlockExtractor(dsp, window, !sensorInput),
                SampleLoader.standard(AudioRequirement.strict(manifest.sampleRate())), progress);
        List<String> labels = config.labels().isEmpty() ? manifest.labels() : config.labels();
        return new Features(dsp, shape, labels, dataset.samples(), set);
    }

    /** Samples per axis in one window: input.window_ms at input.frequency_hz. */
    public int windowSamples() {
        return config.input().windowSamples();
    }

    /** Features of every sample, with the block and labels they were made with. */
    public record Features(DspBlock block, FeatureShape shape, List<String> labels, List<Sample> samples,
            FeatureSet set) {

        /** Rows and label indices of the samples of one split whose label is in {@link #labels}. */
        public Split split(dev.littlebrain.data.Split which) {
            List<float[]> rows = new ArrayList<>();
            List<Integer> idx = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                Sample s = samples.get(i);
                int label = labels.indexOf(s.label());
                if (s.split() == which && label >= 0) {
                    rows.add(set.features().get(i));
                    idx.add(label);
                    files.add(s.source());
                }
            }
            return new Split(rows.toArray(new float[0][]), idx.stream().mapToInt(Integer::intValue).toArray(), files);
        }
    }

    /** One split's features, label indices and sample files, row for row. */
    public record Split(float[][] features, int[] labels, List<Path> files) {
        public int size() {
            return labels.length;
        }
    }

    /**
     * One window per sample, cut or zero-padded to {@code windowSamples} frames. Audio goes to the block
     * as int16 sample values, as Edge Impulse feeds its blocks; sensor axes go in as recorded,
     * interleaved.
     */
    public record BlockExtractor(DspBlock block, int windowSamples, boolean audio) implements FeatureExtractor {
        @Override
        public String configKey() {
            return block.name() + " " + block.config() + " " + block.signal() + " window " + windowSamples;
        }

        @Override
        public float[] extract(Signal window) {
            float[] values = audio ? window.toMono().toInt16Values() : window.interleaved();
            int channels = audio ? 1 : window.channels();
            if (channels != block.signal().axisCount()) {
                throw new IllegalArgumentException("a sample has " + channels + " axes, the impulse expects "
                        + block.signal().axes());
            }
            // A path block takes the whole gesture; fixed-window blocks get exactly one window.
            return block.process(block.acceptsAnyLength() ? values : Arrays.copyOf(values, windowSamples * channels));
        }
    }
}
