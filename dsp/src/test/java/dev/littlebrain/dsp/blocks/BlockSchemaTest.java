package dev.littlebrain.dsp.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every block's schema is what its config parser does: each spec'd parameter is accepted, its default is the value an
 * absent parameter takes, its range and allowed values are the ones enforced; and no other parameter is accepted.
 */
class BlockSchemaTest {
    /** Each block's config parser, by block name (the schema's test oracle: the parser itself). */
    private static final Map<String, Function<Map<String, String>, Record>> PARSERS = Map.of(
            "raw", RawConfig::fromParameters,
            "spectrogram", SpectrogramConfig::fromParameters,
            "mfe", MfeConfig::fromParameters,
            "mfcc", MfccConfig::fromParameters,
            "spectral-analysis", SpectralAnalysisConfig::fromParameters,
            "librosa-mel", LibrosaMelConfig::fromParameters,
            "trajectory", TrajectoryConfig::fromParameters);

    /**
     * Settings a bound needs from the parameters it depends on (named in its help), and for a parameter checked only
     * with a filter.
     */
    private static final Map<String, Map<String, String>> CONTEXT = Map.of(
            "mfcc.num_cepstral", Map.of("num_filters", "512"),
            "librosa-mel.win_length", Map.of("n_fft", "65536"),
            "librosa-mel.n_mfcc", Map.of("n_mels", "512"),
            "spectral-analysis.filter_cutoff", Map.of("filter_type", "low"),
            "spectral-analysis.filter_order", Map.of("filter_type", "low"));

    @Test
    void everyBlockHasATypeAndEveryTypeABlock() {
        assertEquals(PARSERS.keySet(), Set.copyOf(DspBlocks.NAMES));
        assertEquals(DspBlocks.NAMES, DspBlocks.types().stream().map(DspBlockType::name).toList());
        for (DspBlockType type : DspBlocks.types()) {
            assertFalse(type.title().isBlank(), type.name());
            assertFalse(type.accepts().isEmpty(), type.name());
            assertEquals(type.parameters().size(),
                    type.parameters().stream().map(ParameterSpec::name).distinct().count(), type.name());
            for (ParameterSpec spec : type.parameters()) {
                assertFalse(spec.help().isBlank(), type.name() + "." + spec.name());
            }
        }
    }

    @Test
    void theDefaultOfEverySpecIsWhatAnAbsentParameterTakes() {
        for (DspBlockType type : DspBlocks.types()) {
            Function<Map<String, String>, Record> parse = PARSERS.get(type.name());
            Record defaults = parse.apply(Map.of());
            for (ParameterSpec spec : type.parameters()) {
                assertEquals(defaults, parse.apply(Map.of(spec.name(), spec.defaultValue())),
                        type.name() + "." + spec.name() + " = " + spec.defaultValue());
            }
        }
    }

    @Test
    void defaultsDifferFromANonDefaultValueWhereTheParameterIsUsed() {
        // A spec whose default the parser ignored would pass the test above; a changed value must show.
        assertFalse(MfccConfig.defaults().equals(MfccConfig.fromParameters(Map.of("num_cepstral", "12"))));
        assertEquals(12, MfccConfig.fromParameters(Map.of("num_cepstral", "12")).numCepstral());
        assertEquals(13, MfccConfig.defaults().numCepstral());
        assertEquals(LibrosaMelConfig.Output.DB, LibrosaMelConfig.defaults().output());
    }

    @Test
    void onlySpecdParametersAreAccepted() {
        for (DspBlockType type : DspBlocks.types()) {
            Function<Map<String, String>, Record> parse = PARSERS.get(type.name());
            InvalidParameterException e = assertThrows(InvalidParameterException.class,
                    () -> parse.apply(Map.of("no_such_parameter", "1")), type.name());
            String known = new TreeSet<>(type.parameters().stream().map(ParameterSpec::name).toList()).toString();
            assertTrue(e.getMessage().endsWith("known parameters are " + known), e.getMessage());
        }
    }

