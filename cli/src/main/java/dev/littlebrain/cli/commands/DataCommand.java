package dev.littlebrain.cli.commands;

import dev.littlebrain.data.Split;
import dev.littlebrain.data.curate.KwsCurationOptions;
import dev.littlebrain.data.curate.Placement;
import dev.littlebrain.data.curate.TrainingAcoustics;
import dev.littlebrain.data.streams.StreamOptions;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.impulse.Project;
import dev.littlebrain.impulse.ProjectLock;
import dev.littlebrain.impulse.data.DataImport;
import dev.littlebrain.impulse.data.DatasetDescription;
import dev.littlebrain.impulse.data.Datasets;
import dev.littlebrain.impulse.data.HardNegativeMining;
import dev.littlebrain.impulse.data.ImportPlan;
import dev.littlebrain.impulse.data.ImportSummary;
import dev.littlebrain.impulse.data.MiningSummary;
import dev.littlebrain.impulse.data.NothingToImportException;
import dev.littlebrain.impulse.data.SyntheticKind;
import dev.littlebrain.impulse.data.ValidationFold;
import dev.littlebrain.impulse.report.DatasetText;
import dev.littlebrain.impulse.report.ImportText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code littlebrain data import|curate|stats|spectrogram|generate|streams|mine|record}: datasets in, curated windows
 * out. The work is the impulse library's ({@link DataImport}, {@link Datasets}, {@link HardNegativeMining}); these
 * commands parse options and print its records.
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Import, curate and describe datasets.",
        subcommands = {DataCommand.Import.class, DataCommand.Curate.class, DataCommand.Stats.class,
                DataCommand.Spectrogram.class, DataCommand.Generate.class, DataCommand.Streams.class,
                DataCommand.Mine.class, DataRecordCommand.class})
public final class DataCommand {

    /** Keyword-spotting curation options, shared by {@code import} and {@code curate}. */
    static final class KwsOptions {
        @Option(names = "--keywords", split = ",", paramLabel = "WORD[,WORD...]",
                description = "Keywords to recognise, e.g. yes,no.")
        List<String> keywords;

        @Option(names = "--unknown", description = "Add an _unknown_ class sampled from all other words.")
        boolean unknown;

        @Option(names = "--noise", description = "Add a _noise_ class of background snippets (and mix noise into training clips).")
        boolean noise;

        @Option(names = "--bundled", description = "Add the other-word clips and background recordings shipped with"
                + " LittleBrain (Speech Commands, CC BY 4.0) as _unknown_ and _noise_: for a folder of your own"
                + " keyword recordings ('data record'), which has neither. Implies --unknown --noise.")
        boolean bundled;

        @Option(names = "--samples-per-class", paramLabel = "N", defaultValue = "0",
                description = "Clips per class (0 = as many as the smallest keyword class has).")
        int samplesPerClass;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--random-offset", description = "Place utterances at a random offset instead of centred.")
        boolean randomOffset;

        @Option(names = "--training-copies", paramLabel = "N", defaultValue = "" + KwsCurationOptions.DEFAULT_TRAINING_COPIES,
                description = "Renderings of every training keyword clip, each with its own noise and shift;"
                        + " _unknown_ and _noise_ get as many clips (default: ${DEFAULT-VALUE}).")
        int trainingCopies;

        @Option(names = "--shift-ms", paramLabel = "MS", defaultValue = "" + KwsCurationOptions.DEFAULT_TRAINING_SHIFT_MS,
                description = "Largest random time shift of a training clip (default: ${DEFAULT-VALUE}).")
        int shiftMs;

        @Option(names = "--speed-percent", paramLabel = "P",
                defaultValue = "" + KwsCurationOptions.DEFAULT_TRAINING_SPEED_PERCENT,
                description = "Play every training rendering after the first at a random speed within +-P %%, which moves"
                        + " pitch and formants as other voices would (default: ${DEFAULT-VALUE}).")
        int speedPercent;

        @Option(names = "--noise-gain-db", paramLabel = "MIN,MAX", split = ",",
                defaultValue = KwsCurationOptions.DEFAULT_NOISE_GAIN_DB,
                description = "Gain range of the background recordings mixed into training clips, dB against their own"
                        + " level (default: ${DEFAULT-VALUE}); higher means noisier training clips.")
        List<Double> noiseGainDb;

