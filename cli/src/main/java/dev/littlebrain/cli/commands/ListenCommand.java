package dev.littlebrain.cli.commands;

import dev.littlebrain.cli.audio.AudioSource;
import dev.littlebrain.cli.audio.LiveView;
import dev.littlebrain.cli.audio.MicrophoneSource;
import dev.littlebrain.cli.audio.WavReplaySource;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.dsp.streaming.StreamingFeatures;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.runtime.stream.Detection;
import dev.littlebrain.runtime.stream.StreamingClassifier;
import dev.littlebrain.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
                + " scores on a terminal, detections with their times. --replay plays a WAV file instead.")
public final class ListenCommand implements Callable<Integer> {

    @Option(names = "--project", paramLabel = "DIR", description = "Project folder (default: the current directory).")
    Path project;

    @Option(names = "--model", paramLabel = "MODEL.tflite",
            description = "Model to run (default: the project's " + ProjectLayout.INT8_MODEL + ").")
    Path model;

    @Option(names = "--device", paramLabel = "NAME", description = "Capture device whose name contains NAME"
            + " (default: the system's default microphone).")
    String device;

    @Option(names = "--replay", paramLabel = "FILE.wav", description = "Play a recording through the live pipeline"
            + " instead of the microphone (resampled to the project's rate if needed).")
    Path replay;

    @Option(names = "--real-time", description = "With --replay: deliver the audio at real-time pace.")
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
        if (!"audio".equals(p.config().input().type())) {
            throw new IllegalArgumentException("listen needs an audio impulse; this project's input is "
                    + p.config().input().type());
        }
        Path modelFile = model != null ? model : p.layout().int8Model();
        if (!Files.isRegularFile(modelFile)) {
            throw new IllegalArgumentException(modelFile + " is missing; run 'littlebrain train' first");
        }
        int rate = (int) Math.round(p.config().input().frequencyHz());
        int windowSamples = p.windowSamples();
        List<String> labels = p.trainedLabels();
        ContinuousConfig config = continuous.config(rate, windowSamples, labels, p.config().continuous());
        LiveView view = new LiveView(spec.commandLine().getOut(), labels, LiveView.stdoutIsTerminal(), json);
        StreamingClassifier classifier = new StreamingClassifier(new Interpreter(TfliteReader.read(modelFile)),
                StreamingFeatures.create(p.block(), windowSamples)::push, config).onScores(view::scores);
        try (AudioSource source = replay != null ? WavReplaySource.open(replay, rate, realTime)
                : MicrophoneSource.open(rate, device)) {
            spec.commandLine().getErr().println("listening to " + source.description() + ", a model run every "
                    + config.sliceMs() + " ms, threshold " + config.threshold()
                    + (replay == null && seconds <= 0 ? "; Ctrl-C to stop" : ""));
            spec.commandLine().getErr().flush();
            run(source, classifier, view, seconds > 0 ? (long) (seconds * rate) : Long.MAX_VALUE,
                    config.sliceSamples());
        } finally {
            view.finish();
        }
        return 0;
    }

    /** Feeds the source to the classifier slice by slice until it ends or {@code maxSamples} have gone in. */
    private static void run(AudioSource source, StreamingClassifier classifier, LiveView view, long maxSamples,
            int sliceSamples) throws java.io.IOException {
        float[] buffer = new float[sliceSamples];
        long total = 0;
        while (total < maxSamples) {
            int n = source.read(buffer);
            if (n < 0) {
                break;
            }
            int take = (int) Math.min(n, maxSamples - total);
            total += take;
            for (Detection d : classifier.accept(Arrays.copyOf(buffer, take))) {
                view.detection(d);
            }
        }
    }
}
