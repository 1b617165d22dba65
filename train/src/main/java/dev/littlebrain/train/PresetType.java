package dev.littlebrain.train;

import dev.littlebrain.dsp.blocks.BlockType;
import dev.littlebrain.dsp.blocks.InputKind;
import dev.littlebrain.dsp.blocks.ParameterSpec;
import java.util.List;
import java.util.Set;

/**
 * A learn preset as a tool offers it: its name in an impulse file ({@code learn.preset}), a title, the features it is
 * meant for and its parameters: the learn block's training settings with this preset's defaults. {@link Presets}
 * holds one per preset with its architecture.
 */
public record PresetType(String name, String title, Set<InputKind> accepts, List<ParameterSpec> parameters)
        implements BlockType {

    public PresetType {
        // In declaration order, so listings and JSON come out the same every run.
        accepts = java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(accepts));
        parameters = List.copyOf(parameters);
    }
}