        @Option(names = "--noise-snr-db", paramLabel = "MIN,MAX", split = ",",
                description = "Mix the background recordings into training clips at a clip-to-noise ratio in this range,"
                        + " dB, measured against each clip (instead of --noise-gain-db), e.g. 0,20 as in a kitchen.")
        List<Double> noiseSnrDb;

        @Option(names = "--reverb-ms", paramLabel = "RT60", defaultValue = "0",
                description = "Hear every training rendering after the first in a simulated room, reverberation time"
                        + " 100 ms to RT60 ms (default: ${DEFAULT-VALUE}, none).")
        int reverbMs;

        @Option(names = "--stream-seconds", paramLabel = "S",
                defaultValue = "" + KwsCurationOptions.DEFAULT_TRAINING_STREAM_SECONDS,
                description = "Seconds of continuous audio made from the training speakers' clips and cut into extra"
                        + " training windows, every quarter window, as a continuous spotter sees them (default:"
                        + " ${DEFAULT-VALUE}; 0: none; needs --unknown and --noise).")
        int streamSeconds;

        @Option(names = "--unknown-ratio", paramLabel = "R", defaultValue = "" + KwsCurationOptions.DEFAULT_UNKNOWN_RATIO,
                description = "Size of _unknown_ against one keyword class (default: ${DEFAULT-VALUE}): more of the"
                        + " words a continuous spotter must ignore.")
        double unknownRatio;

        @Option(names = "--resample", description = "Resample/downmix clips that are not 16 kHz mono instead of skipping them.")
        boolean resample;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "data",
                description = "Where the curated dataset goes (default: ${DEFAULT-VALUE}): a new or empty folder, or"
                        + " one a previous import wrote (it is replaced); never the dataset itself or a folder"
                        + " holding other files.")
        Path out;

        @Option(names = "--validation-fold", paramLabel = "K/N", description = "Validate on fold K of N of the"
                + " training speakers instead of the dataset's validation split (which is then left out): speaker"
                + " cross-validation for comparing recipes; pass the same K/N to 'data streams'.")
        String validationFold;

        /** Curation when keywords are given, else a plain import (sensor samples copied, audio listed). */
        ImportPlan plan() {
            if (keywords == null || keywords.isEmpty()) {
                return ImportPlan.asIs();
            }
            Optional<ValidationFold> fold = fold(validationFold); // refused before the options are checked
            return ImportPlan.keywordSpotting(toOptions()).withBundled(bundled).withValidationFold(fold);
        }

        KwsCurationOptions toOptions() {
            if (noiseGainDb.size() != 2) {
                throw new IllegalArgumentException("--noise-gain-db takes MIN,MAX, got " + noiseGainDb);
            }
            KwsCurationOptions d = KwsCurationOptions.defaults(keywords);
            boolean noise = this.noise || bundled;
            return d.withClasses(unknown || bundled, noise)
                    .withSamplesPerClass(samplesPerClass)
                    .withPlacement(randomOffset ? Placement.RANDOM : Placement.CENTRED)
                    .withNoiseMixing(d.noiseProbability(), noiseGainDb.get(0), noiseGainDb.get(1),
                            noise ? d.noiseSplits() : java.util.Set.of())
                    .withTrainingAugmentation(trainingCopies, shiftMs)
                    .withTrainingSpeedPercent(speedPercent)
                    .withTrainingStreamSeconds(streamSeconds)
                    .withUnknownRatio(unknownRatio)
                    .withAllowResample(resample)
                    .withSeed(seed)
                    .withAcoustics(acoustics());
        }

