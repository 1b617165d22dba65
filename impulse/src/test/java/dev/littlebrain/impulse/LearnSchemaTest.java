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
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The impulse file accepts what the block and preset schemas declare: every registered DSP block and preset by
 * name, and a learn block's settings at the bounds of each preset's parameter ranges, refusing them just outside.
 */
class LearnSchemaTest {
    private static final String KWS = ImpulseConfig.template("kws");

    /** How the parsed impulse holds each learn parameter of the preset schema, as the schema writes values. */
    private static final Map<String, Function<ImpulseConfig.Learn, String>> LEARN = Map.of(
            "epochs", l -> Integer.toString(l.epochs()),
            "learning_rate", l -> Double.toString(l.learningRate()),
            "batch_size", l -> Integer.toString(l.batchSize()),
            "learning_rate_schedule", l -> l.schedule().id(),
            "seed", l -> Long.toString(l.seed()),
            "patience", l -> Integer.toString(l.patience()),
            "keep", l -> l.keep().id(),
            "class_weights", ImpulseConfig.Learn::classWeights,
            "label_smoothing", l -> java.math.BigDecimal.valueOf(l.labelSmoothing()).stripTrailingZeros()
                    .toPlainString());
    /** The learn keys an impulse file must state; the others take the schema's default when absent. */
    private static final Set<String> REQUIRED = Set.of("epochs", "learning_rate", "batch_size");

    @Test
    void everyPresetAndItsParametersParse() {
        for (PresetType type : Presets.types()) {
            String yaml = KWS.replace("preset: conv1d-kws-m", "preset: " + type.name());
            assertEquals(type.name(), ImpulseConfig.parse(yaml).learn().preset());
            for (ParameterSpec spec : type.parameters()) {
                String where = type.name() + ": learn." + spec.name();
                assertTrue(LEARN.containsKey(spec.name()), where + " is in the schema but not in the impulse");
                assertAccepted(yaml, spec, spec.defaultValue());
                String absent = yaml.replaceFirst("(?m)^  " + spec.name() + ":.*\\n", "");
                assertTrue(!absent.equals(yaml), where + " is in the template");
                if (REQUIRED.contains(spec.name())) {
                    assertRejected(absent, spec);
                } else {
                    assertEquals(spec.defaultValue(), LEARN.get(spec.name()).apply(ImpulseConfig.parse(absent).learn()),
                            where + ": an absent key takes the schema's default");
                }
                for (String value : spec.values()) {
                    assertAccepted(yaml, spec, value);
                }
                if (spec.kind() == ParameterSpec.Kind.SELECT) {
                    assertRejected(withLearn(yaml, spec.name(), "not-" + spec.defaultValue()), spec);
                }
                spec.range().ifPresent(range -> {
                    if (spec.kind() == ParameterSpec.Kind.INT) {
                        assertAccepted(yaml, spec, Long.toString((long) range.min()));
                        assertRejected(withLearn(yaml, spec.name(), Long.toString((long) range.min() - 1)), spec);
                    } else if (range.minExclusive()) {
                        assertAccepted(yaml, spec, "1.0E-9");
                        assertRejected(withLearn(yaml, spec.name(), Double.toString(range.min())), spec);
                    } else {
                        assertAccepted(yaml, spec, Double.toString(range.min()));
                        assertAccepted(yaml, spec, Double.toString(range.max()));
                        assertRejected(withLearn(yaml, spec.name(), Double.toString(range.min() - 1e-6)), spec);
                        assertRejected(withLearn(yaml, spec.name(), Double.toString(range.max() + 1e-6)), spec);
                    }
                });
            }
        }
    }

    private static void assertAccepted(String yaml, ParameterSpec spec, String value) {
        ImpulseConfig.Learn learn = ImpulseConfig.parse(withLearn(yaml, spec.name(), value)).learn();
        String read = LEARN.get(spec.name()).apply(learn);
        if (spec.kind() == ParameterSpec.Kind.FLOAT || spec.kind() == ParameterSpec.Kind.INT) {
            assertEquals(Double.parseDouble(value), Double.parseDouble(read), spec.name());
        } else {
            assertEquals(value, read, spec.name());
        }
    }

    private static void assertRejected(String yaml, ParameterSpec spec) {
        Exception e = assertThrows(IllegalArgumentException.class, () -> ImpulseConfig.parse(yaml));
        assertTrue(e.getMessage().startsWith("learn." + spec.name() + ":"), e.getMessage());
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
