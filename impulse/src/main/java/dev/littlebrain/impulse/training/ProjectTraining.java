package dev.littlebrain.impulse.training;

import dev.littlebrain.data.Split;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.impulse.TrainingRecord;
import dev.littlebrain.impulse.report.TrainingCurves;
import dev.littlebrain.quantize.Calibration;
import dev.littlebrain.quantize.Int8Quantizer;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.ModelEnsemble;
import dev.littlebrain.tflite.TfliteWriter;
import dev.littlebrain.train.EpochStats;
import dev.littlebrain.train.LabeledFeatures;
import dev.littlebrain.train.Preset;
import dev.littlebrain.train.TfliteExport;
import dev.littlebrain.train.Trainer;
import dev.littlebrain.train.TrainingConfig;
import dev.littlebrain.train.TrainingListener;
import dev.littlebrain.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code train}'s work: fits each member of the learn block on the training split (validation split for early
 * stopping), exports and quantizes it, joins an ensemble's members into one model, and writes the float and int8
 * models, training.json and a curve per member.
 *
 * <p>Each member checkpoints every epoch. A cancelled training stops between batches and leaves the checkpoints
 * (finished members' too), so the next run trains only what is left; the models and training.json are written only
 * once every member has finished, each file atomically.
 */
public final class ProjectTraining {
    private ProjectTraining() {
    }

    /**
     * Trains the project's model.
     *
     * @throws IllegalArgumentException when the project cannot be trained (no training samples, no GPU where one was
     *     asked for): one line saying why
     * @throws java.util.concurrent.CancellationException when {@code progress} cancelled it
     */
    public static TrainingSummary run(ImpulseProject p, TrainOptions options, Progress progress) throws IOException {
        ImpulseConfig.Learn learn = p.config().learn();
        String device = options.device().describe(); // fails here, before any work, when a GPU is absent
        progress.stage("features");
        ImpulseProject.Features f = p.features(progress.listener());
        ImpulseProject.Split train = f.split(Split.TRAIN);
        ImpulseProject.Split validation = f.split(Split.VALIDATION);
        if (train.size() == 0) {
            throw new IllegalArgumentException("no training samples with labels " + f.labels() + " in " + p.data());
        }
        int classes = f.labels().size();
        int[] inputShape = {f.shape().frames(), f.shape().coefficients()};
        float[] classWeights = "balanced".equals(learn.classWeights())
                ? TrainingConfig.balancedWeights(train.labels(), classes) : null;
        TrainingConfig base = new TrainingConfig((float) learn.learningRate(), learn.batchSize(),
                options.epochs().orElse(learn.epochs()), learn.patience(), learn.seed(), classWeights,
                learn.schedule()).withKeep(learn.keep()).withLabelSmoothing((float) learn.labelSmoothing());
        List<float[][]> representative = CalibrationSamples.representative(train, classes, CalibrationSamples.COUNT,
                CalibrationSamples.SEED);
        List<ImpulseConfig.Member> members = learn.members();
        // A finished member's checkpoint stays until the ensemble is written: an interrupted run then trains only
        // the member it stopped in, and those before it are read back as they finished.
        List<Path> checkpoints = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
            checkpoints.add(p.layout().checkpoint(m, members.size()));
        }
        progress.stage("training");
        List<Model> floatMembers = new ArrayList<>();
        List<Model> int8Members = new ArrayList<>();
        List<MemberRun> runs = new ArrayList<>();
        TrainingListener listener = listener(progress);
        long start = System.nanoTime();
        for (int m = 0; m < members.size(); m++) {
            ImpulseConfig.Member member = members.get(m);
            Preset preset = Preset.named(member.preset(), inputShape, classes);
            TrainingConfig config = base.withSeed(member.seed()).withSpecAugment(member.specAugment(),
                    f.shape().frames(), f.shape().coefficients());
            String which = members.size() == 1 ? "" : String.format(Locale.ROOT, "member %d/%d (seed %d%s): ", m + 1,
                    members.size(), member.seed(), member.specAugment() == null ? "" : ", SpecAugment");
            progress.message(String.format(Locale.ROOT, "%straining %s on %d samples (%d validation), %d classes %s,"
                    + " %d epochs, learning rate %s (%s), on %s", which, preset.name(), train.size(),
                    validation.size(), classes, f.labels(), config.epochs(), config.learningRate(),
                    config.schedule().id(), device));
            TrainingResult result = new Trainer(preset.spec(), config, options.device()).fit(
                    new LabeledFeatures(train.features(), train.labels()),
                    new LabeledFeatures(validation.features(), validation.labels()),
                    checkpoints.get(m), members.size() > 1, listener);
            Model floatModel = TfliteExport.of(preset.spec(), result.parameters());
            floatMembers.add(floatModel);
            int8Members.add(Int8Quantizer.quantize(floatModel, Calibration.collect(floatModel, representative)));
            runs.add(new MemberRun(preset, config, result));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // Past this point nothing polls for cancellation: the files below are one result and are written together.
        // An ensemble is written as one model averaging its members' scores, so everything downstream (test,
        // stream, profile, deploy) runs it as it runs a single model.
        String mean = "mean of " + members.size() + " members' scores";
        Model floatModel = members.size() == 1 ? floatMembers.get(0)
                : ModelEnsemble.averaging(floatMembers, "LittleBrain train (float32, " + mean + ")");
        Model int8 = members.size() == 1 ? int8Members.get(0)
                : ModelEnsemble.averaging(int8Members, "LittleBrain train (int8, " + mean + ")");
        ProjectLayout layout = p.layout();
        Files.createDirectories(layout.models());
        Files.createDirectories(layout.reports());
        TfliteWriter.write(floatModel, layout.floatModel());
        TfliteWriter.write(int8, layout.int8Model());
        TrainingRecord record = record(runs, f, representative.size());
        record.write(layout.trainingRecord());
        deleteCheckpoints(layout, checkpoints);
        List<Path> curves = new ArrayList<>();
        for (int m = 0; m < runs.size(); m++) {
            Path png = layout.trainingCurve(m);
            TrainingCurves.write(runs.get(m).result().history(), png);
            curves.add(png);
        }
        return new TrainingSummary(device, seconds, runs.stream().map(r -> r.result().bestEpoch()).toList(),
                representative.size(), layout.floatModel(), layout.int8Model(), layout.trainingRecord(), curves,
                record);
    }

    /** The project's progress as the trainer's listener. */
    private static TrainingListener listener(Progress progress) {
        return new TrainingListener() {
            @Override
            public void epoch(EpochStats stats) {
                progress.epoch(stats);
            }

            @Override
            public void message(String line) {
                progress.message(line);
            }

            @Override
            public boolean cancelled() {
                return progress.cancelled();
            }
        };
    }

    /** The members' checkpoints, and those of members since removed from learn.ensemble: nothing will resume them. */
    private static void deleteCheckpoints(ProjectLayout layout, List<Path> checkpoints) throws IOException {
        for (Path c : checkpoints) {
            Files.deleteIfExists(c);
        }
        try (var stale = Files.newDirectoryStream(layout.cache(), ProjectLayout.MEMBER_CHECKPOINTS)) {
            for (Path c : stale) {
                Files.deleteIfExists(c);
            }
        } catch (NoSuchFileException e) {
            // no cache folder: nothing was checkpointed
        }
    }

    /** One trained member: what it was and how its training went. */
    private record MemberRun(Preset preset, TrainingConfig config, TrainingResult result) {
        TrainingRecord record() {
            return TrainingRecord.member(preset.name(), config, result);
        }
    }

    /**
     * The training record: the first member's settings and history at the top level (a single model's whole
     * record), and for an ensemble a {@code members} list with each member's.
     */
    private static TrainingRecord record(List<MemberRun> runs, ImpulseProject.Features f, int calibration) {
        List<TrainingRecord> members = runs.stream().map(MemberRun::record).toList();
        TrainingRecord record = members.get(0).forProject(f.labels(),
                List.of(f.shape().frames(), f.shape().coefficients()), calibration);
        return runs.size() > 1 ? record.withMembers(members) : record;
    }
}
