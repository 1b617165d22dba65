package dev.littlebrain.dsp.blocks;

import java.util.List;
import java.util.Set;

/**
 * What a tool needs to offer a block in an impulse design (a DSP block, a learn preset): its name in an impulse
 * file, a title, the inputs it takes and its parameters, from which a form can be rendered.
 */
public interface BlockType {

    /** The name an impulse file uses. */
    String name();

    /** A short human title. */
    String title();

    /** The inputs the block takes. */
    Set<InputKind> accepts();

    /** Every parameter the block accepts, in the order a form lists them. */
    List<ParameterSpec> parameters();
}
