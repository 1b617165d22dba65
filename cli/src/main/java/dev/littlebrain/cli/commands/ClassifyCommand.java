package dev.littlebrain.cli.commands;

import dev.littlebrain.dsp.io.SensorSeries;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.impulse.Classifier;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.ProjectLayout;
import dev.littlebrain.impulse.SensorRecording;
import dev.littlebrain.impulse.audio.AudioFiles;
import dev.littlebrain.impulse.report.ClassificationText;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code littlebrain classify FILE.wav} classifies one window with the project's int8 model, DSP block, window and
 * {@code continuous:} settings (the current directory's, or {@code --project}'s); {@code --model M.tflite --labels
 * ...} runs any model instead. With {@code --stream} it runs continuous keyword spotting over the whole recording
 * and lists the detections with their times. A WAV at another rate is resampled to the project's as
 * {@code listen --replay} does ({@link AudioFiles#read(Path, int)}). In a sensor project FILE is a {@code .csv} or
 * Edge Impulse {@code .json} recording: every window of it is classified, one every continuous slice (or the
 * whole recording, for a block that takes any length, such as a glove's path).
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify a WAV file with the project's model (or --model with --labels): one window, or"
                + " --stream for continuous keyword spotting. In a sensor project: a .csv or Edge Impulse .json"
                + " recording, every window of it (one every window / continuous.slices), or a whole path.")
public final class ClassifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "A WAV file; in a sensor project a .csv or .json"
            + " recording.")
    java.nio.file.Path wav;

    @Option(names = "--project", paramLabel = "DIR", description = "Project whose model, labels, DSP block, window"
            + " and continuous settings to use (default: the current directory, unless --model is given).")
    java.nio.file.Path project;

    @Option(names = "--model", paramLabel = "MODEL.tflite",
            description = "Model to run (default: the project's " + ProjectLayout.INT8_MODEL + ").")
    java.nio.file.Path model;

    @Option(names = "--labels", split = ",", paramLabel = "LABEL[,LABEL...]",
            description = "Output labels in model order, e.g. yes,no,_unknown_,_noise_ (default: the project's).")
    List<String> labels;

    @Option(names = "--block", description = "DSP block without a project (default: mfcc).")
    String block;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "DSP block parameter without a project (Edge"
            + " Impulse names).")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--window-ms", description = "Window length without a project (default: 1000 ms).")
    Integer windowMs;

    @Option(names = "--stream", description = "Continuous classification over the whole file.")
    boolean stream;

    @Mixin
    ContinuousOptions continuous;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        // A model given without a project is described by the options; otherwise the project describes it all.
        ImpulseProject p = model != null && project == null ? null : ImpulseProject.find(project).orElseThrow(() ->
                new IllegalArgumentException("no " + ImpulseConfig.FILE_NAME + " in the current directory; pass"
                        + " --project DIR, or --model M.tflite --labels L1,L2,..."));
        if (p != null && !p.config().input().modality().isAudio()) {
            return classifySensor(p);
        }
        // The project's rate, converting a file at another one as listen --replay does; without a project, the file's.
        Signal signal = p == null ? AudioFiles.read(wav)
                : AudioFiles.read(wav, (int) Math.round(p.config().input().frequencyHz()));
        int rate = signal.sampleRate();
        Classifier classifier;
        ImpulseConfig.Continuous settings = ImpulseConfig.Continuous.DEFAULTS;
        if (p == null) {
            if (labels == null) {
                throw new ParameterException(spec.commandLine(), "--model needs --labels (or classify with --project)");
            }
            classifier = Classifier.ofAudio(block != null ? block : "mfcc", parameters, rate,
                    windowMs != null ? windowMs : 1000, model, labels);
        } else {
            if (block != null || !parameters.isEmpty() || windowMs != null) {
                throw new ParameterException(spec.commandLine(), "--block, --set and --window-ms describe a model"
                        + " without a project; " + p.layout().config() + " describes this one");
            }
            settings = p.config().continuous();
            classifier = projectClassifier(p);
        }
        labels = classifier.labels();
        PrintWriter out = spec.commandLine().getOut();
        if (stream) {
            float[] audio = signal.toInt16Values(); // Edge Impulse blocks take int16 sample values
            ContinuousConfig config = continuous.config(rate, classifier.windowSamples(), labels, settings);
            ClassificationText.printDetections(wav, audio.length / (double) rate,
                    classifier.continuous(config).accept(audio), json, out);
        } else {
            // The first window, zero-padded if short; scores as the device's float outputs.
            Classifier.Scores result = classifier.classify(signal);
            float[] scores = new float[labels.size()];
            for (int c = 0; c < scores.length; c++) {
                scores[c] = (float) result.scores()[c];
            }
            ClassificationText.printAnswer(wav, labels, scores, result.best(), json, out);
        }
        out.flush();
        return 0;
    }

    /** The project's impulse with its int8 model and trained labels, or the --model and --labels given. */
    private Classifier projectClassifier(ImpulseProject p) throws IOException {
        if (model == null) {
            Path int8 = p.layout().int8Model();
            if (!Files.isRegularFile(int8)) {
                throw new IllegalArgumentException(int8 + " is missing; run 'littlebrain train' first");
            }
        }
        return Classifier.of(p, model != null ? model : p.layout().int8Model(),
                labels != null ? labels : p.trainedLabels());
    }

    /**
     * A sensor recording: each window (input.window_ms) from the start, one every continuous slice, cut as the
     * training windows are; a recording no longer than a window is one window, zero-padded as in training. A block
     * that takes any length (a path) classifies the whole recording at once.
     */
    private int classifySensor(ImpulseProject p) throws IOException {
        if (block != null || !parameters.isEmpty() || windowMs != null || stream) {
            throw new ParameterException(spec.commandLine(), "--block, --set, --window-ms and --stream are for audio;"
                    + " " + p.layout().config() + " describes this sensor impulse");
        }
        ImpulseConfig.Input input = p.config().input();
        SensorSeries series = SensorRecording.read(wav, input);
        Classifier classifier = projectClassifier(p);
        labels = classifier.labels();
        int frames = series.frames();
        int stride = continuous.config(Math.max(1, (int) Math.round(input.frequencyHz())), p.windowSamples(), labels,
                p.config().continuous()).sliceSamples();
        List<SensorRecording.Window> windows = new ArrayList<>();
        SensorRecording.classify(classifier, input, series, stride, windows::add);
        long windowMs = classifier.block().acceptsAnyLength() ? Math.round(frames * 1000.0 / input.frequencyHz())
                : input.windowMs();
        PrintWriter out = spec.commandLine().getOut();
        ClassificationText.printWindows(wav, windowMs, frames / input.frequencyHz(), windows, labels, json, out);
        out.flush();
        return 0;
    }
}
