package dev.littlebrain.dsp.blocks;

import java.util.List;
import java.util.Set;

/**
 * A DSP block as a tool offers it: its name in an impulse file, a title, the inputs it is meant for and its
 * parameters (the very specs its config parses with). {@link DspBlocks} holds one per block with its factory.
 */
public record DspBlockType(String name, String title, Set<InputKind> accepts, List<ParameterSpec> parameters)
        implements BlockType {

    public DspBlockType {
        // In declaration order, so listings and JSON come out the same every run.
        accepts = java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(accepts));
        parameters = List.copyOf(parameters);
    }
}
