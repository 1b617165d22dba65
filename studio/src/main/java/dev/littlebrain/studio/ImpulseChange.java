package dev.littlebrain.studio;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.littlebrain.impulse.ImpulseConfig;
import dev.littlebrain.impulse.ImpulseYaml;
import dev.littlebrain.dsp.blocks.ParameterSpec;
import dev.littlebrain.train.Presets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A change of the impulse from the design page ({@code PUT /api/impulse}): the input's window and frequency, the
 * DSP block and its parameters, the learn preset and its settings; an absent part stays as it is. Applied to
 * impulse.yaml's text setting by setting ({@link ImpulseYaml}), so the user's comments and every other key stay.
 */
public record ImpulseChange(Optional<Input> input, Optional<Dsp> dsp, Optional<Learn> learn) {

    public record Input(@JsonProperty("frequency_hz") Optional<Double> frequencyHz,
            @JsonProperty("window_ms") Optional<Integer> windowMs) {
    }

    /** The block and its parameters by name; parameters left out take the block's defaults. */
    public record Dsp(String block, Map<String, String> parameters) {
    }

    /** The preset and its settings by the names of its schema ({@code epochs}, {@code learning_rate}, ...). */
    public record Learn(String preset, Map<String, String> parameters) {
    }

    /** {@code yaml} with this change made, validated: an {@link ImpulseConfig.ImpulseConfigException} names the key. */
    String applyTo(String yaml) {
        String out = yaml;
        if (input.isPresent()) {
            if (input.get().frequencyHz().isPresent()) {
                double hz = input.get().frequencyHz().get();
                out = ImpulseYaml.withSetting(out, "input", "frequency_hz",
                        hz == Math.rint(hz) ? Long.toString((long) hz) : Double.toString(hz));
            }
            if (input.get().windowMs().isPresent()) {
                out = ImpulseYaml.withSetting(out, "input", "window_ms", input.get().windowMs().get().toString());
            }
        }
        if (dsp.isPresent()) {
            out = ImpulseYaml.withSetting(out, "dsp", "block", ImpulseYaml.scalar(required(dsp.get().block(), "dsp.block")));
            out = ImpulseYaml.withSetting(out, "dsp", "parameters",
                    ImpulseYaml.flowMap(dsp.get().parameters() == null ? Map.of() : dsp.get().parameters()));
        }
        if (learn.isPresent()) {
            out = ImpulseYaml.withSetting(out, "learn", "preset",
                    ImpulseYaml.scalar(required(learn.get().preset(), "learn.preset")));
            if (learn.get().parameters() != null) {
                List<String> known = Presets.type(learn.get().preset()).map(t -> t.parameters().stream()
                        .map(ParameterSpec::name).toList()).orElse(List.of());
                for (Map.Entry<String, String> e : learn.get().parameters().entrySet()) {
                    if (!known.contains(e.getKey())) {
                        throw new ImpulseConfig.ImpulseConfigException("learn." + e.getKey()
                                + ": not a setting of the preset '" + learn.get().preset() + "'; its settings are "
                                + known);
                    }
                    out = ImpulseYaml.withSetting(out, "learn", e.getKey(), ImpulseYaml.scalar(e.getValue()));
                }
            }
        }
        ImpulseConfig.parse(out);
        return out;
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new ImpulseConfig.ImpulseConfigException(key + ": missing or empty");
        }
        return value;
    }
}
