package dev.littlebrain.cli.commands;

import dev.littlebrain.cli.audio.LiveView;
import dev.littlebrain.cli.audio.MicrophoneSource;
import dev.littlebrain.dsp.io.SensorSeries;
import dev.littlebrain.impulse.Classifier;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.impulse.SensorRecording;
import dev.littlebrain.impulse.audio.AudioSource;
import dev.littlebrain.impulse.audio.Spotting;
import dev.littlebrain.impulse.audio.WavReplaySource;
import dev.littlebrain.impulse.report.ClassificationText;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.runtime.stream.StreamingClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code littlebrain listen}: live keyword spotting from the microphone with the project's int8 model
 * in the bit-exact runtime — the same {@link StreamingClassifier} that {@code classify --stream} and
 * {@code test --stream} use, fed as audio arrives.
 */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = "Live keyword spotting from the microphone (Java Sound) with the project's int8 model: live"
                + " scores on a terminal, detections with their times. --replay plays a WAV file instead; in a"
                + " sensor project it plays a .csv or Edge Impulse .json recording, one classification per"
                + " continuous slice.")
public final class ListenCommand implements Callable<Integer> {

    @Option(names = "--project", paramLabel = "DIR", description = "Project folder (default: the current directory).")
    Path project;

    @Option(names = "--model", paramLabel = "MODEL.tflite",
            description = "Model to run (default: the project's " + ProjectLayout.INT8_MODEL + ").")
    Path model;

    @Option(names = "--device", paramLabel = "NAME", description = "Capture device whose name contains NAME"
            + " (default: the system's default microphone).")
    String device;

    @Option(names = "--replay", paramLabel = "FILE", description = "Play a recording through the live pipeline"
            + " instead of the microphone: a WAV (resampled to the project's rate if needed), or in a sensor project"
            + " a .csv or Edge Impulse .json recording.")
    Path replay;

    @Option(names = "--real-time", description = "With --replay: deliver the recording at real-time pace (its own"
            + " rate).")
    boolean realTime;

    @Option(names = "--seconds", defaultValue = "0", description = "Stop after this many seconds of audio"
            + " (default: until the end of a replay, or Ctrl-C).")
    double seconds;

    @Option(names = "--json", description = "One JSON object per detection: {\"label\", \"time_ms\", \"score\"}.")
    boolean json;

    @Mixin
    ContinuousOptions continuous;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ImpulseProject p = ImpulseProject.require(project);
        Path modelFile = model != null ? model : p.layout().int8Model();
        if (!p.config().input().modality().isAudio()) {
            return replaySensor(p, modelFile);
        }
        if (!Files.isRegularFile(modelFile)) {
            throw new IllegalArgumentException(modelFile + " is missing; run 'littlebrain train' first");
        }
        int rate = (int) Math.round(p.config().input().frequencyHz());
        int windowSamples = p.windowSamples();
        List<String> labels = p.trainedLabels();
        ContinuousConfig config = continuous.config(rate, windowSamples, labels, p.config().continuous());
        LiveView view = new LiveView(spec.commandLine().getOut(), labels, LiveView.stdoutIsTerminal(), json);
        StreamingClassifier classifier = Classifier.of(p, modelFile, labels).continuous(config).onScores(view::scores);
        try (AudioSource source = replay != null ? WavReplaySource.open(replay, rate, realTime)
                : MicrophoneSource.open(rate, device)) {
            spec.commandLine().getErr().println("listening to " + source.description() + ", a model run every "
                    + config.sliceMs() + " ms, threshold " + config.threshold()
                    + (replay == null && seconds <= 0 ? "; Ctrl-C to stop" : ""));
            spec.commandLine().getErr().flush();
            Spotting.run(source, classifier, config.sliceSamples(), seconds > 0 ? (long) (seconds * rate)
                    : Long.MAX_VALUE, view::detection);
        } finally {
            view.finish();
        }
        return 0;
    }

    /**
     * A sensor recording played as the device would see it: every window from the start, one per continuous slice
     * ({@link SensorRecording}, as {@code classify} does), each printed when its last sample has arrived; with
     * {@code --real-time} at the recording's own pace.
     */
    private int replaySensor(ImpulseProject p, Path modelFile) throws Exception {
        ImpulseConfig.Input input = p.config().input();
        if (replay == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "listen has no live "
                    + input.type() + " input: give --replay FILE.csv or FILE.json (a recording of " + input.axes() + ")");
        }
        if (device != null || continuous.average != null || continuous.threshold != null
                || continuous.suppressionMs != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--device, --average, --threshold"
                    + " and --suppression-ms are for audio keyword spotting; this project's input is " + input.type()
                    + " (a replay prints every window's top label)");
        }
        SensorSeries series = SensorRecording.read(replay, input);
        if (!Files.isRegularFile(modelFile)) {
            throw new IllegalArgumentException(modelFile + " is missing; run 'littlebrain train' first");
        }
        List<String> labels = p.trainedLabels();
        int rate = Math.max(1, (int) Math.round(input.frequencyHz()));
        ContinuousConfig config = continuous.config(rate, p.windowSamples(), labels, p.config().continuous());
        long endMs = seconds > 0 ? Math.round(seconds * 1000) : Long.MAX_VALUE;
        java.io.PrintWriter out = spec.commandLine().getOut();
        spec.commandLine().getErr().println("replaying " + replay + " (" + series.frames() + " samples at "
                + input.frequencyHz() + " Hz), a window every " + Math.round(config.sliceSamples() * 1000
                / input.frequencyHz()) + " ms");
        spec.commandLine().getErr().flush();
        SensorRecording.replay(Classifier.of(p, modelFile, labels), input, series, config.sliceSamples(), endMs,
                realTime, w -> {
            ClassificationText.printWindow(w, labels, json, out);
            out.flush();
        });
        return 0;
    }
}
