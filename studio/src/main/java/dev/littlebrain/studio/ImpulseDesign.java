package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.littlebrain.data.curate.Manifest;
import dev.littlebrain.data.curate.ManifestEntry;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.Project;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the impulse-design page starts from ({@code GET /api/impulse}): the impulse as impulse.yaml declares it,
 * with the learn block's settings by their schema names, the target board, and the samples the feature preview can
 * show.
 *
 * @param samples a few samples of each label (the preview needs one to look at, not the whole data set)
 */
public record ImpulseDesign(Input input, Dsp dsp, Learn learn, String target, List<String> boards,
        List<SampleRef> samples) {
    /** Samples per label offered to the preview. */
    static final int SAMPLES_PER_LABEL = 25;

    public record Input(String type, @JsonProperty("frequency_hz") double frequencyHz,
            @JsonProperty("window_ms") int windowMs, List<String> axes) {
    }

    public record Dsp(String block, Map<String, String> parameters) {
    }

    /** The preset and its settings under the names of the preset's parameter schema ({@code epochs}, ...). */
    public record Learn(String preset, Map<String, String> parameters) {
    }

    /** A sample by its path in data/ (what manifest.json lists), with its label and split. */
    public record SampleRef(String id, String label, String split) {
    }

    static ImpulseDesign of(Project project) throws IOException {
        ImpulseConfig c = project.impulse();
        ImpulseConfig.Learn l = c.learn();
        Map<String, String> learn = new LinkedHashMap<>();
        learn.put("epochs", Integer.toString(l.epochs()));
        learn.put("learning_rate", BigDecimal.valueOf(l.learningRate()).stripTrailingZeros().toPlainString());
        learn.put("batch_size", Integer.toString(l.batchSize()));
        learn.put("learning_rate_schedule", l.schedule().id());
        learn.put("seed", Long.toString(l.seed()));
        learn.put("patience", Integer.toString(l.patience()));
        learn.put("keep", l.keep().id());
        learn.put("class_weights", l.classWeights());
        learn.put("label_smoothing", BigDecimal.valueOf(l.labelSmoothing()).stripTrailingZeros().toPlainString());
        return new ImpulseDesign(new Input(c.input().type(), c.input().frequencyHz(), c.input().windowMs(),
                c.input().axes()), new Dsp(c.dsp().block(), new LinkedHashMap<>(c.dsp().parameters())),
                new Learn(l.preset(), learn), c.target(), c.allBoards().stream().map(b -> b.id()).toList(),
                samples(project));
    }

    private static List<SampleRef> samples(Project project) throws IOException {
        if (!Files.isRegularFile(project.layout().data().resolve(Manifest.FILE_NAME))) {
            return List.of();
        }
        Map<String, Integer> perLabel = new HashMap<>();
        List<SampleRef> out = new ArrayList<>();
        for (ManifestEntry e : Manifest.read(project.layout().data()).samples()) {
            if (perLabel.merge(e.label(), 1, Integer::sum) <= SAMPLES_PER_LABEL) {
                out.add(new SampleRef(e.path(), e.label(), e.split()));
            }
        }
        return out;
    }
}
