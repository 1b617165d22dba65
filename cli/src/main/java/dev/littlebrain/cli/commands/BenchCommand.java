package dev.littlebrain.cli.commands;

import dev.littlebrain.cli.LittleBrain;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.data.progress.ProgressBar;
import dev.littlebrain.data.Split;
import dev.littlebrain.train.EpochStats;
import dev.littlebrain.train.LabeledFeatures;
import dev.littlebrain.train.Preset;
import dev.littlebrain.train.Trainer;
import dev.littlebrain.train.TrainingConfig;
import dev.littlebrain.train.TrainingResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
                    Path dataset = findDataset();
                    if (dataset == null) {
                        throw new IllegalArgumentException("no --project given and ../shared/datasets/espeak-kws not found");
                    }
                    temp = Files.createTempDirectory("littlebrain-bench");
                    dir = temp.resolve("P");
                    curate(dataset, dir, out);
                }
                return bench(ImpulseProject.require(dir), out);
            } finally {
                if (temp != null) {
                    try (Stream<Path> files = Files.walk(temp)) {
                        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                    }
                }
            }
        }

        private static Path findDataset() {
            for (String base : new String[] {"shared", "../shared", "../../shared"}) {
                Path d = Path.of(base, "datasets", "espeak-kws");
                if (Files.isDirectory(d)) {
                    return d;
                }
            }
            return null;
        }

        private static void curate(Path dataset, Path dir, PrintWriter out) throws IOException {
            out.println("curating " + dataset + " into " + dir);
            out.flush();
            String[][] steps = {{"init", "kws", dir.toString()},
                    {"data", "import", dataset.toString(), "--keywords", "yes,no", "--unknown", "--noise", "--out",
                            new ProjectLayout(dir).data().toString()},
                    {"features", "--project", dir.toString()}};
            for (String[] step : steps) {
                java.io.StringWriter log = new java.io.StringWriter();
                int rc = LittleBrain.run(step, new PrintWriter(log), new PrintWriter(log));
                if (rc != 0) {
                    throw new IOException(String.join(" ", step) + " failed: " + log);
                }
            }
        }

        private Integer bench(ImpulseProject p, PrintWriter out) throws IOException {
            ImpulseProject.Features f = p.features(ProgressBar.onStderr("features"));
            ImpulseProject.Split train = f.split(Split.TRAIN);
            if (train.size() == 0) {
                throw new IllegalArgumentException("no training samples in " + p.data());
            }
            Preset preset = Preset.named("conv1d-kws", new int[] {f.shape().frames(), f.shape().coefficients()},
                    f.labels().size());
            TrainingConfig config = preset.training().withEpochs(epochs).withPatience(0);
            out.printf(Locale.ROOT, "bench train: conv1d-kws, %d training samples, batch %d, %d epochs, %d CPU threads%n",
                    train.size(), config.batchSize(), epochs, Runtime.getRuntime().availableProcessors());
            out.flush();
            TrainingResult r = new Trainer(preset.spec(), config).fit(
                    new LabeledFeatures(train.features(), train.labels()), null, s -> {
                        out.println(TrainCommand.format(s));
                        out.flush();
                    });
            long nanos = 0;
            for (EpochStats s : r.history().subList(1, r.history().size())) {
                nanos += s.epochTime().toNanos();
            }
            double seconds = nanos / 1e9;
            int measured = r.history().size() - 1;
            out.printf(Locale.ROOT, "%.3f epochs/s, %.1f samples/s (%d epochs in %.2f s, warm-up %.2f s excluded)%n",
                    measured / seconds, (double) measured * train.size() / seconds, measured, seconds,
                    r.history().get(0).epochTime().toNanos() / 1e9);
            out.flush();
            return 0;
        }
    }
}