        private TrainingAcoustics acoustics() {
            TrainingAcoustics a = TrainingAcoustics.NONE.withReverb(reverbMs);
            if (noiseSnrDb == null) {
                return a;
            }
            if (noiseSnrDb.size() != 2) {
                throw new IllegalArgumentException("--noise-snr-db takes MIN,MAX, got " + noiseSnrDb);
            }
            return a.withNoiseSnr(noiseSnrDb.get(0), noiseSnrDb.get(1));
        }
    }

    /** Imports or curates {@code dataset} into {@code kws.out} and prints what was done. */
    static int importInto(Path dataset, KwsOptions kws, PrintWriter out) throws IOException {
        printImport(dataset, progress -> DataImport.run(dataset, kws.out, kws.plan(), progress), out);
        return 0;
    }

    /** An import of a dataset into a folder, reporting to {@code progress}. */
    @FunctionalInterface
    interface ImportCall {
        ImportSummary run(Progress progress) throws IOException;
    }

    /** Runs {@code call} and prints what it did with {@code dataset}, the files it skipped first. */
    static void printImport(Path dataset, ImportCall call, PrintWriter out) throws IOException {
        ImportSummary summary;
        try {
            summary = call.run(new TerminalProgress());
        } catch (NothingToImportException e) {
            ImportText.printSkipped(e.skipped(), out);
            out.flush();
            throw e;
        }
        ImportText.print(dataset, summary, out);
    }

    /** {@code --validation-fold K/N}, checked before any file is read. */
    static Optional<ValidationFold> fold(String fold) {
        return fold == null ? Optional.empty() : Optional.of(ValidationFold.parse(fold));
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a dataset folder (Speech Commands layout or one folder per label). With --keywords,"
                    + " curate it for keyword spotting into --out.")
    static final class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DATASET_DIR")
        Path dataset;

        @Mixin
        KwsOptions kws;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            // Writing a project's data/: one writing command at a time in that project.
            return CommandLock.holding(ProjectLock.projectHolding(kws.out), spec, this::callLocked);
        }

        private int callLocked() throws IOException {
            return importInto(dataset, kws, spec.commandLine().getOut());
        }
    }

    @Command(name = "curate", mixinStandardHelpOptions = true,
            description = "Curate a keyword-spotting dataset: chosen keywords, _unknown_, _noise_, balanced classes,"
                    + " noise mixing, deterministic speaker-disjoint splits.")
    static final class Curate implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DATASET_DIR")
        Path dataset;

        @Mixin
        KwsOptions kws;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (kws.keywords == null || kws.keywords.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "curate needs --keywords, e.g. --keywords yes,no");
            }
            return CommandLock.holding(ProjectLock.projectHolding(kws.out), spec,
                    () -> importInto(dataset, kws, spec.commandLine().getOut()));
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Per-class and per-split counts, durations and sample rates of a curated or raw dataset.")
    static final class Stats implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR", defaultValue = "data",
                description = "A curated dataset (with manifest.json) or a dataset folder (default: ${DEFAULT-VALUE}).")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            DatasetDescription description = Datasets.describe(dir, new TerminalProgress());
            ImportText.printSkipped(description.skipped(), out);
            out.print(description.stats().toTable());
            out.flush();
            return 0;
        }
    }

    @Command(name = "spectrogram", mixinStandardHelpOptions = true,
            description = "Render a WAV file's spectrogram as a PNG image.")
    static final class Spectrogram implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE.wav")
        Path wav;

        @Option(names = "--out", paramLabel = "OUT.png", required = true)
        Path png;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Datasets.spectrogram(wav, png);
            spec.commandLine().getOut().println("Wrote " + png);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Generate a synthetic dataset (no download), Edge Impulse JSON in training/ and testing/"
                    + " (80/20). KIND: motion = 3-axis accelerometer gestures idle/wave/circle/updown, 2 s at 62.5 Hz;"
                    + " glove = x, y fingertip paths of circle/triangle/zigzag/check drawn in the air, 0.8-2 s at 50 Hz.")
    static final class Generate implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "KIND", description = "What to generate: motion or glove.")
        String kind;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "Dataset folder to write.")
        Path out;

        @Option(names = "--samples-per-class", paramLabel = "N", defaultValue = "60",
                description = "Samples per class (default: ${DEFAULT-VALUE}).")
        int samplesPerClass;

        @Option(names = "--seed", defaultValue = "1", description = "Seed; the same seed gives identical files (default: ${DEFAULT-VALUE}).")
        long seed;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (samplesPerClass < 2) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--samples-per-class must be at least 2 (one per split), got " + samplesPerClass);
            }
            SyntheticKind which;
            try {
                which = SyntheticKind.fromId(kind);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            DatasetText.printGenerated(kind, out, Datasets.generate(which, out, samplesPerClass, seed),
                    spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "streams", mixinStandardHelpOptions = true,
            description = "Build labelled test streams (WAV + streams.csv, the layout of espeak-kws's _streams_) from one"
                    + " split of a Speech Commands-layout dataset: isolated keywords and other words over background noise."
                    + " Tune 'test --stream' on validation-speaker streams and keep the real test streams for the end.")
    static final class Streams implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DATASET_DIR")
        Path dataset;

        @Option(names = "--keywords", split = ",", required = true, paramLabel = "WORD[,WORD...]",
                description = "Words a detector should fire on; the split's other words are distractors.")
        List<String> keywords;

        @Option(names = "--split", defaultValue = "validation",
                description = "Speakers to use: train, validation or test (default: ${DEFAULT-VALUE}).")
        String split;

        // 72 x 20 s: 1,440 s, where <= 10 false accepts per hour allows four; two minutes could only tell none from
        // one, and calibrating a threshold on them picks one no longer stream confirms.
        @Option(names = "--count", defaultValue = "72", description = "Number of streams (default: ${DEFAULT-VALUE},"
                + " 1,440 s of 20 s streams: enough audio for <= 10 false accepts per hour to allow a few).")
        int count;

        @Option(names = "--seconds", defaultValue = "20", description = "Length of each stream (default: ${DEFAULT-VALUE}).")
        double seconds;

        @Option(names = "--keyword-share", defaultValue = "0.7",
                description = "Share of inserted words that are keywords (default: ${DEFAULT-VALUE}).")
        double keywordShare;

        @Option(names = "--snr", defaultValue = "4,25", split = ",", paramLabel = "MIN,MAX",
                description = "Range of word-to-noise SNR in dB (default: 4,25).")
        List<Double> snr;

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--validation-fold", paramLabel = "K/N", description = "Take the splits as 'data import"
                + " --validation-fold K/N' makes them: validation is fold K of N of the training speakers, train the rest.")
        String validationFold;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the streams: a new"
                + " or empty folder, or one 'data streams' wrote before (it is replaced).")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (snr.size() != 2) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--snr takes MIN,MAX, got " + snr);
            }
            Split which;
            try {
                which = Split.fromId(split);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--split: " + e.getMessage());
            }
            StreamOptions options;
            try {
                options = new StreamOptions(keywords, which, count, seconds, keywordShare, snr.get(0), snr.get(1),
                        16000, seed);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            Optional<ValidationFold> fold;
            try {
                fold = fold(validationFold);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            DatasetText.printStreams(Datasets.writeStreams(dataset, options, fold, out, new TerminalProgress()),
                    spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "mine", mixinStandardHelpOptions = true,
            description = "Hard-negative mining for continuous keyword spotting: the project's int8 model listens to"
                    + " fresh streams of the training speakers, and the windows holding only other words that it"
                    + " answers with a keyword are added to the curated data as _unknown_. Then run 'features' and"
                    + " 'train' again: the retrained model makes fewer false accepts on a stream.")
    static final class Mine implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DATASET_DIR", description = "The dataset the project was curated from.")
        Path dataset;

        @Option(names = "--project", paramLabel = "DIR", defaultValue = ".",
                description = "Impulse project folder with a trained model (default: current directory).")
        Path project;

        @Option(names = "--stream-seconds", paramLabel = "S", defaultValue = "" + HardNegativeMining.DEFAULT_SECONDS,
                description = "Seconds of training-speaker streams to listen to (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--max-windows", paramLabel = "N", description = "Most windows to add, strongest false"
                + " accepts first (default: as many as the largest keyword class has training windows).")
        Integer maxWindows;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            return CommandLock.holding(ImpulseProject.find(project).map(ImpulseProject::dir), spec, this::callLocked);
        }

        private int callLocked() throws IOException {
            if (seconds <= 0 || (maxWindows != null && maxWindows <= 0)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--stream-seconds and --max-windows must be positive");
            }
            MiningSummary r = Project.open(project).mineHardNegatives(dataset, seconds, Optional.ofNullable(maxWindows),
                    new TerminalProgress());
            DatasetText.printMined(r, spec.commandLine().getOut());
            return 0;
        }
    }
}
