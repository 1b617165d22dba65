package dev.littlebrain.impulse.data;

import dev.littlebrain.data.ImportResult;
import dev.littlebrain.data.Split;
import dev.littlebrain.data.curate.HardNegativeMiner;
import dev.littlebrain.data.curate.KwsCurationOptions;
import dev.littlebrain.data.curate.Manifest;
import dev.littlebrain.data.curate.ManifestEntry;
import dev.littlebrain.dsp.io.Signal;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.runtime.stream.WindowScores;
import dev.littlebrain.tflite.Model;
import dev.littlebrain.tflite.TfliteReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code data mine}'s work: the project's int8 model listens to fresh streams of the training speakers, and the
 * windows holding only other words that it answers with a keyword join the curated data as {@code _unknown_}.
 */
public final class HardNegativeMining {
    /** Seconds of streams listened to unless told otherwise. */
    public static final int DEFAULT_SECONDS = 6000;

    private HardNegativeMining() {
    }

    /**
     * Mines {@code seconds} of streams made from {@code dataset} (the dataset the project was curated from).
     * Progress stages: "import", then "mine".
     *
     * @param maxWindows the most windows to add; empty: as many as the largest keyword class has training windows
     */
    public static MiningSummary run(ImpulseProject p, Path dataset, int seconds, Optional<Integer> maxWindows,
            Progress progress) throws IOException {
        Path int8 = p.layout().int8Model();
        if (!Files.isRegularFile(int8)) {
            throw new IllegalArgumentException(int8 + " is missing; run 'littlebrain train' first");
        }
        List<String> labels = p.trainedLabels();
        Manifest manifest = Manifest.read(p.data());
        if (p.windowSamples() != manifest.windowSamples()) {
            throw new IllegalArgumentException("impulse.yaml's window is " + p.windowSamples() + " samples, the"
                    + " curated windows in " + p.data() + " are " + manifest.windowSamples());
        }
        int cap = maxWindows.orElseGet(() -> largestKeywordClass(manifest, labels));
        Model model = TfliteReader.read(int8);
        int rate = manifest.sampleRate();
        ImportResult imported = Datasets.read(dataset, progress);
        progress.stage("mine");
        HardNegativeMiner.Result r = HardNegativeMiner.mine(imported.dataset(), p.data(), labels, seconds, cap,
                () -> scorer(p, model, rate), progress.listener());
        return new MiningSummary(r.seconds(), r.candidates(), r.firedAs(), r.added().size(), cap, p.data(),
                imported.skipped());
    }

    /** One worker's scorer: the impulse's DSP block and an interpreter of its own over the shared model. */
    private static HardNegativeMiner.WindowScorer scorer(ImpulseProject p, Model model, int rate) {
        ImpulseProject.BlockExtractor extractor = new ImpulseProject.BlockExtractor(p.block(), p.windowSamples(),
                true);
        Interpreter interpreter = new Interpreter(model);
        return window -> {
            float[] features = extractor.extract(Signal.mono(rate, window));
            return WindowScores.of(interpreter, features); // quantized as the device does
        };
    }

    /** Training windows of the most frequent keyword: mined negatives never outnumber a keyword class. */
    private static int largestKeywordClass(Manifest manifest, List<String> labels) {
        Map<String, Integer> counts = new HashMap<>();
        for (ManifestEntry e : manifest.samples()) {
            if (Split.TRAIN.id().equals(e.split())) {
                counts.merge(e.label(), 1, Integer::sum);
            }
        }
        int most = 0;
        for (String l : labels) {
            if (!l.equals(KwsCurationOptions.UNKNOWN) && !l.equals(KwsCurationOptions.NOISE)) {
                most = Math.max(most, counts.getOrDefault(l, 0));
            }
        }
        return Math.max(1, most);
    }
}
