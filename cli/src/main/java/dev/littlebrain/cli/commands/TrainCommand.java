package dev.littlebrain.cli.commands;

import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.impulse.ProjectLock;
import dev.littlebrain.impulse.report.WorkflowText;
import dev.littlebrain.impulse.training.TrainOptions;
import dev.littlebrain.impulse.training.TrainingSummary;
import dev.littlebrain.train.TrainingDevice;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code littlebrain train}: trains the impulse's learn block on the cached training-split features, writes
 * the float and int8 models, the training history and a loss/accuracy curve.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the impulse's model; write " + ProjectLayout.FLOAT_MODEL + ", " + ProjectLayout.INT8_MODEL
                + ", " + ProjectLayout.TRAINING_RECORD + " and " + ProjectLayout.REPORTS + "/training.png.")
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--project", paramLabel = "DIR", description = "Impulse project folder (default: current directory).")
    Path project;

    @Option(names = "--epochs", paramLabel = "N", description = "Override learn.epochs (e.g. for a quick run).")
    Integer epochs;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "DEVICE",
            description = "auto (a CUDA GPU if PyTorch sees one, else the CPU), cpu (seeded, reproducible) or gpu"
                    + " (default: ${DEFAULT-VALUE}).")
    String device;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        // A writing command: one at a time per project (two trains shared one checkpoint).
        try (ProjectLock lock = CommandLock.acquire(ImpulseProject.require(project).dir(), spec)) {
            return callLocked();
        }
    }

    private Integer callLocked() throws IOException {
        Project p = Project.open(ImpulseProject.require(project).dir());
        if (epochs != null && epochs <= 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--epochs must be positive, got " + epochs);
        }
        TrainOptions options = TrainOptions.DEFAULTS;
        try {
            options = options.withDevice(TrainingDevice.parse(device));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (epochs != null) {
            options = options.withEpochs(epochs);
        }
        PrintWriter out = spec.commandLine().getOut();
        WorkflowText.printTrained(train(p, options, out), out);
        return 0;
    }

    /** Trains {@code p}, its epochs printed to {@code out} as they finish. */
    static TrainingSummary train(Project p, TrainOptions options, PrintWriter out) throws IOException {
        System.setProperty("java.awt.headless", "true"); // the training curves are drawn off-screen
        return p.train(options, new TrainProgress(out));
    }
}