    @Test
    void rangesAreTheOnesEnforced() {
        int checked = 0;
        for (DspBlockType type : DspBlocks.types()) {
            for (ParameterSpec spec : type.parameters()) {
                if (spec.range().isEmpty()) {
                    continue;
                }
                ParameterSpec.Range r = spec.range().get();
                boolean integer = spec.kind() == ParameterSpec.Kind.INT;
                accepted(type, spec, number(r.minExclusive() ? Math.nextUp(r.min()) : r.min(), integer));
                accepted(type, spec, number(r.max(), integer));
                rejected(type, spec, number(integer ? r.min() - 1 : r.minExclusive() ? r.min() : Math.nextDown(r.min()),
                        integer));
                rejected(type, spec, number(integer ? r.max() + 1 : Math.nextUp(r.max()), integer));
                checked++;
            }
        }
        assertTrue(checked >= 30, "ranged parameters checked: " + checked);
    }

    @Test
    void allowedValuesAreTheOnesEnforced() {
        for (DspBlockType type : DspBlocks.types()) {
            for (ParameterSpec spec : type.parameters()) {
                for (String value : spec.values()) {
                    accepted(type, spec, value);
                }
                switch (spec.kind()) {
                    case SELECT -> rejected(type, spec, "not-" + spec.defaultValue());
                    case INT -> {
                        rejected(type, spec, "1.5");
                        if (!spec.values().isEmpty()) {
                            int above = spec.values().stream().mapToInt(Integer::parseInt).max().orElseThrow() + 1;
                            rejected(type, spec, Integer.toString(above));
                        }
                    }
                    case FLOAT -> rejected(type, spec, "abc");
                    case BOOL -> {
                        rejected(type, spec, "maybe");
                        if (!spec.values().isEmpty()) {
                            rejected(type, spec, Boolean.toString(!Boolean.parseBoolean(spec.values().get(0))));
                        }
                    }
                    case STRING -> accepted(type, spec, "anything");
                    default -> fail(spec.kind().toString());
                }
            }
        }
    }

    @Test
    void kindsAndTheirDefaultsAgree() {
        for (DspBlockType type : DspBlocks.types()) {
            for (ParameterSpec spec : type.parameters()) {
                String where = type.name() + "." + spec.name();
                switch (spec.kind()) {
                    case INT -> Integer.parseInt(spec.defaultValue());
                    case FLOAT -> assertTrue(Double.isFinite(Double.parseDouble(spec.defaultValue())), where);
                    case BOOL -> assertTrue(Set.of("true", "false").contains(spec.defaultValue()), where);
                    case SELECT -> assertTrue(spec.values().contains(spec.defaultValue()), where);
                    default -> {
                    }
                }
                spec.range().ifPresent(r -> assertTrue(r.contains(Double.parseDouble(spec.defaultValue())), where));
            }
        }
    }

    private static String number(double v, boolean integer) {
        return integer ? Long.toString((long) v) : Double.toString(v);
    }

    private static Map<String, String> withContext(DspBlockType type, ParameterSpec spec, String value) {
        Map<String, String> parameters = new HashMap<>(CONTEXT.getOrDefault(type.name() + "." + spec.name(), Map.of()));
        parameters.put(spec.name(), value);
        return parameters;
    }

    private static void accepted(DspBlockType type, ParameterSpec spec, String value) {
        try {
            PARSERS.get(type.name()).apply(withContext(type, spec, value));
        } catch (InvalidParameterException e) {
            // Another parameter's bound may depend on this one (num_cepstral on num_filters): that is its check.
            if (e.parameter().equals(spec.name())) {
                fail(type.name() + "." + spec.name() + " = " + value + " is in the spec but rejected: " + e.getMessage());
            }
        }
    }

    private static void rejected(DspBlockType type, ParameterSpec spec, String value) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> PARSERS.get(type.name()).apply(withContext(type, spec, value)),
                type.name() + "." + spec.name() + " = " + value + " is outside the spec but accepted");
        assertEquals(spec.name(), e.parameter(), e.getMessage());
    }

}
