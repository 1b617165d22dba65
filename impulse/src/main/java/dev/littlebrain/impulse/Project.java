package dev.littlebrain.impulse;

import dev.littlebrain.impulse.data.DataImport;
import dev.littlebrain.impulse.data.HardNegativeMining;
import dev.littlebrain.impulse.data.ImportPlan;
import dev.littlebrain.impulse.data.ImportSummary;
import dev.littlebrain.impulse.data.MiningSummary;
import dev.littlebrain.impulse.deploy.ContinuousSettings;
import dev.littlebrain.impulse.deploy.DeployFormat;
import dev.littlebrain.impulse.deploy.DeployOptions;
import dev.littlebrain.impulse.deploy.DeployResult;
import dev.littlebrain.impulse.deploy.Deployment;
import dev.littlebrain.impulse.evaluation.ClipReport;
import dev.littlebrain.impulse.evaluation.ClipTest;
import dev.littlebrain.impulse.evaluation.Interval;
import dev.littlebrain.impulse.evaluation.StreamEvaluation;
import dev.littlebrain.impulse.evaluation.StreamReport;
import dev.littlebrain.impulse.evaluation.StreamTest;
import dev.littlebrain.impulse.features.FeatureMap;
import dev.littlebrain.impulse.features.FeatureSummary;
import dev.littlebrain.impulse.profile.DeviceProfile;
import dev.littlebrain.impulse.profile.ProfileOptions;
import dev.littlebrain.impulse.profile.Profiling;
import dev.littlebrain.impulse.report.FarFrrPlot;
import dev.littlebrain.impulse.report.TestReport;
import dev.littlebrain.impulse.training.EnsembleJoin;
import dev.littlebrain.impulse.training.EnsembleSummary;
import dev.littlebrain.impulse.training.ProjectTraining;
import dev.littlebrain.impulse.training.TrainOptions;
import dev.littlebrain.impulse.training.TrainingSummary;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An impulse project for a Java program: what the CLI's commands do, as methods that take a {@link Progress} and
 * return typed records (the CLI prints the same records as text or {@code --json}).
 *
 * <pre>{@code
 * Project p = Project.open(Path.of("my-kws"));
 * ClipReport clips = p.test(0.6, Progress.NONE);
 * StreamReport streams = p.testStreams(Path.of("streams"), Progress.NONE);
 * }</pre>
 */
public final class Project {
    private final ImpulseProject project;

    private Project(ImpulseProject project) {
        this.project = project;
    }

    /** The project in {@code dir}, which must hold an impulse.yaml. */
    public static Project open(Path dir) throws IOException {
        return new Project(ImpulseProject.require(dir));
    }

    /** A new project in {@code dir} (created if missing) from a template ({@link ImpulseConfig#TEMPLATES}). */
    public static Project create(Path dir, String template) throws IOException {
        ImpulseConfig.writeTemplate(template, dir);
        return open(dir);
    }

    /** The impulse as impulse.yaml declares it. */
    public ImpulseConfig impulse() {
        return project.config();
    }

    public ProjectLayout layout() {
        return project.layout();
    }

    /** The project as the commands see it (features, splits, trained labels). */
    public ImpulseProject project() {
        return project;
    }

    /** The features of every sample, computed where the cache lacks them ({@code littlebrain features}). */
    public FeatureSummary computeFeatures(Progress progress) throws IOException {
        return FeatureSummary.compute(project, progress);
    }

    /**
     * Every sample on a plane (its standardised features' first two principal components) with the samples that lie
     * nearer another label's mean than their own marked: the studio's data explorer. Features come from the cache,
     * missing ones are computed.
     */
    public FeatureMap featureMap(Progress progress) throws IOException {
        return FeatureMap.of(project, progress);
    }

    /**
     * Trains the learn block on the training split and writes the float and int8 models, training.json and the
     * training curves ({@code littlebrain train}). Epochs and messages reach {@code progress}; cancelled, it throws
     * {@link java.util.concurrent.CancellationException} and leaves a checkpoint that the next call resumes from.
     * Needs a training backend on the class path ({@code littlebrain-train-pytorch}); without one it fails with an
     * {@link IllegalStateException} naming it. Trainings in one JVM run one at a time: PyTorch's one random generator
     * draws every training's dropout masks, so a second training waits for the first.
     */
    public TrainingSummary train(TrainOptions options, Progress progress) throws IOException {
        return ProjectTraining.run(project, options, progress);
    }

    /**
     * Joins the project's model with models trained elsewhere on the same features (each folder a copy of a
     * {@code models/} folder) into one model averaging their scores ({@code littlebrain ensemble}); the members are
     * kept under models/members/.
     */
    public EnsembleSummary joinEnsemble(List<Path> otherModelFolders) throws IOException {
        return EnsembleJoin.run(project, otherModelFolders);
    }

    /** The float and int8 models on the test split ({@code littlebrain test}). */
    public ClipReport test(double minConfidence, Progress progress) throws IOException {
        return ClipTest.run(project, minConfidence, progress);
    }

