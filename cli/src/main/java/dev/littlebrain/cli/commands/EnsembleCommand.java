package dev.littlebrain.cli.commands;

import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.impulse.ProjectLock;
import dev.littlebrain.impulse.training.EnsembleSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code littlebrain ensemble --project P DIR...}: joins the project's trained model with models trained elsewhere
 * on the same features (each DIR a copy of a {@code models/} folder, e.g. taken before {@code data mine} and a second
 * {@code train}) into one model averaging their scores, which then replaces the project's. Members of different
 * recipes or data are what an ensemble needs (see README, Streaming); {@code learn.ensemble} covers members that
 * differ only in preset, seed or SpecAugment.
 */
@Command(name = "ensemble", mixinStandardHelpOptions = true,
        description = "Join the project's model with models trained on the same features (folders holding"
                + " " + ProjectLayout.FLOAT_MODEL_NAME + ", " + ProjectLayout.INT8_MODEL_NAME + " and "
                + ProjectLayout.TRAINING_RECORD_NAME + ") into one model averaging their scores;"
                + " the members are kept under models/members/.")
public final class EnsembleCommand implements Callable<Integer> {
    @Option(names = "--project", paramLabel = "DIR", description = "Impulse project folder (default: current directory).")
    Path project;

    @Parameters(arity = "1..*", paramLabel = "MODELS_DIR", description = "Folders of the other members' models.")
    List<Path> others = new ArrayList<>();

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
        EnsembleSummary joined = Project.open(ImpulseProject.require(project).dir()).joinEnsemble(others);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("joined %d models into %s and %s (%s; %d inferences' cost per window); members kept in %s%n",
                joined.members(), joined.floatModel(), joined.int8Model(), joined.combination(), joined.members(),
                joined.keptIn());
        out.flush();
        return 0;
    }
}
