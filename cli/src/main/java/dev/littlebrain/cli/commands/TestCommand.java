package dev.littlebrain.cli.commands;

import dev.littlebrain.files.Json;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.impulse.evaluation.ClipReport;
import dev.littlebrain.impulse.evaluation.ClipTest;
import dev.littlebrain.impulse.evaluation.StreamReport;
import dev.littlebrain.impulse.report.ClipReportText;
import dev.littlebrain.impulse.report.StreamReportText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code littlebrain test}: evaluates the float and int8 models in our runtime on the test split. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Evaluate " + ProjectLayout.FLOAT_MODEL + " and " + ProjectLayout.INT8_MODEL
                + " in the LittleBrain runtime on the test split: accuracy, loss, uncertain rate, per-class"
                + " precision/recall/F1, macro F1, confusion matrices, misclassified samples; reports/confusion.png and"
                + " reports/test.html.")
public final class TestCommand implements Callable<Integer> {
    @Option(names = "--project", paramLabel = "DIR", description = "Impulse project folder (default: current directory).")
    Path project;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Option(names = "--stream", description = "Continuous keyword spotting over labelled test streams: detection"
            + " rate, false accepts per hour and latency for a sweep of thresholds, a suggested operating point,"
            + " reports/far_frr.png and the real-time factor.")
    boolean stream;

    @Option(names = "--streams", paramLabel = "DIR", description = "Folder with streams.csv (file,start_ms,end_ms,label;"
            + " files relative to the folder above it). Default: shared/datasets/espeak-kws/_streams_ found upwards.")
    Path streams;

    @picocli.CommandLine.Mixin
    ContinuousOptions continuous;

    @Option(names = "--apply", description = "With --stream: write the suggested threshold to impulse.yaml"
            + " (continuous.threshold), which deploy, listen and later stream tests use. Calibrate on streams of"
            + " validation speakers ('data streams'), not on the test streams.")
    boolean apply;

    @Option(names = "--min-confidence", defaultValue = "" + ClipTest.DEFAULT_MIN_CONFIDENCE, paramLabel = "P",
            description = "Answers whose top score is below P count as uncertain (default: ${DEFAULT-VALUE}).")
    double minConfidence;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        // A writing command: one at a time per project.
        return CommandLock.holding(apply ? ImpulseProject.find(project).map(ImpulseProject::dir) : java.util.Optional.empty(), spec, this::callLocked);
    }

    private int callLocked() throws IOException {
        if (apply && !stream) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--apply calibrates the stream"
                    + " threshold: use it with --stream");
        }
        Project p = Project.open(project);
        PrintWriter out = spec.commandLine().getOut();
        if (stream) {
            // The project's stream settings (impulse.yaml continuous:, or the options); the threshold is swept.
            StreamReport report = p.testStreamsWithReports(Optional.ofNullable(streams), continuous::config, apply,
                    new TerminalProgress());
            if (json) {
                out.println(Json.compact().writeValueAsString(report));
            } else {
                StreamReportText.print(report, p.layout(), out);
            }
        } else {
            if (!(minConfidence >= 0 && minConfidence <= 1)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--min-confidence must be between 0 and 1, got " + minConfidence);
            }
            ClipReport report = p.testWithReports(minConfidence, new TerminalProgress());
            if (json) {
                out.println(Json.compact().writeValueAsString(report));
            } else {
                ClipReportText.print(report, p.layout(), out);
            }
        }
        out.flush();
        return 0;
    }
}