    /**
     * What {@code littlebrain test} does: {@link #test} once both models are there and the int8 one is int8, with
     * the confusion matrices (reports/confusion.png), the HTML report (reports/test.html) and the record of its
     * figures (reports/test.json, {@link TestRecord}) written.
     */
    public ClipReport testWithReports(double minConfidence, Progress progress) throws IOException {
        ClipTest.requireTrained(project);
        // Fingerprinted before the run: a model replaced while it runs leaves a record of the old one, read as stale.
        TestRecord.ModelFile tested = TestRecord.ModelFile.of(layout().int8Model());
        Instant started = Instant.now();
        ClipReport report = ClipTest.run(project, minConfidence, progress);
        TestReport.write(report, layout());
        TestRecord.of(report, tested, started).write(layout());
        return report;
    }

    /**
     * What {@code littlebrain test --stream} does: the int8 model of an audio impulse on the labelled streams in
     * {@code streamsDir} (by default the shared espeak-kws streams, {@link StreamTest#defaultStreams}) with the
     * continuous settings {@code settings} makes of the project's (their threshold is the project's operating point;
     * the others are swept), the FAR/FRR curve drawn to reports/far_frr.png and, when {@code apply}, the suggested
     * threshold written to impulse.yaml.
     */
    public StreamReport testStreamsWithReports(Optional<Path> streamsDir, ContinuousSettings settings, boolean apply,
            Progress progress) throws IOException {
        ClipTest.requireTrained(project);
        if (!project.config().input().modality().isAudio()) {
            throw new IllegalArgumentException("--stream needs an audio impulse, this one takes "
                    + project.config().input().type());
        }
        Path dir = streamsDir.orElseGet(() -> StreamTest.defaultStreams(project.dir()));
        if (!Files.isRegularFile(dir.resolve(StreamTest.TRUTH))) {
            throw new IllegalArgumentException("no " + StreamTest.TRUTH + " in " + dir + "; pass --streams DIR");
        }
        int rate = (int) Math.round(project.config().input().frequencyHz());
        ContinuousConfig config = settings.config(rate, project.windowSamples(), project.trainedLabels(),
                project.config().continuous());
        StreamReport report = StreamTest.run(project, dir, config, progress);
        StreamEvaluation.Point best = report.suggested();
        // The cross is the wider, speaker-clustered interval when the streams name their speakers.
        Interval detection = best.bySpeaker() != null ? best.bySpeaker().interval() : report.detectionInterval(best);
        FarFrrPlot.plot(report.points(), best, detection, report.falseAcceptInterval(best), report.perKeyword(),
                layout().farFrrCurve());
        return apply ? StreamTest.apply(project, report) : report;
    }

    /**
     * The int8 model on the labelled streams in {@code streamsDir} ({@code littlebrain test --stream}), run with
     * the project's continuous settings.
     */
    public StreamReport testStreams(Path streamsDir, Progress progress) throws IOException {
        return StreamTest.run(project, streamsDir, continuousConfig(), progress);
    }

    /** The impulse as one call: a window in, a score per trained label out. */
    public Classifier classifier() throws IOException {
        return Classifier.of(project);
    }

    /** How the project's model runs on a stream: impulse.yaml's continuous settings, its trained labels. */
    public ContinuousConfig continuousConfig() throws IOException {
        int rate = Math.max(1, (int) Math.round(project.config().input().frequencyHz()));
        return ContinuousSettings.PROJECT.config(rate, project.windowSamples(), project.trainedLabels(),
                project.config().continuous());
    }

    // ---- deploy and profile ----

    /**
     * The project's int8 model in {@code format} in {@code outDir} ({@code littlebrain deploy --project}): with the
     * labels it was trained on and, in the formats that carry it, the impulse's DSP block and classifier wrapper.
     * Nothing is written unless the whole export succeeds; in an existing folder only the export's files are
     * replaced.
     */
    public DeployResult deploy(DeployFormat format, Path outDir, DeployOptions options) throws IOException {
        return Deployment.ofProject(project, format, outDir, options);
    }

    /**
     * RAM, flash and time per inference of the project's int8 model with its window on each board
     * ({@code littlebrain profile}): the built-in boards and the project's own, or the options' target; an audio
     * impulse with its DSP front end and continuous-mode deadline. The progress hears of the arm-none-eabi-gcc
     * builds ({@link Profiling#MEASURING}).
     *
     * @throws dev.littlebrain.impulse.profile.UnknownBoardException when the target names no known board
     */
    public List<DeviceProfile> profile(ProfileOptions options, Progress progress) throws IOException {
        return Profiling.ofProject(project, options, progress);
    }

    /** {@link #profile(ProfileOptions, Progress)} with no one listening. */
    public List<DeviceProfile> profile(ProfileOptions options) throws IOException {
        return profile(options, Progress.NONE);
    }

    // ---- data ----

    /**
     * Imports the dataset folder {@code source} into the project's data/ as {@code plan} says ({@code littlebrain
     * data import}); the old data stays whole until the new is complete.
     */
    public ImportSummary importData(Path source, ImportPlan plan, Progress progress) throws IOException {
        return DataImport.run(source, layout().data(), plan, progress);
    }

    /**
     * Adds the windows of other words that the project's int8 model mistakes for keywords, heard in {@code seconds}
     * of streams made from {@code dataset} (the one the project was curated from), to its data as _unknown_
     * ({@code littlebrain data mine}).
     *
     * @param maxWindows the most windows to add; empty: as many as the largest keyword class has
     */
    public MiningSummary mineHardNegatives(Path dataset, int seconds, Optional<Integer> maxWindows,
            Progress progress) throws IOException {
        return HardNegativeMining.run(project, dataset, seconds, maxWindows, progress);
    }
}
