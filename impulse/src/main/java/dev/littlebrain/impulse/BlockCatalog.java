package dev.littlebrain.impulse;

import dev.littlebrain.dsp.blocks.DspBlockType;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.train.PresetType;
import dev.littlebrain.train.Presets;
import java.util.List;

/**
 * Every block an impulse can be designed from, with its parameter schema: the DSP blocks ({@code dsp.block}) and the
 * learn presets ({@code learn.preset}). What {@code littlebrain blocks --json} prints, and what a studio renders its
 * impulse-design forms from.
 *
 * @param dsp   the DSP blocks, in the registry's order
 * @param learn the learn presets, in the registry's order
 */
public record BlockCatalog(List<DspBlockType> dsp, List<PresetType> learn) {

    public BlockCatalog {
        dsp = List.copyOf(dsp);
        learn = List.copyOf(learn);
    }

    /** The blocks this build knows. */
    public static BlockCatalog all() {
        return new BlockCatalog(DspBlocks.types(), Presets.types());
    }
}
