package dev.littlebrain.impulse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.littlebrain.dsp.blocks.DspBlockType;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.ParameterSpec;
import dev.littlebrain.train.PresetType;
import dev.littlebrain.train.Presets;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The impulse file accepts what the block and preset schemas declare: every registered DSP block and preset by
 * name, and a learn block's settings at the bounds of each preset's parameter ranges, refusing them just outside.
 */
class LearnSchemaTest {
    private static final String KWS = ImpulseConfig.template("kws");

    /** How the parsed impulse holds each learn parameter of the preset schema. */
    private static final Map<String, Function<ImpulseConfig.Learn, Number>> LEARN = Map.of(
            "epochs", ImpulseConfig.Learn::epochs,
            "learning_rate", ImpulseConfig.Learn::learningRate,
            "batch_size", ImpulseConfig.Learn::batchSize);

    @Test
    void everyPresetAndItsParametersParse() {
        for (PresetType type : Presets.types()) {
            String yaml = KWS.replace("preset: conv1d-kws-m", "preset: " + type.name());
            assertEquals(type.name(), ImpulseConfig.parse(yaml).learn().preset());
            for (ParameterSpec spec : type.parameters()) {
                Function<ImpulseConfig.Learn, Number> read = LEARN.get(spec.name());
                assertTrue(read != null, "learn." + spec.name() + " is in the schema but not in the impulse");
                ParameterSpec.Range range = spec.range().orElseThrow();
                String lowest = spec.kind() == ParameterSpec.Kind.INT ? Long.toString((long) range.min()) : "1.0e-9";
                ImpulseConfig.Learn learn = ImpulseConfig.parse(withLearn(yaml, spec.name(), lowest)).learn();
                assertEquals(Double.parseDouble(lowest), read.apply(learn).doubleValue(), spec.name());
                ImpulseConfig.Learn atDefault = ImpulseConfig.parse(withLearn(yaml, spec.name(), spec.defaultValue()))
                        .learn();
                assertEquals(Double.parseDouble(spec.defaultValue()), read.apply(atDefault).doubleValue(),
                        spec.name());
                String outside = spec.kind() == ParameterSpec.Kind.INT ? Long.toString((long) range.min() - 1) : "0";
                Exception e = assertThrows(IllegalArgumentException.class,
                        () -> ImpulseConfig.parse(withLearn(yaml, spec.name(), outside)));
                assertTrue(e.getMessage().startsWith("learn." + spec.name() + ":"), e.getMessage());
            }
        }
    }

    @Test
    void everyDspBlockIsAcceptedByName() {
        for (DspBlockType type : DspBlocks.types()) {
            boolean audio = type.accepts().contains(dev.littlebrain.dsp.blocks.InputKind.AUDIO);
            String yaml = audio ? KWS : ImpulseConfig.template("motion");
            String block = audio ? "block: mfcc" : "block: spectral-analysis";
            assertEquals(type.name(), ImpulseConfig.parse(yaml.replace(block, "block: " + type.name())).dsp().block());
        }
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> ImpulseConfig.parse(KWS.replace("block: mfcc", "block: mfccc")));
        assertEquals("dsp.block: 'mfccc' is not one of " + DspBlocks.NAMES, e.getMessage());
    }

    /** {@code yaml} with the learn block's {@code key} set to {@code value} (replacing the template's line). */
    private static String withLearn(String yaml, String key, String value) {
        String out = yaml.replaceFirst("(?m)^  " + key + ": [^#\\n]*", "  " + key + ": " + value + " ");
        assertTrue(!out.equals(yaml) || yaml.contains("  " + key + ": " + value + " "), key);
        return out;
    }
}
