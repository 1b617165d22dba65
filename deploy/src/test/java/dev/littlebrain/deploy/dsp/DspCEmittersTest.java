package dev.littlebrain.deploy.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.deploy.profile.DspLatencyModel;
import dev.littlebrain.dsp.blocks.DspBlock;
import dev.littlebrain.dsp.blocks.DspBlockType;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.InputKind;
import dev.littlebrain.dsp.blocks.SignalSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every registered DSP block finds its C emitter by its type (or is one of those that do not export, said in one
 * message), and the cost models cover exactly the framewise ones.
 */
class DspCEmittersTest {
    /** Blocks with no C form yet; the export says so. */
    private static final Set<String> NOT_EXPORTED = Set.of("librosa-mel");
    private static final SignalSpec AUDIO = SignalSpec.audio(16000);
    private static final SignalSpec MOTION = new SignalSpec(62.5, List.of("accX", "accY", "accZ"));

    @Test
    void everyBlockHasAnEmitterOrIsNamedAsNotExported() {
        for (DspBlockType type : DspBlocks.types()) {
            boolean audio = type.accepts().contains(InputKind.AUDIO);
            DspBlock block = DspBlocks.create(type.name(), audio ? AUDIO : MOTION, Map.of());
            int window = audio ? 16000 : 125;
            if (NOT_EXPORTED.contains(type.name())) {
                UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                        () -> DspCGenerator.generate(block, window, "impulse.yaml"));
                assertEquals("DSP block '" + type.name() + "' cannot be exported to C yet; supported: mfcc, mfe,"
                        + " spectrogram, spectral-analysis, raw, trajectory", e.getMessage());
                continue;
            }
            Map<String, String> files = DspCGenerator.generate(block, window, "impulse.yaml");
            assertTrue(files.get(DspCGenerator.SOURCE).contains(" * DSP block " + type.name() + " "), type.name());
            boolean framewise = DspCEmitters.framewise(block).isPresent();
            assertEquals(framewise, !SensorDspCGenerator.supports(block), type.name());
            assertEquals(framewise, DspLatencyModel.instructionsPerUpdate(block, window, window / 4).isPresent(),
                    type.name() + ": a framewise C form has a fitted cost model, a sensor one none");
        }
    }

    @Test
    void aSensorGeneratorRefusesAFramewiseBlockNamingTheSupportedOnes() {
        DspBlock mfcc = DspBlocks.create("mfcc", AUDIO, Map.of());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> SensorDspCGenerator.generate(mfcc, 16000, "impulse.yaml"));
        assertEquals("DSP block 'mfcc' is not a sensor block; supported: spectral-analysis, raw, trajectory",
                e.getMessage());
    }
}
