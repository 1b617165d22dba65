package dev.littlebrain.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.SignalSpec;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.dsp.io.WavReader;
import dev.littlebrain.dsp.streaming.StreamingFeatures;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.runtime.stream.Detection;
import dev.littlebrain.runtime.stream.StreamingClassifier;
import dev.littlebrain.tflite.TfliteReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code littlebrain classify FILE.wav --model M.tflite --labels ...} classifies one window;
 * with {@code --stream} it runs continuous keyword spotting over the whole recording and lists the
 * detections with their times.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify a WAV file with a model: one window, or --stream for continuous keyword spotting.")
public final class ClassifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.wav")
    java.nio.file.Path wav;

    @Option(names = "--model", required = true, paramLabel = "MODEL.tflite")
    java.nio.file.Path model;

    @Option(names = "--labels", required = true, split = ",", paramLabel = "LABEL[,LABEL...]",
            description = "Output labels in model order, e.g. yes,no,_unknown_,_noise_.")
    List<String> labels;

    @Option(names = "--block", defaultValue = "mfcc", description = "DSP block (default: ${DEFAULT-VALUE}).")
    String block;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "DSP block parameter (Edge Impulse names).")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--window-ms", defaultValue = "1000", description = "Window length (default: ${DEFAULT-VALUE} ms).")
    int windowMs;

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
        Signal signal = WavReader.read(wav).signal().toMono();
        int rate = signal.sampleRate();
        int windowSamples = (int) ((long) rate * windowMs / 1000);
        DspBlock dsp = DspBlocks.create(block.toLowerCase(Locale.ROOT).replace('_', '-'), SignalSpec.audio(rate),
                parameters);
        Interpreter interpreter = new Interpreter(TfliteReader.read(model));
        float[] audio = signal.toInt16Values(); // Edge Impulse blocks take int16 sample values
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        if (stream) {
            ContinuousConfig config = continuous.config(rate, windowSamples, labels);
            StreamingFeatures features = StreamingFeatures.create(dsp, windowSamples);
            List<Detection> detections = new StreamingClassifier(interpreter, features::push, config).accept(audio);
            if (json) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (Detection d : detections) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("label", d.label());
                    m.put("time_ms", d.timeMs());
                    m.put("score", d.score());
                    list.add(m);
                }
                out.println(mapper.writeValueAsString(list));
            } else {
                out.printf("%d detection(s) in %s (%.1f s):%n", detections.size(), wav, audio.length / (double) rate);
                for (Detection d : detections) {
                    out.printf(Locale.ROOT, "  %8.2f s  %-12s %.3f%n", d.timeMs() / 1000.0, d.label(), d.score());
                }
            }
        } else {
            float[] window = java.util.Arrays.copyOf(audio, windowSamples); // first window, zero-padded if short
            ContinuousConfig single = new ContinuousConfig(rate, windowSamples, 1, 1f, 0, labels, Set.of());
            StreamingClassifier classifier = new StreamingClassifier(interpreter,
                    slice -> java.util.Optional.of(dsp.process(slice)), single);
            classifier.accept(window);
            float[] scores = classifier.averagedScores();
            int best = 0;
            for (int c = 1; c < scores.length; c++) {
                best = scores[c] > scores[best] ? c : best;
            }
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("label", labels.get(best));
                Map<String, Float> s = new LinkedHashMap<>();
                for (int c = 0; c < scores.length; c++) {
                    s.put(labels.get(c), scores[c]);
                }
                m.put("scores", s);
                out.println(mapper.writeValueAsString(m));
            } else {
                out.println(wav + ": " + labels.get(best));
                for (int c = 0; c < scores.length; c++) {
                    out.printf(Locale.ROOT, "  %-12s %.4f%n", labels.get(c), scores[c]);
                }
            }
        }
        out.flush();
        return 0;
    }
}
