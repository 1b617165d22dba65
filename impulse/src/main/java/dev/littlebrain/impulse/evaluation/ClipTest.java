package dev.littlebrain.impulse.evaluation;

import dev.littlebrain.data.Split;
import dev.littlebrain.impulse.ImpulseProject;
import dev.littlebrain.impulse.Int8ModelCheck;
import dev.littlebrain.impulse.Progress;
import dev.littlebrain.runtime.Interpreter;
import dev.littlebrain.tflite.TfliteReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code test}'s work: the project's float and int8 models, in the bit-exact runtime, on its test split. */
public final class ClipTest {
    /** Under this top score an answer counts as uncertain, unless the caller says otherwise. */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.6;

    private ClipTest() {
    }

    /** The project's trained models, which must both exist. */
    public static List<Path> models(ImpulseProject p) {
        List<Path> models = List.of(p.layout().floatModel(), p.layout().int8Model());
        for (Path f : models) {
            if (!Files.isRegularFile(f)) {
                throw new IllegalArgumentException(f + " is missing; run 'littlebrain train' first");
            }
        }
        return models;
    }

    /**
     * The project's trained models, which must both exist, the int8 one holding int8 tensors: its column, matrix and
     * report say "int8", so a float model saved under that name is refused before anything runs.
     */
    public static void requireTrained(ImpulseProject p) throws IOException {
        Path int8 = models(p).get(1);
        Int8ModelCheck.require(int8, TfliteReader.read(int8));
    }

    /**
     * Tests both models on the test split, features computed where the cache lacks them.
     *
     * @param minConfidence a top score under it counts as uncertain (0 to 1)
     * @throws IllegalArgumentException when the models were trained on other labels or there is no test split
     */
    public static ClipReport run(ImpulseProject p, double minConfidence, Progress progress) throws IOException {
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("the minimum confidence must be between 0 and 1, got " + minConfidence);
        }
        List<Path> models = models(p);
        progress.stage("features");
        ImpulseProject.Features features = p.features(progress.listener());
        List<String> labels = features.labels();
        Optional<List<String>> trained = p.modelLabels();
        if (trained.isPresent() && !trained.get().equals(labels)) {
            throw new IllegalArgumentException("the models were trained on labels " + trained.get()
                    + " but the project now has " + labels + "; run 'littlebrain train' again");
        }
        ImpulseProject.Split test = features.split(Split.TEST);
        if (test.size() == 0) {
            throw new IllegalArgumentException("no test-split samples in " + p.data());
        }
        // No stage of its own: the two runs take a fraction of the features' time, and the command drew no bar for
        // them; a caller can still stop between them.
        progress.checkCancelled();
        ClipEvaluation fl = ClipEvaluation.run(new Interpreter(TfliteReader.read(models.get(0))), test, labels.size(),
                minConfidence);
        progress.checkCancelled();
        ClipEvaluation q = ClipEvaluation.run(new Interpreter(TfliteReader.read(models.get(1))), test, labels.size(),
                minConfidence);
        return new ClipReport(fl, q, labels, test.size(), p.dir());
    }
}
