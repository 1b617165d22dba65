package dev.littlebrain.impulse;

import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.SignalSpec;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.streaming.StreamingFeatures;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.TensorView;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.runtime.stream.StreamingClassifier;
import dev.littlebrain.tflite.TfliteReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The project's impulse as one call: a window of signal in, a score per trained label out, through the impulse's
 * DSP block and its int8 model in the bit-exact runtime (the features quantized as the device quantizes them).
 * One window at a time: a classifier holds one interpreter.
 */
public final class Classifier {
    private final ImpulseProject.BlockExtractor extractor;
    private final Interpreter interpreter;
    private final List<String> labels;

    private Classifier(ImpulseProject.BlockExtractor extractor, Interpreter interpreter, List<String> labels) {
        this.extractor = extractor;
        this.interpreter = interpreter;
        this.labels = List.copyOf(labels);
    }

    /** The classifier of {@code p}'s trained int8 model. */
    public static Classifier of(ImpulseProject p) throws IOException {
        Path model = p.layout().int8Model();
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException(model + " is missing; run 'littlebrain train' first");
        }
        return of(p, model, p.trainedLabels());
    }

    /** {@code p}'s impulse (DSP block, window) with another model whose outputs are {@code labels}. */
    public static Classifier of(ImpulseProject p, Path model, List<String> labels) throws IOException {
        return of(p.block(), p.windowSamples(), p.config().input().modality().isAudio(), model, labels);
    }

    /**
     * A classifier without a project: {@code block}'s features of windows of {@code windowSamples} frames (audio
     * as int16 values, sensor axes as recorded) into {@code model}, whose outputs are {@code labels}.
     *
     * @throws IllegalArgumentException when the model's outputs and the labels differ in number
     */
    public static Classifier of(DspBlock block, int windowSamples, boolean audio, Path model, List<String> labels)
            throws IOException {
        Interpreter interpreter = new Interpreter(TfliteReader.read(model));
        long outputs = interpreter.output(0).elementCount();
        if (outputs != labels.size()) {
            throw new IllegalArgumentException(model + " has " + outputs + " outputs but " + labels.size()
                    + " labels " + labels + "; run 'littlebrain train' again");
        }
        return new Classifier(new ImpulseProject.BlockExtractor(block, windowSamples, audio), interpreter, labels);
    }

    /**
     * An audio classifier without a project: the DSP block named {@code block} (a registry name, in any case, with
     * {@code _} for {@code -}) with {@code parameters} (Edge Impulse names) over windows of {@code windowMs} at
     * {@code sampleRate}, into {@code model}, whose outputs are {@code labels}.
     */
    public static Classifier ofAudio(String block, Map<String, String> parameters, int sampleRate, int windowMs,
            Path model, List<String> labels) throws IOException {
        DspBlock dsp = DspBlocks.create(block.toLowerCase(Locale.ROOT).replace('_', '-'), SignalSpec.audio(sampleRate),
                parameters);
        return of(dsp, SignalSpec.windowSamples(sampleRate, windowMs), true, model, labels);
    }

    /** The DSP block the features are made with. */
    public DspBlock block() {
        return extractor.block();
    }

    /** Frames per axis in one window. */
    public int windowSamples() {
        return extractor.windowSamples();
    }

    /**
     * Continuous classification of audio with this classifier's block and model, as the device runs it: features
     * slice by slice, scores averaged, detections above the threshold. It runs on this classifier's interpreter:
     * use one or the other at a time.
     */
    public StreamingClassifier continuous(ContinuousConfig config) {
        StreamingFeatures features = StreamingFeatures.create(extractor.block(), extractor.windowSamples());
        return new StreamingClassifier(interpreter, features::push, config);
    }

    /** The labels of the scores, in order. */
    public List<String> labels() {
        return labels;
    }

    /**
     * Scores one window: audio at the impulse's rate (cut or zero-padded to the window), sensor samples with the
     * impulse's axes.
     */
    public synchronized Scores classify(Signal window) {
        float[] features = extractor.extract(window);
        TensorView in = interpreter.input(0);
        if (features.length != in.elementCount()) {
            throw new IllegalArgumentException("the impulse makes " + features.length + " features, the model takes "
                    + in.elementCount() + "; run 'littlebrain train' again");
        }
        for (int i = 0; i < features.length; i++) {
            in.setReal(i, features[i]);
        }
        interpreter.invoke();
        TensorView out = interpreter.output(0);
        double[] scores = new double[labels.size()];
        for (int c = 0; c < scores.length; c++) {
            scores[c] = out.real(c);
        }
        return new Scores(labels, scores);
    }

    /** A window's score per label, in label order. */
    public record Scores(List<String> labels, double[] scores) {
        public Scores {
            scores = scores.clone();
        }

        /** The index of the highest score (the first of equals, as arg-max). */
        public int best() {
            int best = 0;
            for (int c = 1; c < scores.length; c++) {
                if (scores[c] > scores[best]) {
                    best = c;
                }
            }
            return best;
        }

        public String top() {
            return labels.get(best());
        }
    }
}
