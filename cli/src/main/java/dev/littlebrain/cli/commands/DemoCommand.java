package dev.littlebrain.cli.commands;

import dev.littlebrain.cli.UserMessages;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.curate.KwsCurationOptions;
import dev.littlebrain.data.streams.StreamOptions;
import dev.littlebrain.files.StagedFolder;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.impulse.ProjectLock;
import dev.littlebrain.impulse.SharedFolder;
import dev.littlebrain.impulse.conformance.ConformanceCase;
import dev.littlebrain.impulse.conformance.ConformanceCheck;
import dev.littlebrain.impulse.data.Datasets;
import dev.littlebrain.impulse.data.ImportPlan;
import dev.littlebrain.impulse.data.SyntheticKind;
import dev.littlebrain.impulse.deploy.ContinuousSettings;
import dev.littlebrain.impulse.deploy.DeployFormat;
import dev.littlebrain.impulse.deploy.DeployFormats;
import dev.littlebrain.impulse.deploy.DeployOptions;
import dev.littlebrain.impulse.deploy.Deployment;
import dev.littlebrain.impulse.evaluation.ClipTest;
import dev.littlebrain.impulse.profile.ProfileOptions;
import dev.littlebrain.impulse.profile.Profiling;
import dev.littlebrain.impulse.report.ClipReportText;
import dev.littlebrain.impulse.report.DatasetText;
import dev.littlebrain.impulse.report.ProfileText;
import dev.littlebrain.impulse.report.StreamReportText;
import dev.littlebrain.impulse.report.WorkflowText;
import dev.littlebrain.impulse.training.TrainOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The main job, end to end: (1) every model of the conformance suite is loaded, planned, run on its
 * examples and checked byte for byte against TensorFlow Lite Micro's outputs; (2) a keyword-spotting
 * impulse is built from the espeak-kws dataset as a user would, each step echoed as the command that does it
 * (init, data import, features, train, test, deploy (standalone C), profile) and made through the impulse
 * library's {@link Project} API, printed as that command prints; (3) a motion impulse the same way from
 * accelerometer data the project generates itself. Parts (1) and (2) need the
 * workspace's {@code ../shared/}; without it they are skipped with a note and part (3) still runs, so
 * the demo works on a machine that has nothing but this repository.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the end-to-end demo: TFLite Micro-exact inference on the conformance models, then a"
                + " keyword spotter and a motion classifier from data to int8 model, confusion matrix and C code.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--conformance", paramLabel = "DIR",
            description = "Conformance cases folder (default: ../shared/conformance next to the repository).")
    Path conformance;

    @Option(names = "--dataset", paramLabel = "DIR",
            description = "Speech Commands-layout dataset (default: ../shared/datasets/espeak-kws).")
    Path dataset;

    @Option(names = "--project", paramLabel = "DIR", defaultValue = "demo-kws",
            description = "Where the keyword-spotting project is built (default: ${DEFAULT-VALUE}).")
    Path project;

    @Option(names = "--motion-project", paramLabel = "DIR", defaultValue = "demo-motion",
            description = "Where the motion project is built (default: ${DEFAULT-VALUE}).")
    Path motionProject;

    /** The demo's parts. */
    enum Part { conformance, kws, motion }

    @Option(names = "--parts", split = ",", paramLabel = "PART[,PART...]",
            defaultValue = "conformance,kws,motion",
            description = "Which parts to run: conformance, kws, motion (default: all).")
    List<Part> parts;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        int result = 0;
        if (parts.contains(Part.conformance)) {
            result = conformance();
        }
        if (parts.contains(Part.kws)) {
            result = firstFailure(result, keywordSpotting());
        }
        if (parts.contains(Part.motion)) {
            result = firstFailure(result, motion());
        }
        return result;
    }

    private static int firstFailure(int a, int b) {
        return a != 0 ? a : b;
    }

    private int keywordSpotting() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path data = dataset != null ? dataset : shared("datasets/espeak-kws");
        out.println();
        if (data == null || !Files.isDirectory(data)) {
            if (dataset != null) {
                out.println("No keyword dataset at " + dataset + ".");
                out.flush();
                return 1;
            }
            out.println("Keyword spotting skipped: no ../shared/datasets/espeak-kws next to the repository (pass"
                    + " --dataset DIR for a Speech Commands-layout dataset).");
            out.flush();
            return 0;
        }
        String p = project.toString();
        Path dataDir = new ProjectLayout(project).data();
        List<String> keywords = List.of("yes", "no");
        Path validationStreams = project.resolve("streams-validation");
        List<Step> steps = new ArrayList<>(List.of(
            initStep("kws", project),
            new Step("data import " + data + " --keywords yes,no --unknown --noise --out " + dataDir,
                    o -> DataCommand.printImport(data, progress -> Project.open(project).importData(data,
                            ImportPlan.keywordSpotting(KwsCurationOptions.defaults(keywords)), progress), o)),
            featuresStep(project),
            trainStep(project),
            testStep(project),
            // Continuous spotting: the threshold is calibrated on streams of validation speakers, then the
            // dataset's own test streams (if it has any) are scored at it.
            new Step("data streams " + data + " --keywords yes,no --keyword-share 0.4 --out " + validationStreams,
                    o -> DatasetText.printStreams(Datasets.writeStreams(data, new StreamOptions(keywords,
                            Split.VALIDATION, 72, 20, 0.4, 4, 25, 16000, 1), Optional.empty(), validationStreams,
                            new TerminalProgress()), o)),
            streamTestStep(project, validationStreams, true)));
        Path testStreams = data.resolve("_streams_");
        if (Files.isRegularFile(testStreams.resolve("streams.csv"))) {
            steps.add(streamTestStep(project, testStreams, false));
        }
        Path c = project.resolve("build/c-standalone");
        steps.add(new Step("deploy --project " + p + " --format c-standalone --out " + c,
                o -> WorkflowText.printDeployed(Project.open(project).deploy(cStandalone(), c, DeployOptions.DEFAULTS), o)));
        steps.add(new Step("profile --project " + p + " --target nano33ble",
                o -> ProfileText.print(Project.open(project).profile(ON_NANO, ProfileCommand.buildNotice(
                        spec.commandLine().getErr())), o)));
        return runSteps(project, steps, "Keyword spotter");
    }

    /** A motion classifier from accelerometer data generated here: needs nothing outside the repository. */
    private int motion() throws IOException {
        spec.commandLine().getOut().println();
        Path raw = motionProject.resolve("generated");
        Path dataDir = new ProjectLayout(motionProject).data();
        Path model = new ProjectLayout(motionProject).int8Model();
        Path c = motionProject.resolve("build/c-standalone");
        return runSteps(motionProject, List.of(
            initStep("motion", motionProject),
            new Step("data generate motion --out " + raw + " --samples-per-class 60 --seed 1",
                    o -> DatasetText.printGenerated("motion", raw, Datasets.generate(SyntheticKind.fromId("motion"),
                            raw, 60, 1), o)),
            new Step("data import " + raw + " --out " + dataDir, o -> DataCommand.printImport(raw,
                    progress -> Project.open(motionProject).importData(raw, ImportPlan.asIs(), progress), o)),
            featuresStep(motionProject),
            trainStep(motionProject),
            testStep(motionProject),
            new Step("deploy " + model + " --format c-standalone --out " + c,
                    o -> WorkflowText.printDeployed(Deployment.ofModel(model, cStandalone(), c, DeployOptions.DEFAULTS), o)),
            new Step("profile " + model + " --target nano33ble", o -> ProfileText.print(Profiling.ofModel(
                    model, ON_NANO, ProfileCommand.buildNotice(spec.commandLine().getErr())), o))),
            "Motion classifier");
    }

    private static final ProfileOptions ON_NANO = ProfileOptions.DEFAULTS.withTarget("nano33ble");

    private static DeployFormat cStandalone() {
        return DeployFormats.find("c-standalone").orElseThrow();
    }

    /**
     * A step of the demo: the command a user would type (echoed), and the library call it makes, printing what the
     * command prints.
     */
    private record Step(String command, Work work) {
    }

    @FunctionalInterface
    private interface Work {
        void run(PrintWriter out) throws IOException;
    }

    private static Step initStep(String template, Path dir) {
        return new Step("init " + template + " " + dir, o -> WorkflowText.printCreated(template, dir,
                Project.create(dir, template).layout().config(), o));
    }

    private static Step featuresStep(Path dir) {
        return new Step("features --project " + dir,
                o -> WorkflowText.printFeatures(Project.open(dir).computeFeatures(new TerminalProgress()), o));
    }

    private static Step trainStep(Path dir) {
        return new Step("train --project " + dir,
                o -> WorkflowText.printTrained(TrainCommand.train(Project.open(dir), TrainOptions.DEFAULTS, o), o));
    }

    private static Step testStep(Path dir) {
        return new Step("test --project " + dir, o -> {
            Project p = Project.open(dir);
            ClipReportText.print(p.testWithReports(ClipTest.DEFAULT_MIN_CONFIDENCE, new TerminalProgress()),
                    p.layout(), o);
        });
    }

    /** {@code test --stream} on {@code streams}; with {@code apply} its suggested threshold becomes the project's. */
    private static Step streamTestStep(Path dir, Path streams, boolean apply) {
        return new Step("test --project " + dir + " --stream --streams " + streams + (apply ? " --apply" : ""), o -> {
            Project p = Project.open(dir);
            StreamReportText.print(p.testStreamsWithReports(Optional.of(streams), ContinuousSettings.PROJECT, apply,
                    new TerminalProgress()), p.layout(), o);
        });
    }

    /**
     * Runs the steps in a fresh {@code projectDir}, echoing each like a shell; stops at the first failure, which is
     * reported as the command would report it. The project is locked once it exists, as each command would lock it.
     */
    private int runSteps(Path projectDir, List<Step> steps, String what) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!freshProjectFolder(projectDir, err)) {
            return 1;
        }
        ProjectLock lock = null;
        try {
            for (Step step : steps) {
                out.println("$ littlebrain " + step.command());
                out.flush();
                try {
                    step.work().run(out);
                    out.flush();
                } catch (IOException | RuntimeException e) {
                    out.flush();
                    err.println("error: " + UserMessages.describe(e));
                    err.flush();
                    out.println("demo stopped: step failed with exit code 1");
                    out.flush();
                    return 1;
                }
                out.println();
                if (lock == null) {
                    lock = ProjectLock.acquire(projectDir, spec.qualifiedName(), line -> {
                        err.println(line);
                        err.flush();
                    });
                }
            }
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
        out.println(what + " built in " + projectDir.toAbsolutePath().normalize()
                + ": models/, reports/ (training.png, confusion.png, test.html), build/c-standalone/.");
        out.flush();
        return 0;
    }

    /** The file that marks a folder as one the demo built, so a later demo may replace it. */
    static final String MARKER = ".littlebrain-demo";

    /**
     * Makes {@code dir} an empty folder marked as the demo's: a missing or empty folder is used, a folder an earlier
     * demo built (its marker inside) is replaced, and anything else — the user's own files — is left alone and the
     * demo stops with one line.
     */
    private static boolean freshProjectFolder(Path dir, PrintWriter err) throws IOException {
        if (Files.exists(dir) && !Files.isRegularFile(dir.resolve(MARKER))) {
            boolean empty;
            try (Stream<Path> entries = Files.list(dir)) {
                empty = entries.findAny().isEmpty();
            } catch (java.nio.file.NotDirectoryException e) {
                empty = false;
            }
            if (!empty) {
                err.println("error: " + dir + " exists and was not built by the demo; the demo does not replace what"
                        + " it did not make: move it away or pass another folder (--project / --motion-project)");
                err.flush();
                return false;
            }
        }
        if (Files.exists(dir)) {
            StagedFolder.deleteTree(dir);
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKER), "built by 'littlebrain demo'; the next demo replaces this folder\n");
        return true;
    }

    private int conformance() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path root = conformance != null ? conformance : shared("conformance");
        if (root == null || !Files.isDirectory(root)) {
            if (conformance != null) {
                out.println("No conformance cases at " + conformance + ".");
                out.flush();
                return 1;
            }
            out.println("Conformance check skipped: no ../shared/conformance next to the repository (pass"
                    + " --conformance DIR).");
            out.flush();
            return 0;
        }
        out.println("LittleBrain runtime vs TensorFlow Lite Micro reference outputs (" + root + ")");
        out.printf("%-28s %4s %9s %9s %11s %10s  %s%n", "model", "ops", "arena B", "greedy B", "MACs",
                "µs/infer", "result");
        int failures = 0;
        for (Path dir : ConformanceCheck.cases(root)) {
            ConformanceCase c = ConformanceCheck.run(dir);
            failures += c.passed() ? 0 : 1;
            out.printf(Locale.ROOT, "%-28s %4d %,9d %,9d %,11d %10.1f  %s%n", c.model(), c.ops(), c.arenaBytes(),
                    c.greedyArenaBytes(), c.macs(), c.microsPerInference(), c.verdict());
            out.flush();
        }
        out.println(failures == 0 ? "All models match TensorFlow Lite Micro." : failures + " model(s) differ.");
        out.flush();
        return failures == 0 ? 0 : 1;
    }

    /** A folder of the workspace's shared/ next to the repository (or the working directory's parents). */
    /** The workspace's shared/SUB, absolute as the demo prints it; null when there is none. */
    private static Path shared(String sub) {
        return SharedFolder.find(Path.of("").toAbsolutePath(), sub).orElse(null);
    }
}
