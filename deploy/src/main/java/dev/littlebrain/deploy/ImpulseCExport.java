package dev.littlebrain.deploy;

import dev.littlebrain.deploy.dsp.DspCGenerator;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.runtime.stream.ContinuousConfig;
import dev.littlebrain.tflite.Model;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole impulse as plain C99: the int8 model ({@link StandaloneCGenerator}), the DSP block
 * ({@link DspCGenerator}) and the classifier wrapper ({@link ClassifierCGenerator}). Everything is
 * generated (and so validated) before the first file is written, and every file is written atomically,
 * so a refused export leaves the output folder as it was.
 */
public final class ImpulseCExport {
    private ImpulseCExport() {
    }

    /**
     * @param model         the int8 model, its input the block's features for one window
     * @param modelSource   the model's name for the banners (e.g. the project's int8 model path)
     * @param block         the impulse's DSP block (mfcc, mfe, spectrogram; spectral-analysis, raw, trajectory)
     * @param windowSamples samples per window (per axis for a sensor block)
     * @param config        labels and continuous-classification settings (for a sensor block its slice counts
     *                      samples per axis; the block's own sampling frequency times the stream)
     * @param settingsSource where block and settings came from (e.g. {@code my-kws/impulse.yaml})
     */
    public static Map<String, String> generate(Model model, String modelSource, DspBlock block, int windowSamples,
                                               ContinuousConfig config, String settingsSource) {
        Map<String, String> files = new LinkedHashMap<>(StandaloneCGenerator.generate(model, modelSource, config.labels()));
        files.putAll(frontEnd(model, modelSource, block, windowSamples, config, settingsSource));
        return files;
    }

    /**
     * The DSP block and the classifier wrapper alone ({@code lb_dsp.*}, {@code lb_classifier.*}): they call the
     * model only through {@code lb_model.h}'s {@code lb_invoke}, so they sit as well on the standalone C as on
     * the TensorFlow Lite Micro library ({@link TflmLibraryExport}).
     */
    public static Map<String, String> frontEnd(Model model, String modelSource, DspBlock block, int windowSamples,
                                               ContinuousConfig config, String settingsSource) {
        Map<String, String> files = new LinkedHashMap<>(
                DspCGenerator.generate(block, windowSamples, config.sliceSamples(), settingsSource));
        int features = block.outputShape(windowSamples).size();
        files.putAll(ClassifierCGenerator.generate(model, features, config, SignalLayout.of(block),
                settingsSource + " and " + modelSource));
        return files;
    }

    /** Generates and writes the files into {@code outDir}; returns their paths. */
    public static List<Path> write(Model model, String modelSource, DspBlock block, int windowSamples,
                                   ContinuousConfig config, String settingsSource, Path outDir) throws IOException {
        Map<String, String> files = generate(model, modelSource, block, windowSamples, config, settingsSource);
        CSource.requireDirectory(outDir);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = outDir.resolve(f.getKey());
            CSource.write(p, f.getValue());
            written.add(p);
        }
        return written;
    }
}
