package dev.littlebrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.littlebrain.dsp.blocks.DspBlocks;
import dev.littlebrain.dsp.blocks.MfccConfig;
import dev.littlebrain.train.Presets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code littlebrain blocks}: every DSP block and learn preset with its parameters, as text and as JSON. */
class BlocksCommandTest {

    @Test
    void jsonListsEverySchemaAndItsSettingsParse() throws Exception {
        CliRun run = CliRun.of("blocks", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals(DspBlocks.NAMES, names(root.get("dsp")));
        assertEquals(Presets.NAMES, names(root.get("learn")));

        JsonNode mfcc = root.get("dsp").get(DspBlocks.NAMES.indexOf("mfcc"));
        assertEquals("[\"audio\"]", mfcc.get("accepts").toString());
        JsonNode cepstral = parameter(mfcc, "num_cepstral");
        assertEquals("int", cepstral.get("kind").asText());
        assertEquals(1.0, cepstral.get("range").get("min").asDouble());
        assertEquals(512.0, cepstral.get("range").get("max").asDouble());
        assertTrue(cepstral.get("help").asText().contains("num_filters"), cepstral.toString());
        assertEquals("[\"3\",\"4\"]", parameter(mfcc, "implementation_version").get("values").toString());
        assertTrue(!parameter(mfcc, "implementation_version").has("range"), "no range where there is none");

        // What the JSON says is what the parser takes: a config built from the JSON's defaults is the default one.
        Map<String, String> defaults = new java.util.HashMap<>();
        mfcc.get("parameters").forEach(p -> defaults.put(p.get("name").asText(), p.get("defaultValue").asText()));
        assertEquals(MfccConfig.defaults(), MfccConfig.fromParameters(defaults));

        JsonNode kwsm = root.get("learn").get(Presets.NAMES.indexOf("conv1d-kws-m"));
        assertEquals("100", parameter(kwsm, "epochs").get("defaultValue").asText());
        assertEquals("float", parameter(kwsm, "learning_rate").get("kind").asText());
        assertTrue(parameter(kwsm, "learning_rate").get("range").get("minExclusive").asBoolean());
    }

    @Test
    void textShowsEveryBlockWithItsParameters() {
        CliRun run = CliRun.of("blocks");
        assertEquals(0, run.exitCode(), run.err());
        for (String block : DspBlocks.NAMES) {
            assertTrue(run.out().contains("\n" + block + ": "), block + " missing in:\n" + run.out());
        }
        for (String preset : Presets.NAMES) {
            assertTrue(run.out().contains("\n" + preset + ": "), preset + " missing in:\n" + run.out());
        }
        assertTrue(run.out().matches("(?s).*\\n  num_cepstral +int +13 +\\[1, 512\\] +cepstral .*"), run.out());
        assertTrue(run.out().matches("(?s).*\\n  frame_length +float +0\\.02 +\\(0, 10\\] +.*"), run.out());
        assertTrue(run.out().matches("(?s).*\\n  filter_type +select +none +none \\| low \\| high +.*"), run.out());
        assertTrue(run.out().matches("(?s).*\\n  epochs +int +30 +>= 1 +.*"), run.out());
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("name").asText()));
        return out;
    }

    private static JsonNode parameter(JsonNode block, String name) {
        for (JsonNode p : block.get("parameters")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError(name + " missing in " + block);
    }
}
