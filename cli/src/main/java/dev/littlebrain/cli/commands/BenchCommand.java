package dev.littlebrain.cli.commands;

import dev.littlebrain.data.curate.KwsCurationOptions;
import dev.littlebrain.files.StagedFolder;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.SharedFolder;
import dev.littlebrain.impulse.bench.TrainingBench;
import dev.littlebrain.impulse.bench.TrainingBenchReport;
import dev.littlebrain.impulse.data.ImportPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code littlebrain bench}: performance benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Performance benchmarks.",
        subcommands = {BenchCommand.Train.class, BenchDeviceCommand.class})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code littlebrain bench train}: epochs and samples per second of conv1d-kws training. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train conv1d-kws for N epochs on a project's cached features (or on espeak-kws from"
                    + " ../shared/datasets, curated into a temporary project) and print epochs/s and samples/s"
                    + " (first epoch excluded as warm-up).")
    public static final class Train implements Callable<Integer> {
        @Option(names = "--project", paramLabel = "DIR", description = "Impulse project with data (default: espeak-kws).")
        Path project;

        @Option(names = "--epochs", paramLabel = "N", defaultValue = "20", description = "Epochs (default: 20).")
        int epochs;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (epochs < 2) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--epochs must be at least 2 (the first is warm-up), got " + epochs);
            }
            PrintWriter out = spec.commandLine().getOut();
            Path temp = null;
            try {
                Path dir = project;
                if (dir == null) {
                    Path dataset = SharedFolder.find("datasets/espeak-kws").orElseThrow(() ->
                            new IllegalArgumentException("no --project given and ../shared/datasets/espeak-kws not found"));
                    temp = Files.createTempDirectory("littlebrain-bench");
                    dir = temp.resolve("P");
                    curate(dataset, dir, out);
                }
                return bench(Project.open(dir), out);
            } finally {
                if (temp != null) {
                    StagedFolder.deleteTree(temp);
                }
            }
        }

        /** Curates {@code dataset} into a new keyword-spotting project in {@code dir}, as the demo does. */
        private static void curate(Path dataset, Path dir, PrintWriter out) throws IOException {
            out.println("curating " + dataset + " into " + dir);
            out.flush();
            Project p = Project.create(dir, "kws");
            p.importData(dataset, ImportPlan.keywordSpotting(KwsCurationOptions.defaults(List.of("yes", "no"))),
                    new TerminalProgress());
            p.computeFeatures(new TerminalProgress());
        }

        private Integer bench(Project p, PrintWriter out) throws IOException {
            TrainingBench bench = TrainingBench.prepare(p.project(), epochs, new TerminalProgress());
            TrainingBenchReport.Setup s = bench.setup();
            out.printf(Locale.ROOT, "bench train: %s, %d training samples, batch %d, %d epochs, %d CPU threads%n",
                    s.preset(), s.trainingSamples(), s.batchSize(), s.epochs(), s.cpuThreads());
            out.flush();
            TrainingBenchReport r = bench.run(new TrainProgress(out));
            out.printf(Locale.ROOT, "%.3f epochs/s, %.1f samples/s (%d epochs in %.2f s, warm-up %.2f s excluded)%n",
                    r.epochsPerSecond(), r.samplesPerSecond(), r.measuredEpochs(), r.measuredSeconds(),
                    r.warmUpSeconds());
            out.flush();
            return 0;
        }
    }
}
