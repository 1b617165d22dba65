package dev.littlebrain.impulse.bench;

import dev.littlebrain.data.Split;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.train.LabeledFeatures;
import dev.littlebrain.train.Preset;
import dev.littlebrain.train.Trainer;
import dev.littlebrain.train.TrainingConfig;
import dev.littlebrain.train.TrainingResult;
import java.io.IOException;

/**
 * How fast the training backend trains ({@code littlebrain bench train}): the {@value #PRESET} preset for a number of
 * epochs on a project's training split, without validation or early stopping, every epoch timed. Set up first
 * ({@link #prepare}), so a caller can say what it is about to measure, then {@link #run}.
 */
public final class TrainingBench {
    /** The preset trained: the keyword-spotting model, the one a user waits for. */
    public static final String PRESET = "conv1d-kws";

    private final ImpulseProject.Split train;
    private final Preset preset;
    private final TrainingConfig config;

    private TrainingBench(ImpulseProject.Split train, Preset preset, TrainingConfig config) {
        this.train = train;
        this.preset = preset;
        this.config = config;
    }

    /**
     * The bench on {@code p}'s training split, features computed where the cache lacks them.
     *
     * @param epochs at least 2: the first is warm-up and not counted
     */
    public static TrainingBench prepare(ImpulseProject p, int epochs, Progress progress) throws IOException {
        if (epochs < 2) {
            throw new IllegalArgumentException("--epochs must be at least 2 (the first is warm-up), got " + epochs);
        }
        progress.stage("features");
        ImpulseProject.Features f = p.features(progress.listener());
        ImpulseProject.Split train = f.split(Split.TRAIN);
        if (train.size() == 0) {
            throw new IllegalArgumentException("no training samples in " + p.data());
        }
        Preset preset = Preset.named(PRESET, new int[] {f.shape().frames(), f.shape().coefficients()},
                f.labels().size());
        return new TrainingBench(train, preset, preset.training().withEpochs(epochs).withPatience(0));
    }

    /** What will be measured. */
    public TrainingBenchReport.Setup setup() {
        return new TrainingBenchReport.Setup(PRESET, train.size(), config.batchSize(), config.epochs(),
                Runtime.getRuntime().availableProcessors());
    }

    /** Trains, each epoch's figures to {@code progress} as it ends. */
    public TrainingBenchReport run(Progress progress) {
        TrainingResult r = new Trainer(preset.spec(), config).fit(new LabeledFeatures(train.features(),
                train.labels()), null, progress::epoch);
        return new TrainingBenchReport(setup(), r.history());
    }
}
